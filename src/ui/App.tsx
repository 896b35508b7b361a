/**
 * The app shell: header, formula bar, the open sheet's grid (or a campaign sheet's calendar, or the
 * dashboard), tabs and status bar, with toasts, dialogs, the find bar, the function help and the
 * charts panel (all loaded on first use).
 */
import { createEffect, createMemo, createSignal, lazy, Match, onCleanup, onMount, Show, Suspense, Switch, type JSX } from 'solid-js';
import type { Labels } from '../schema/types.ts';
import type { Workbook } from '../model/index.ts';
import type { Peer } from '../sync/presence.ts';
import type { WorkbookSession } from '../sync/session.ts';
import { AppProvider, watchWorkbook, type AppState, type ConflictCheck, type DialogRender, type MainView, type PanelName } from './app-context.ts';
import { storedValuesCalc, type CalcService } from '../app/calc-service.ts';
import { openImport } from './csv/csv-dialogs.tsx';
import { afterFirstRows } from './first-paint.ts';
import type { GridController } from './grid/grid-controller.ts';
import { redo, undo } from './grid/grid-commands.ts';
import { ReferenceIndex } from '../app/reference-index.ts';
import { SheetGrid } from './grid/SheetGrid.tsx';
import type { I18n } from './i18n/i18n.ts';
import { SheetTabs } from './SheetTabs.tsx';
import { StatusBar } from './StatusBar.tsx';
import type { TemplateGallery } from '../app/template-gallery.ts';
import { createToasts } from './toasts.ts';
import { WorkbookHeader } from './WorkbookHeader.tsx';
import { sessionRepair, ViewBoundary } from './ViewBoundary.tsx';

// The formula bar's code loads once the first rows are on screen (its space is kept meanwhile).
const FormulaBar = lazy(() => import('./FormulaBar.tsx').then((m) => ({ default: m.FormulaBar })));
const FindBar = lazy(() => import('./dialogs/FindBar.tsx'));
const HelpPanel = lazy(() => import('./dialogs/HelpPanel.tsx'));
const ChartsPanel = lazy(() => import('./charts/ChartsPanel.tsx'));
const CampaignCalendar = lazy(() => import('./calendar/CampaignCalendar.tsx'));
const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'));
const HistoryPanel = lazy(() => import('./sync/HistoryPanel.tsx'));
// Toasts wait in their store until the list shows them, after the first rows.
const ToastList = lazy(() => import('./ToastList.tsx').then((m) => ({ default: m.ToastList })));
const RepairNotice = lazy(() => import('./repair/RepairNotice.tsx'));
const NewerSchemaBanner = lazy(() => import('./repair/Recovery.tsx').then((m) => ({ default: m.NewerSchemaBanner })));

/** What the app is opened with; the engine defaults to the stand-in, the gallery to the ops templates. */
export interface AppProps {
  wb: Workbook;
  workbookKey: string;
  i18n: I18n;
  calc?: CalcService;
  /**
   * Loads the formula engine after the grid shows (so it is not part of the first load): until
   * it resolves, `calc` (or the stand-in) computes.
   */
  engine?: (wb: Workbook) => Promise<CalcService>;
  gallery?: TemplateGallery;
  /** Called once with the app state (the ?test / ?bench hook uses it). */
  onReady?: (app: AppState) => void;
  /** Opens the workbook for viewing only (a viewer's token). */
  readOnly?: boolean;
  /** The workbook's local storage and sync with the relay (see src/sync/session.ts). */
  session?: WorkbookSession;
  /** The workbook is at a newer schema than this version of the app knows: opened read-only, with a sentence saying to reload. */
  newerSchema?: boolean;
}

const ACTIVE_KEY = 'wb-active:';

