/**
 * The sheet tabs' menus, loaded on first use: a tab's (rename, move, delete with confirmation and
 * undo) and "+" (a blank sheet, one from the gallery, a view sheet).
 */
import { lazy, type Accessor } from 'solid-js';
import type { SheetInfo } from '../schema/types.ts';
import type { AppState } from './app-context.ts';
import { undo } from './grid/grid-commands.ts';
import { nextFreeName } from './names.ts';
import { addBlankSheet } from '../app/template-gallery.ts';
import type { MenuItem } from './widgets/Menu.tsx';
import { dialogTexts } from './i18n/dialog-texts.ts';
import { printTexts } from './print/print-texts.ts';

const GalleryDialog = lazy(() => import('./dialogs/GalleryDialog.tsx'));
const ViewSheetDialog = lazy(() => import('./dialogs/ViewSheetDialog.tsx'));
const ConfirmDialog = lazy(() => import('./widgets/Dialog.tsx').then((m) => ({ default: m.ConfirmDialog })));

/** What the menus act on: the app, the tabs, and the tab strip's own state. */
export interface TabMenuContext {
  app: AppState;
  sheets: Accessor<SheetInfo[]>;
  /** Opens a sheet. */
  setActive: (id: string) => void;
  /** Starts renaming a tab in place. */
  rename: (id: string) => void;
  /** Shows a refusal of the model. */
  report: (err: unknown) => void;
}

// What depends on the sheet is found first (its code loads with the question), so the question can name it.
const confirmDelete = (ctx: TabMenuContext, s: SheetInfo) =>
  void Promise.all([import('../app/dependents.ts'), import('./dependents-text.ts')]).then(([deps, words]) => {
    askDelete(ctx, s, words.dependentsText(ctx.app, deps.dependentsOfSheet(ctx.app.wb, s.id)));
  });

const askDelete = ({ app, report }: TabMenuContext, s: SheetInfo, dependents: { summary: string; details: string[] } | null) => {
  const t = app.i18n.texts(dialogTexts);
  app.openDialog((close) => (
    <ConfirmDialog
      title={t('tabs.deleteTitle', app.label(s))}
      body={t('tabs.deleteBody', app.wb.rowCount(s.id))}
      dependents={dependents}
      confirm={t('tabs.deleteConfirm')}
      cancel={t('common.cancel')}
      onClose={close}
      onConfirm={() => {
        try {
          app.wb.deleteSheet(s.id);
          app.toasts.show({ kind: 'info', message: t('tabs.deleted', app.label(s)), action: { label: t('common.undo'), run: () => undo(app) } });
        } catch (err) {
          report(err);
        }
      }}
    />
  ));
};

/** Prints sheet `sheetId` as this person sees it (its code loads on first use). */
export const printSheet = (app: AppState, sheetId: string): void => void import('./print/print-sheet.ts').then((m) => m.printSheet(app, sheetId));

/** The menu of tab `s` (for a viewer, only Print…). */
export const tabMenuItems = (ctx: TabMenuContext, s: SheetInfo): MenuItem[] => {
  const { app, sheets, report } = ctx;
  const t = app.i18n.texts(dialogTexts);
  const i = sheets().findIndex((x) => x.id === s.id);
  const move = (to: number) => () => {
    try {
      app.wb.moveSheet(s.id, to);
    } catch (err) {
      report(err);
    }
  };
  // The sheet as this person sees it (filters, sort), every column, on paper (print/print-sheet.ts).
  const print: MenuItem = { label: app.i18n.texts(printTexts)('print.action'), run: () => printSheet(app, s.id), testId: 'tab-print' };
  // A viewer (read-only link) prints too; the rest changes the workbook.
  if (app.readOnly) return [print];
  return [
    { label: t('tabs.rename'), run: () => ctx.rename(s.id), testId: 'tab-rename' },
    print,
    { label: t('tabs.moveLeft'), run: move(i - 1), disabled: i === 0 },
    { label: t('tabs.moveRight'), run: move(i + 1), disabled: i === sheets().length - 1 },
    { label: t('tabs.delete'), run: () => confirmDelete(ctx, s), danger: true, separator: true, testId: 'tab-delete' },
  ];
};

/** The "+" menu: a blank sheet, a sheet from the gallery, a view sheet. */
export const addMenuItems = (ctx: TabMenuContext): MenuItem[] => {
  const { app, sheets, setActive, report } = ctx;
  const t = app.i18n.texts(dialogTexts);
  const addBlank = () => {
    const name = nextFreeName((n) => t('tabs.newName', n), (n) => !app.wb.sheetByName(n), sheets().length + 1);
    try {
      setActive(addBlankSheet(app.wb, { name, locale: app.i18n.locale() }));
    } catch (err) {
      report(err);
    }
  };
  return [
    { label: t('tabs.blank'), run: addBlank, testId: 'add-blank-sheet' },
    {
      label: t('tabs.gallery'),
      testId: 'add-from-gallery',
      run: () => app.openDialog((close) => <GalleryDialog onClose={close} onAdded={setActive} />),
    },
    {
      label: t('tabs.view'),
      testId: 'add-view-sheet',
      run: () => app.openDialog((close) => <ViewSheetDialog onClose={close} onAdded={setActive} />),
    },
  ];
};
