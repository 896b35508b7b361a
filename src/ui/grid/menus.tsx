/** The column menu (header ⋮) and the row menu (right click): their entries and what each does. */
import { lazy } from 'solid-js';
import { syncTexts } from '../i18n/sync-texts.ts';
import { columnNameProblem } from '../names.ts';
import { ConfirmDialog, PromptDialog } from '../widgets/Dialog.tsx';
import { dependentsOfColumn } from '../../app/dependents.ts';
import { dependentsText } from '../dependents-text.ts';
import type { MenuItem } from '../widgets/Menu.tsx';
import { attempt, clearSelection, insertRow, undo } from './grid-commands.ts';
import { deleteSelectedRows, duplicateSelectedRows } from './row-commands.ts';
import type { GridController } from './grid-controller.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { cellMenuItems, columnShowItems } from './grid-menu-items.ts';
import { rulesTexts } from '../i18n/rules-texts.ts';

const ColumnDialog = lazy(() => import('../dialogs/ColumnDialog.tsx'));
const RulesDialog = lazy(() => import('../dialogs/RulesDialog.tsx'));

/** Opens the add-column dialog, inserting at `index` (the end when omitted). */
export const openAddColumn = (ctl: GridController, index?: number): void => {
  ctl.app.openDialog((close) => <ColumnDialog ctl={ctl} mode={{ kind: 'add', index }} onClose={close} />);
};

/** Entries of a column's menu. `openFilter` shows the filter popover for it. */
export const columnMenuItems = (ctl: GridController, colId: string, openFilter: () => void): MenuItem[] => {
  const { app, sheetId, wb } = ctl;
  const col = ctl.shape.column(colId);
  if (!col) return [];
  const t = app.i18n.texts(dialogTexts);
  const name = app.label(col);
  const view = ctl.view();
  const sorted = view.sort.some((s) => s.colId === colId);
  const filtered = view.filters[colId] !== undefined;
  const index = wb.columns(sheetId).findIndex((c) => c.id === colId);
  const sortBy = (sort: 'asc' | 'desc' | null) =>
    ctl.updateView({ ...view, sort: sort ? [{ colId, sort }] : view.sort.filter((s) => s.colId !== colId) });
  const looking: MenuItem[] = [
    { label: t('col.sortAsc'), run: () => sortBy('asc'), testId: 'col-sort-asc' },
    { label: t('col.sortDesc'), run: () => sortBy('desc'), testId: 'col-sort-desc' },
    { label: t('col.clearSort'), run: () => sortBy(null), disabled: !sorted },
    { label: t('col.filter'), run: openFilter, testId: 'col-filter' },
    {
      label: t('col.clearFilter'),
      disabled: !filtered,
      run: () => {
        const { [colId]: _gone, ...rest } = view.filters;
        ctl.updateView({ ...view, filters: rest });
      },
    },
    // Rules are shared: a viewer sees them (read-only), an editor changes them in the dialog.
    {
      label: app.i18n.texts(rulesTexts)('rules.menu'),
      run: () => app.openDialog((close) => <RulesDialog ctl={ctl} colId={colId} onClose={close} />),
      testId: 'col-rules',
    },
  ];
  // Sort and filter are this person's own view; everything else changes the sheet for everyone.
  if (ctl.readOnly) return looking;
  return [
    ...looking,
    {
      label: t('col.rename'),
      separator: true,
      testId: 'col-rename',
      run: () =>
        app.openDialog((close) => (
          <PromptDialog
            title={t('col.rename')}
            label={t('coldlg.name')}
            value={name}
            ok={t('common.apply')}
            cancel={t('common.cancel')}
            check={(v) => columnNameProblem(app, sheetId, v, colId)}
            onSubmit={(v) => attempt(ctl, () => wb.renameColumn(sheetId, colId, v, app.i18n.locale()))()}
            onClose={close}
          />
        )),
    },
    {
      label: t('col.changeType'),
      testId: 'col-type',
      run: () => app.openDialog((close) => <ColumnDialog ctl={ctl} mode={{ kind: 'retype', colId }} onClose={close} />),
    },
    col.formula === undefined
      ? { label: t('col.setFormula'), run: () => ctl.editColumnFormula(colId), testId: 'col-formula' }
      : { label: t('col.removeFormula'), run: attempt(ctl, () => wb.setColumnFormula(sheetId, colId, undefined)) },
    { label: t('col.insertLeft'), separator: true, run: () => openAddColumn(ctl, index) },
    { label: t('col.insertRight'), run: () => openAddColumn(ctl, index + 1) },
    col.options.pinned
      ? { label: t('col.unpin'), run: attempt(ctl, () => wb.setColumnOptions(sheetId, colId, { ...col.options, pinned: undefined })) }
      : { label: t('col.pin'), run: attempt(ctl, () => wb.setColumnOptions(sheetId, colId, { ...col.options, pinned: true })), testId: 'col-pin' },
    ...columnShowItems(ctl, colId),
    {
      label: t('col.delete'),
      separator: true,
      danger: true,
      testId: 'col-delete',
      run: () =>
        app.openDialog((close) => (
          <ConfirmDialog
            title={t('col.deleteTitle', name)}
            body={t('col.deleteBody')}
            dependents={dependentsText(app, dependentsOfColumn(wb, sheetId, colId))}
            confirm={t('col.deleteConfirm')}
            cancel={t('common.cancel')}
            onClose={close}
            onConfirm={attempt(ctl, () => {
              wb.deleteColumn(sheetId, colId);
              app.toasts.show({ kind: 'info', message: t('col.deleted', name), action: { label: t('common.undo'), run: () => undo(app) } });
            })}
          />
        )),
    },
  ];
};

/** Entries of the row menu, for the selected rows (and the active cell's history). */
export const rowMenuItems = (ctl: GridController): MenuItem[] => {
  const t = ctl.app.i18n.texts(dialogTexts);
  const n = ctl.selectedRowIds().length;
  const history: MenuItem = { label: ctl.app.i18n.texts(syncTexts)('history.menu'), run: () => ctl.app.setPanel('history'), testId: 'cell-history', separator: true };
  const cells = cellMenuItems(ctl, clearSelection);
  if (ctl.readOnly) return ctl.shape.isView ? cells : [...cells, history];
  return [
    ...cells,
    history,
    { label: t('row.insertAbove'), run: attempt(ctl, () => insertRow(ctl, 'above')), testId: 'row-insert-above', separator: true },
    { label: t('row.insertBelow'), run: attempt(ctl, () => insertRow(ctl, 'below')), testId: 'row-insert-below' },
    { label: t('row.duplicate', n), run: attempt(ctl, () => duplicateSelectedRows(ctl)), testId: 'row-duplicate' },
    { label: t('row.delete', n), run: attempt(ctl, () => deleteSelectedRows(ctl)), danger: true, separator: true, testId: 'row-delete' },
  ];
};