const isTyping = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** The workbook app. */
export const App = (props: AppProps): JSX.Element => {
  const { wb, i18n } = props;
  const [calc, setCalc] = createSignal<CalcService>(
    props.calc ?? storedValuesCalc(wb, { notComputed: () => i18n.t('cell.notComputed'), notAvailable: () => i18n.t('fbar.notAvailable') }),
  );
  const watch = watchWorkbook(wb);
  // Recalculations repaint what depends on cells (status bar, formula bar); grids follow their own sheet.
  createEffect(() => onCleanup(calc().onRecalc(() => watch.bumpCells())));
  if (props.engine) {
    const load = props.engine;
    // The engine's code must not compete with the grid's first paint: load it right after.
    void afterFirstRows()
      .then(() => load(wb))
      .then((engine) => {
        const old = calc();
        setCalc(() => engine);
        old.dispose();
        watch.bumpCells();
      });
  }
  const references = new ReferenceIndex(wb);
  const [painted, setPainted] = createSignal(false);
  void afterFirstRows().then(() => setPainted(true));
  const session = props.session;
  // Teammates and conflict marks come with the sync code (SyncBar), after the first paint.
  const [peers, setPeers] = createSignal<readonly Peer[]>([]);
  const [conflictCheck, setConflictCheck] = createSignal<ConflictCheck | null>(null);
  const [grid, setGrid] = createSignal<GridController | undefined>();
  const [dialog, setDialog] = createSignal<DialogRender | null>(null);
  const [panel, setPanel] = createSignal<PanelName | null>(null);

  // A row to show once its sheet's grid is mounted (opened from the calendar).
  const [pendingRow, setPendingRow] = createSignal<{ sheetId: string; rowId: string } | null>(null);
  const format = createMemo(() => (watch.structure(), { locale: i18n.locale(), currency: wb.settings.currency }), undefined, {
    equals: (a, b) => a.locale === b.locale && a.currency === b.currency,
  });

  // The open sheet: remembered per person; when it is deleted, its neighbour opens.
  const saved = localStorage.getItem(ACTIVE_KEY + props.workbookKey);
  // A workbook with a dashboard opens on it until this person opens one of its sheets (the demo on
  // its KPIs and charts, not on a grid of numbers); after that, where they left it.
  const [view, setView] = createSignal<MainView>(!saved && wb.hasPinnedTiles() ? 'dashboard' : 'grid');
  const [active, setActiveSignal] = createSignal(saved && wb.hasSheet(saved) ? saved : (wb.sheets()[0]?.id ?? ''));
  let lastIndex = 0;
  const setActive = (id: string) => {
    // Choosing a sheet shows its grid (the calendar and dashboard are a click away).
    setView('grid');
    setActiveSignal(id);
    try {
      localStorage.setItem(ACTIVE_KEY + props.workbookKey, id);
    } catch {
      // not remembered
    }
  };
  createEffect(() => {
    watch.structure();
    const sheets = wb.sheets();
    const i = sheets.findIndex((s) => s.id === active());
    if (i >= 0) lastIndex = i;
    else setActive(sheets[Math.min(lastIndex, sheets.length - 1)]?.id ?? '');
  });

  const app: AppState = {
    wb,
    workbookKey: props.workbookKey,
    get calc() {
      return calc();
    },
    gallery: props.gallery,
    i18n,
    t: i18n.t,
    toasts: createToasts(),
    structure: watch.structure,
    cells: watch.cells,
    format,
    label: (item: { name: string; labels?: Labels }) => item.labels?.[i18n.locale()] ?? item.name,
    // A grid whose sheet was just deleted (it unmounts a moment later) is no grid any more.
    grid: () => {
      watch.structure();
      const g = grid();
      return g && wb.hasSheet(g.sheetId) ? g : undefined;
    },
    setGrid,
    openDialog: (render) => setDialog(() => render),
    openSheet: (id) => setActive(id),
    panel,
    setPanel,
    activeSheet: active,
    view,
    setView,
    openRow: (sheetId, rowId) => {
      setActive(sheetId);
      setPendingRow({ sheetId, rowId });
    },
    readOnly: props.readOnly ?? false,
    session,
    peers,
    setPeers,
    painted,
    hasConflict: (s, r, c) => conflictCheck()?.(s, r, c) ?? false,
    setConflictCheck: (check) => {
      setConflictCheck(() => check);
      grid()?.api?.refreshCells({ suppressFlash: true });
    },
  };

  createEffect(() => {
    const want = pendingRow();
    const g = app.grid();
    if (!want || !g || g.sheetId !== want.sheetId || g.loadingRows()) return;
    setPendingRow(null);
    const row = g.indexOfRow(want.rowId);
    if (row < 0) app.toasts.show({ kind: 'info', message: i18n.t('row.hiddenByFilter') });
    else g.focusCell({ row, col: Math.max(0, g.selection()?.anchor.col ?? 0) });
  });

  const onKey = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'f') {
      e.preventDefault();
      setPanel('find');
    } else if ((k === 'z' || k === 'y') && !isTyping(e.target) && !dialog() && !app.readOnly) {
      e.preventDefault();
      if (k === 'y' || e.shiftKey) redo(app);
      else undo(app);
    }
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    watch.stop();
    references.dispose();
    calc().dispose();
  });

  // The browser tab names the workbook, in the person's language.
  createEffect(() => {
    watch.structure();
    document.title = `${wb.settings.name} · ${i18n.t('app.title')}`;
  });

  // A CSV file dropped on the sheet opens the import; dropped anywhere else it must not replace the app.
  const [fileOver, setFileOver] = createSignal(false);
  let sheetArea: HTMLDivElement | undefined;
  onMount(() => {
    // Listened to from just after the first paint (the code is not part of the first load).
    let offs: (() => void)[] = [];
    let gone = false;
    void afterFirstRows()
      .then(() => import('./csv/file-drop.ts'))
      .then(({ blockFileOpen, listenFileDrop }) => {
        if (gone) return;
        if (sheetArea && !app.readOnly) offs.push(listenFileDrop(sheetArea, (file) => openImport(app, file), setFileOver));
        offs.push(blockFileOpen(window));
      });
    onCleanup(() => {
      gone = true;
      for (const off of offs) off();
      offs = [];
    });
  });

  props.onReady?.(app);

  const closeDialog = () => {
    setDialog(null);
    grid()?.refocus();
  };
  // Each view fails alone: its place shows the message with Reload and Repair from the server (the
  // rest of the page is in the workbook page's boundary, see main.tsx).
  const repair = sessionRepair(session);
  const Guard = (p: { name: string; close?: () => void; children: JSX.Element }) => (
    <ViewBoundary name={p.name} locale={i18n.locale} repair={repair} close={p.close} closeLabel={i18n.t('common.close')}>
      {p.children}
    </ViewBoundary>
  );

  return (
    <AppProvider value={app}>
      <div class="wb-app">
        <WorkbookHeader />
        <Show when={painted()} fallback={<div class="wb-fbar" aria-hidden="true" />}>
          <Suspense fallback={<div class="wb-fbar" aria-hidden="true" />}>
            <FormulaBar />
          </Suspense>
        </Show>
        <Show when={props.newerSchema}>
          <Suspense>
            <NewerSchemaBanner locale={i18n.locale} />
          </Suspense>
        </Show>
        {/* Damaged entries of the workbook: the notice loads after the first paint. */}
        <Show when={painted()}>
          <Guard name="repair">
            <Suspense>
              <RepairNotice />
            </Suspense>
          </Guard>
        </Show>
        <div class="wb-main">
          <div class="wb-sheet" ref={sheetArea} classList={{ 'wb-file-over': fileOver() }} data-drop-label={i18n.t('import.dropHere')}>
            <Switch
              fallback={
                <Show when={active()} keyed>
                  {(id) => (
                    <Guard name="grid">
                      <SheetGrid sheetId={id} references={references} />
                    </Guard>
                  )}
                </Show>
              }
            >
              <Match when={view() === 'dashboard'}>
                <Guard name="dashboard">
                  <Suspense>
                    <Dashboard />
                  </Suspense>
                </Guard>
              </Match>
              <Match when={view() === 'calendar' && active()} keyed>
                {(id) => (
                  <Guard name="calendar">
                    <Suspense>
                      <CampaignCalendar sheetId={id} />
                    </Suspense>
                  </Guard>
                )}
              </Match>
            </Switch>
            <Show when={panel() === 'find'}>
              <Suspense>
                <FindBar onClose={() => setPanel(null)} />
              </Suspense>
            </Show>
          </div>
          <Show when={panel() === 'help'}>
            <Suspense>
              <HelpPanel onClose={() => setPanel(null)} />
            </Suspense>
          </Show>
          <Show when={panel() === 'history'}>
            <Guard name="history">
              <Suspense>
                <HistoryPanel onClose={() => setPanel(null)} />
              </Suspense>
            </Guard>
          </Show>
          <Show when={panel() === 'charts' && view() !== 'dashboard' && active()} keyed>
            {(id) => (
              <Guard name="charts">
                <Suspense>
                  <ChartsPanel sheetId={id} onClose={() => setPanel(null)} />
                </Suspense>
              </Guard>
            )}
          </Show>
        </div>
        <div class="wb-bottom">
          <SheetTabs active={view() === 'dashboard' ? '' : active()} setActive={setActive} />
          <StatusBar />
        </div>
        <Show when={painted()}>
          <Suspense>
            <ToastList />
          </Suspense>
        </Show>
        <Show when={dialog()}>
          {(render) => (
            <Guard name="dialog" close={closeDialog}>
              <Suspense>{render()(closeDialog)}</Suspense>
            </Guard>
          )}
        </Show>
      </div>
    </AppProvider>
  );
};
