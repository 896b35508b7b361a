/**
 * The whole array a cell's formula gives, opened from the cell (which shows its count and first
 * values): its columns, and its first rows formatted as the grid formats them. Read-only.
 */
import { createMemo, For, Show, type JSX } from 'solid-js';
import { isErrorValue } from '../../schema/computed-value.ts';
import { formatValue } from '../../schema/format-value.ts';
import { useApp } from '../app-context.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';
import type { GridController } from './grid-controller.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

/** Rows listed (a longer array says how many more it has). */
const LISTED = 200;

const ArrayDialog = (props: { sheetId: string; rowId: string; colId: string; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const array = createMemo(() => (app.cells(), app.calc.arrayAt(props.sheetId, props.rowId, props.colId)));
  const rows = () => {
    const a = array();
    if (!a) return [];
    const fmt = app.format();
    return Array.from({ length: Math.min(LISTED, a.rows) }, (_, r) =>
      a.columns.map((c, i) => {
        const v = a.at(r, i);
        return isErrorValue(v) ? v.error : formatValue(v, { type: c.type, options: {} }, fmt);
      }),
    );
  };
  const title = () => {
    const a = array();
    return a ? t('arraydlg.title', a.rows, a.columns.length) : '';
  };
  return (
    <Dialog title={title()} onClose={props.onClose} testId="array-dialog">
      <Show when={array()}>
        {(a) => (
          <>
            <div class="wb-array-scroll">
              <table class="wb-array-table">
                <thead>
                  <tr>
                    <For each={a().columns}>{(c, i) => <th>{c.name ?? String(i() + 1)}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(row) => (
                      <tr>
                        <For each={row}>{(text) => <td>{text}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={a().rows > LISTED}>
              <p class="wb-help-note">{t('arraydlg.more', a().rows - LISTED)}</p>
            </Show>
          </>
        )}
      </Show>
      <DialogFooter cancel={t('common.close')} onCancel={props.onClose} />
    </Dialog>
  );
};

/** Opens the array of a cell of the grid in a dialog; the active cell gets the focus back when it closes. */
export const openArray = (ctl: GridController, rowId: string, colId: string): void =>
  ctl.app.openDialog((close) => <ArrayDialog sheetId={ctl.sheetId} rowId={rowId} colId={colId} onClose={close} />);
