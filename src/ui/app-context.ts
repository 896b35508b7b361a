/** What every component of the app reaches through Solid's context: the workbook, the engine, language, toasts. */
import { batch, createContext, createSignal, useContext, type Accessor, type JSX } from 'solid-js';
import type { Labels } from '../schema/types.ts';
import type { Workbook } from '../model/index.ts';
import type { Peer } from '../sync/presence.ts';
import type { WorkbookSession } from '../sync/session.ts';
import type { CalcService } from '../app/calc-service.ts';
import type { FormatContext } from '../schema/format-value.ts';
import type { GridController } from './grid/grid-controller.ts';
import type { I18n } from './i18n/i18n.ts';
import type { TemplateGallery } from '../app/template-gallery.ts';
import type { Toasts } from './toasts.ts';

/** A modal dialog: rendered by the dialog host until `close` is called. */
export type DialogRender = (close: () => void) => JSX.Element;

/** What the main area shows: the open sheet's grid, its calendar (campaign sheets), or the dashboard. */
export type MainView = 'grid' | 'calendar' | 'dashboard';

/** Side panels and bars, opened from anywhere. */
export type PanelName = 'find' | 'help' | 'charts' | 'history';

/** The app's shared state. */
export interface AppState {
  wb: Workbook;
  /** Identifies the workbook in this browser's storage (per-user sort and filters). */
  workbookKey: string;
  /** The formula engine (reactive: the stand-in is replaced when the engine has loaded). */
  readonly calc: CalcService;
  /** The template gallery; when absent, the ops gallery loads with the gallery dialog. */
  gallery?: TemplateGallery;
  i18n: I18n;
  t: I18n['t'];
  toasts: Toasts;
  /** Bumps on settings, sheets, columns and rows added, removed or moved. */
  structure: Accessor<number>;
  /** Bumps on cell edits and recalculations. */
  cells: Accessor<number>;
  /** Locale and currency for formatting (reactive). */
  format: Accessor<FormatContext>;
  /** The name to show for a sheet or column: its label in the UI language, else its name. */
  label: (item: { name: string; labels?: Labels }) => string;
  /** The grid of the current sheet, once mounted. */
  grid: Accessor<GridController | undefined>;
  setGrid: (g: GridController | undefined) => void;
  /** Opens a modal dialog. */
  openDialog: (render: DialogRender) => void;
  /** Opens a sheet in the grid (after an import made it, say). */
  openSheet: (sheetId: string) => void;
  /** Lazily loaded panels and bars, opened from anywhere. */
  panel: Accessor<PanelName | null>;
  setPanel: (p: PanelName | null) => void;
  /** The open sheet's id. */
  activeSheet: Accessor<string>;
  view: Accessor<MainView>;
  setView: (v: MainView) => void;
  /** Shows a row of a sheet in its grid, as the active cell (a click on a calendar bar). */
  openRow: (sheetId: string, rowId: string) => void;
  /** A viewer: the app shows the workbook but offers no way to change it. */
  readOnly: boolean;
  /** The workbook's storage and sync (absent for a workbook opened in memory by the test hook). */
  session: WorkbookSession | undefined;
  /** Teammates in the workbook and where they are (reactive; none without a session). */
  peers: Accessor<readonly Peer[]>;
  /** Set by the sync bar, which follows the session's presence. */
  setPeers: (peers: readonly Peer[]) => void;
  /** True once the first rows are on screen: parts not needed for the first paint mount then. */
  painted: Accessor<boolean>;
  /** True when a cell lost a value written at the same time, not looked at yet (false until that code has loaded, after the first paint). */
  hasConflict: ConflictCheck;
  /** Installs the conflict check (loaded with the sync bar) and repaints the grid's marks. */
  setConflictCheck: (check: ConflictCheck) => void;
}

/** Whether a cell of a sheet has an unseen conflict. */
export type ConflictCheck = (sheetId: string, rowId: string, colId: string) => boolean;

const Ctx = createContext<AppState>();

/** Provider component of the app state. */
export const AppProvider = Ctx.Provider;

/** The app state; throws when used outside the provider (a bug). */
export const useApp = (): AppState => {
  const s = useContext(Ctx);
  if (!s) throw new Error('useApp called outside <AppProvider>');
  return s;
};

/**
 * Runs UI work triggered by a model change event. The model calls its listeners inside the
 * operation that made the change, so a UI bug thrown here would make a done operation look
 * failed to its caller; it is rethrown on its own instead (still seen in the console and tests).
 */
export const rethrowLater = (fn: () => void): void => {
  try {
    fn();
  } catch (err) {
    queueMicrotask(() => {
      throw err;
    });
  }
};

/** Signals that follow the workbook's typed change events (the app adds the engine's recalculations). */
export const watchWorkbook = (wb: Workbook): { structure: Accessor<number>; cells: Accessor<number>; bumpCells: () => void; stop: () => void } => {
  const [structure, setStructure] = createSignal(0);
  const [cells, setCells] = createSignal(0);
  const off = wb.onChange((change) => {
    let s = change.settings || change.sheetList;
    let c = false;
    for (const sc of change.sheets.values()) {
      if (sc.added || sc.removed || sc.meta || sc.columns.size + sc.rowsAdded.size + sc.rowsRemoved.size + sc.rowsMoved.size > 0) s = true;
      if (sc.cells.size > 0) c = true;
    }
    rethrowLater(() =>
      batch(() => {
        if (s) setStructure((v) => v + 1);
        if (c || s) setCells((v) => v + 1);
      }),
    );
  });
  return { structure, cells, bumpCells: () => setCells((v) => v + 1), stop: off };
};
