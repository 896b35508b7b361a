/** The app shell: the workbook name, its sheet tabs and the selected sheet as a table. */
import { createSignal, For, onCleanup, type JSX } from 'solid-js';
import type { Workbook } from '../model/index.ts';
import { exampleWorkbook } from './example-workbook.ts';

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? '=…' : String(v));

/** Renders the example workbook read through the model. */
export const App = (): JSX.Element => {
  const wb: Workbook = exampleWorkbook();
  const [version, setVersion] = createSignal(0);
  onCleanup(wb.onChange(() => setVersion((v) => v + 1)));
  const [sheetId, setSheetId] = createSignal(wb.sheets()[0]?.id ?? '');
  const columns = () => (version(), wb.columns(sheetId()));
  const rows = () => (version(), wb.rowIds(sheetId()));
  return (
    <main class="app">
      <h1 data-testid="workbook-name">{(version(), wb.settings.name)}</h1>
      <nav class="tabs">
        <For each={(version(), wb.sheets())}>
          {(s) => (
            <button type="button" aria-pressed={s.id === sheetId()} onClick={() => setSheetId(s.id)}>
              {s.name}
            </button>
          )}
        </For>
      </nav>
      <table>
        <thead>
          <tr>
            <For each={columns()}>{(c) => <th title={c.type}>{c.name}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(r) => (
              <tr>
                <For each={columns()}>{(c) => <td>{show(wb.cell(sheetId(), r, c.id))}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </main>
  );
};
