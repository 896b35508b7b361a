/**
 * Entries the grid's menus gained: Cut, Copy, Paste and Clear on the cells (through the same
 * clipboard and paste code as the keyboard's), and hiding, showing and wrapping a column.
 */
import { hiddenColumns } from '../../app/column-display.ts';
import { setColumnHidden, setColumnWrap, showColumns } from '../../app/column-display-edits.ts';
import { gridTexts } from '../i18n/grid-texts.ts';
import type { MenuItem } from '../widgets/Menu.tsx';
import { selectionText } from './clipboard.ts';
import { attempt, undo } from './grid-commands.ts';
import type { GridController } from './grid-controller.ts';
import { toTsv } from '../../csv/tsv.ts';

/** Hidden columns listed one by one in a column's menu; more are shown together. */
const LISTED = 5;

/** The selection as TSV on the system clipboard; false when the browser refused. */
const copySelection = async (ctl: GridController): Promise<boolean> => {
  const rows = selectionText(ctl);
  if (rows.length === 0) return true;
  try {
    await navigator.clipboard.writeText(toTsv(rows));
    return true;
  } catch {
    return false;
  }
};

const blocked = (ctl: GridController): void => {
  ctl.app.toasts.show({ kind: 'info', message: ctl.app.i18n.texts(gridTexts)('grid.clipboardBlocked') });
};

/**
 * Cut, Copy, Paste and Clear for the selected cells; a viewer (or a view sheet) gets Copy alone.
 * `clear` is the Delete key's command.
 */
export const cellMenuItems = (ctl: GridController, clear: (ctl: GridController) => number): MenuItem[] => {
  const t = ctl.app.i18n.texts(gridTexts);
  const copy: MenuItem = { label: t('grid.copy'), testId: 'cell-copy', run: () => void copySelection(ctl).then((ok) => ok || blocked(ctl)) };
  if (ctl.readOnly) return [copy];
  return [
    {
      label: t('grid.cut'),
      testId: 'cell-cut',
      run: () => void copySelection(ctl).then((ok) => (ok ? void clear(ctl) : blocked(ctl))),
    },
    copy,
    {
      label: t('grid.paste'),
      testId: 'cell-paste',
      run: () =>
        void navigator.clipboard
          .readText()
          .then(async (text) => (await import('./paste.ts')).pasteText(ctl, text))
          .catch(() => blocked(ctl)),
    },
    { label: t('grid.clear'), testId: 'cell-clear', run: attempt(ctl, () => void clear(ctl)) },
  ];
};

/** Hide, wrap, and show the sheet's hidden columns, for a column's menu (editors only: they change the sheet for everyone). */
export const columnShowItems = (ctl: GridController, colId: string): MenuItem[] => {
  const { app, sheetId, wb } = ctl;
  const t = app.i18n.texts(gridTexts);
  const col = wb.column(sheetId, colId);
  if (!col) return [];
  const hidden = hiddenColumns(wb.columns(sheetId));
  const items: MenuItem[] = [
    {
      label: t('grid.hide'),
      separator: true,
      testId: 'col-hide',
      run: attempt(ctl, () => {
        if (setColumnHidden(wb, sheetId, colId, true) === 'lastShown') return app.toasts.show({ kind: 'error', message: t('grid.hideLast') });
        app.toasts.show({ kind: 'info', message: t('grid.hidden', app.label(col)), action: { label: t('common.undo'), run: () => undo(app) } });
      }),
    },
    col.options.wrap
      ? { label: t('grid.unwrap'), testId: 'col-unwrap', run: attempt(ctl, () => setColumnWrap(wb, sheetId, colId, false)) }
      : { label: t('grid.wrap'), testId: 'col-wrap', run: attempt(ctl, () => setColumnWrap(wb, sheetId, colId, true)) },
  ];
  for (const h of hidden.slice(0, hidden.length > LISTED ? 0 : LISTED)) {
    items.push({ label: t('grid.show', app.label(h)), testId: `col-show-${h.id}`, run: attempt(ctl, () => showColumns(wb, sheetId, [h.id])) });
  }
  if (hidden.length > 1) {
    items.push({ label: t('grid.showAll', hidden.length), testId: 'col-show-all', run: attempt(ctl, () => showColumns(wb, sheetId, hidden.map((h) => h.id))) });
  }
  return items;
};
