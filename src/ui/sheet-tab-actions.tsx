/**
 * What the sheet tabs do when used: rename, the "+" menu and the tab menu (their items are in
 * tab-menus.tsx) and drag to reorder. Not needed to show the tabs, so it loads
 * just after the first paint (SheetTabs.tsx).
 */
import type { Accessor, Setter } from 'solid-js';
import type { SheetInfo } from '../schema/types.ts';
import type { AppState } from './app-context.ts';
import { sheetNameProblem } from './names.ts';
import { addMenuItems, printSheet, tabMenuItems, type TabMenuContext } from './tab-menus.tsx';
import type { MenuAnchor, MenuItem } from './widgets/Menu.tsx';

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

const menuContext = (st: TabStrip): TabMenuContext => ({
  app: st.app,
  sheets: st.sheets,
  setActive: st.setActive,
  rename: (id) => st.setRenaming(id),
  report: (err) => report(st.app, err),
});

/** Opens a tab's menu: rename, print, move left or right, delete; a viewer's prints only (tab-menus.tsx). */
export const tabMenu = (st: TabStrip, s: SheetInfo, anchor: MenuAnchor): void => {
  st.setMenu({ anchor, items: tabMenuItems(menuContext(st), s) });
};

/** Opens the "+" menu: a blank sheet, one from the gallery, a view sheet (tab-menus.tsx). */
export const addMenu = (st: TabStrip, anchor: MenuAnchor): void => {
  st.setMenu({ anchor, items: addMenuItems(menuContext(st)) });
};

/**
 * Ctrl+P on a sheet prints its view as a table (print/print-sheet.ts), as the tab menu's Print…
 * does; on the dashboard or the calendar the browser prints the page as it shows. Listened to from
 * just after the first paint, until the tab strip leaves the page.
 */
export const listenPrintKey = (st: TabStrip): void => {
  const { app } = st;
  const onKey = (e: KeyboardEvent) => {
    if (!st.strip()?.isConnected) return document.removeEventListener('keydown', onKey);
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'p' || app.view() !== 'grid' || !app.activeSheet()) return;
    e.preventDefault();
    printSheet(app, app.activeSheet());
  };
  document.addEventListener('keydown', onKey);
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
