/**
 * What the sheet tabs do when used: rename, add (blank or from the gallery), the tab menu (move,
 * delete with confirmation and undo) and drag to reorder. Not needed to show the tabs, so it loads
 * just after the first paint (SheetTabs.tsx).
 */
import { lazy, type Accessor, type Setter } from 'solid-js';
import type { SheetInfo } from '../schema/types.ts';
import type { AppState } from './app-context.ts';
import { undo } from './grid/grid-commands.ts';
import { nextFreeName, sheetNameProblem } from './names.ts';
import { addBlankSheet } from './template-gallery.ts';
import type { MenuAnchor, MenuItem } from './widgets/Menu.tsx';

const GalleryDialog = lazy(() => import('./dialogs/GalleryDialog.tsx'));
const ConfirmDialog = lazy(() => import('./widgets/Dialog.tsx').then((m) => ({ default: m.ConfirmDialog })));

/** The tab strip's state the actions work on. */
export interface TabStrip {
  app: AppState;
  setActive: (id: string) => void;
  sheets: () => SheetInfo[];
  renaming: Accessor<string | null>;
  setRenaming: Setter<string | null>;
  setRenameError: Setter<string | undefined>;
  setMenu: (menu: { anchor: MenuAnchor; items: MenuItem[] } | null) => void;
  drag: Accessor<{ id: string; slot: number } | null>;
  setDrag: Setter<{ id: string; slot: number } | null>;
  strip: () => HTMLDivElement | undefined;
}

const report = (app: AppState, err: unknown) => app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });

/** Saves a sheet's new name, or shows why it cannot be taken. */
export const commitRename = (st: TabStrip, s: SheetInfo, value: string): void => {
  const { app } = st;
  if (value.trim() === app.label(s)) return void st.setRenaming(null);
  const problem = sheetNameProblem(app, value, s.id);
  if (problem) return void st.setRenameError(problem);
  try {
    app.wb.renameSheet(s.id, value, app.i18n.locale());
  } catch (err) {
    report(app, err);
  }
  st.setRenaming(null);
  st.setRenameError(undefined);
};

const addBlank = (st: TabStrip) => {
  const { app } = st;
  const name = nextFreeName((n) => app.t('tabs.newName', n), (n) => !app.wb.sheetByName(n), st.sheets().length + 1);
  try {
    st.setActive(addBlankSheet(app.wb, { name, locale: app.i18n.locale() }));
  } catch (err) {
    report(app, err);
  }
};

const confirmDelete = (st: TabStrip, s: SheetInfo) => {
  const { app } = st;
  const t = app.t;
  app.openDialog((close) => (
    <ConfirmDialog
      title={t('tabs.deleteTitle', app.label(s))}
      body={t('tabs.deleteBody', app.wb.rowCount(s.id))}
      confirm={t('tabs.deleteConfirm')}
      cancel={t('common.cancel')}
      onClose={close}
      onConfirm={() => {
        try {
          app.wb.deleteSheet(s.id);
          app.toasts.show({ kind: 'info', message: t('tabs.deleted', app.label(s)), action: { label: t('common.undo'), run: () => undo(app) } });
        } catch (err) {
          report(app, err);
        }
      }}
    />
  ));
};

/** Opens a tab's menu: rename, move left or right, delete. */
export const tabMenu = (st: TabStrip, s: SheetInfo, anchor: MenuAnchor): void => {
  const { app } = st;
  const t = app.t;
  const sheets = st.sheets();
  const i = sheets.findIndex((x) => x.id === s.id);
  const move = (to: number) => () => {
    try {
      app.wb.moveSheet(s.id, to);
    } catch (err) {
      report(app, err);
    }
  };
  st.setMenu({
    anchor,
    items: [
      { label: t('tabs.rename'), run: () => st.setRenaming(s.id), testId: 'tab-rename' },
      { label: t('tabs.moveLeft'), run: move(i - 1), disabled: i === 0 },
      { label: t('tabs.moveRight'), run: move(i + 1), disabled: i === sheets.length - 1 },
      { label: t('tabs.delete'), run: () => confirmDelete(st, s), danger: true, separator: true, testId: 'tab-delete' },
    ],
  });
};

/** Opens the "+" menu: a blank sheet, or one from the gallery. */
export const addMenu = (st: TabStrip, anchor: MenuAnchor): void => {
  const { app } = st;
  st.setMenu({
    anchor,
    items: [
      { label: app.t('tabs.blank'), run: () => addBlank(st), testId: 'add-blank-sheet' },
      {
        label: app.t('tabs.gallery'),
        testId: 'add-from-gallery',
        run: () => app.openDialog((close) => <GalleryDialog onClose={close} onAdded={st.setActive} />),
      },
    ],
  });
};

/** Slot (0 … n) the pointer is over: before the tab whose middle is right of it. */
const slotAt = (st: TabStrip, x: number): number => {
  const tabs = [...(st.strip()?.querySelectorAll<HTMLElement>('.wb-tab') ?? [])];
  const i = tabs.findIndex((el) => {
    const r = el.getBoundingClientRect();
    return x < r.left + r.width / 2;
  });
  return i < 0 ? tabs.length : i;
};

/** Follows a press on tab `el` (pointer `pointerId` at `x0`): a drag moves the sheet where it is dropped. */
export const startDrag = (st: TabStrip, el: HTMLElement, pointerId: number, x0: number, s: SheetInfo): void => {
  const { app } = st;
  const move = (ev: PointerEvent) => {
    if (!st.drag() && Math.abs(ev.clientX - x0) < 6) return;
    st.setDrag({ id: s.id, slot: slotAt(st, ev.clientX) });
  };
  const up = () => {
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', up);
    el.removeEventListener('pointercancel', up);
    const d = st.drag();
    st.setDrag(null);
    if (!d) return;
    const from = st.sheets().findIndex((x) => x.id === d.id);
    const to = d.slot > from ? d.slot - 1 : d.slot;
    if (to !== from) {
      try {
        app.wb.moveSheet(d.id, to);
      } catch (err) {
        report(app, err);
      }
    }
  };
  try {
    el.setPointerCapture(pointerId);
  } catch {
    // The button was already released (the code loaded after the press): nothing to follow.
    return;
  }
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
};
