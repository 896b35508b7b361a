/** App entry: mounts the workbook UI. */
import { render } from 'solid-js/web';
import { App } from './ui/App.tsx';

const root = document.getElementById('app');
if (root) render(() => <App />, root);
