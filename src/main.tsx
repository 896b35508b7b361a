/** App entry: opens the example workbook (or, behind ?bench / ?test, a test workbook) and mounts the UI. */
import { render } from 'solid-js/web';
import './ui/styles/base.css';
import './ui/styles/grid.css';
import './ui/styles/editor.css';
import './ui/styles/shell.css';
import './ui/styles/overlays.css';
import { App } from './ui/App.tsx';
import { exampleWorkbook } from './ui/example-workbook.ts';
import { createI18n, savedLocale, type I18n } from './ui/i18n/i18n.ts';
import type { Workbook } from './model/index.ts';

const params = new URLSearchParams(location.search);

/** The formula engine, loaded after the grid has shown (it is not part of the first load). */
const loadEngine = (i18n: I18n) => (wb: Workbook) => import('./ui/engine-calc.ts').then((m) => m.engineCalc(wb, i18n.locale));

const start = async (): Promise<void> => {
  const root = document.getElementById('app');
  if (!root) return;
  // The test hook is its own chunk: ordinary visits never download it.
  const hook = params.has('bench') || params.has('test') ? await import('./ui/test-hook.ts') : undefined;
  const wb = hook?.workbookFor(params) ?? exampleWorkbook();
  performance.mark('wb-loaded');
  const i18n = await createI18n(savedLocale() ?? wb.settings.locale);
  render(() => <App wb={wb} workbookKey={hook ? hook.workbookKey(params) : 'example'} i18n={i18n} onReady={hook?.install} engine={hook?.engineFor(params) ?? loadEngine(i18n)} readOnly={hook?.readOnly(params)} />, root);
};

void start();
