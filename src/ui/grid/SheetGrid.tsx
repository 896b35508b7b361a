/**
 * One sheet as an AG Grid (vanilla `createGrid` inside a Solid component), with the cell editor,
 * tooltips, menus, the row-move drop line and the empty state around it.
 */
import { createEffect, createSignal, lazy, on, onCleanup, onMount, Show, Suspense, type JSX } from 'solid-js';
import { createGrid } from 'ag-grid-community';
import { rethrowLater, useApp } from '../app-context.ts';
import type { MenuAnchor, MenuItem } from '../widgets/Menu.tsx';
import { buildColumnDefs } from './column-defs.ts';
import type { ColumnHeaderParams } from './column-header.ts';
import { EditorHost, preloadEditors } from './EditorHost.tsx';
import { insertRow } from './grid-commands.ts';
import { GridController, ROW_NUMBER_COL } from './grid-controller.ts';
import { gridOptions } from './grid-options.ts';
import { registerGridModules } from './grid-setup.ts';
import { afterFirstRows } from '../first-paint.ts';
import { applyModelChange, applyRecalc } from './grid-sync.ts';
import { handleGridKey } from './keyboard.ts';
import type { ReferenceIndex } from '../../app/reference-index.ts';
import type { DropTarget } from './row-drag.ts';

/** Rows given to AG Grid before the first paint of a big sheet (more than a screen, even on a tall one). */
const FIRST_ROWS = 120;

const FilterPopover = lazy(() => import('../dialogs/FilterPopover.tsx'));
const ViewEmpty = lazy(() => import('./ViewEmpty.tsx'));
const PresenceLayer = lazy(() => import('../sync/PresenceLayer.tsx'));
// Hover tooltips and row dragging are not needed for the first paint: they load right after it.
const CellTooltip = lazy(() => import('./CellTooltip.tsx').then((m) => ({ default: m.CellTooltip })));
const Menu = lazy(() => import('../widgets/Menu.tsx'));
const menus = () => import('./menus.tsx');

/** The grid of sheet `sheetId`; registers its controller with the app while mounted. */
export const SheetGrid = (props: { sheetId: string; references: ReferenceIndex }): JSX.Element => {
  const app = useApp();
  const ctl = new GridController(app, props.sheetId, props.references);
  const [wrap, setWrap] = createSignal<HTMLDivElement>();
  const [menu, setMenu] = createSignal<{ anchor: MenuAnchor; items: MenuItem[]; label?: string } | null>(null);
  const [filterFor, setFilterFor] = createSignal<{ colId: string; anchor: HTMLElement } | null>(null);
  const [dropLine, setDropLine] = createSignal<number | null>(null);
  const [empty, setEmpty] = createSignal(false);
  let gridEl: HTMLDivElement | undefined;

  const headerParams: Omit<ColumnHeaderParams, 'model' | 'filtered' | 'onSort' | 'sortDir'> = {
    label: app.label,
    typeLabel: (c) => (c.formula !== undefined ? app.t('type.formula') : app.t(`type.${c.type}`)),
    currency: () => app.wb.settings.currency,
    menuLabel: (name) => app.t('col.menu', name),
    formulaTitle: (c) =>
      app.t('col.formulaTitle', app.label(c)) + (c.formula ? app.calc.display(c.formula, props.sheetId, app.i18n.locale()) : ''),
    onMenu: (colId, anchor) =>
      void menus().then((m) => {
        const col = ctl.shape.column(colId);
        setMenu({
          anchor: { element: anchor },
          items: m.columnMenuItems(ctl, colId, () => setFilterFor({ colId, anchor })),
          label: col ? app.t('col.menu', app.label(col)) : undefined,
        });
      }),
  };

  const columnDefs = () => buildColumnDefs(ctl, headerParams);

  const showDropLine = (t: DropTarget | null) => {
    const w = wrap();
    if (!t || !w) return setDropLine(null);
    const row = w.querySelector<HTMLElement>(`.ag-row[row-index="${t.index}"]`);
    if (!row) return setDropLine(null);
    const r = row.getBoundingClientRect();
    setDropLine((t.below ? r.bottom : r.top) - w.getBoundingClientRect().top);
  };

  onMount(() => {
    const el = gridEl;
    if (!el) return;
    registerGridModules();
    // A big sheet paints its first screen at once and takes the other rows a frame later (AG Grid
    // spends ~2 µs on each row it is given; the rows come already filtered and sorted).
    const firstScreen = ctl.rowData(FIRST_ROWS + 1);
    const progressive = firstScreen.length > FIRST_ROWS && ctl.shape.rowCount() > FIRST_ROWS * 4;
    if (progressive) ctl.setLoadingRows(true);
    const api = createGrid(
      el,
      gridOptions(ctl, {
        initialRows: progressive ? firstScreen.slice(0, FIRST_ROWS) : ctl.rowData(),
        firstRowsShown: () => {
          if (!progressive || !ctl.loadingRows()) return;
          setTimeout(() => {
            // A change since mount has already handed the grid every row (see grid-sync.ts).
            if (ctl.loadingRows()) api.setGridOption('rowData', ctl.rowData());
            ctl.setLoadingRows(false);
            performance.mark('wb-grid-all');
          }, 0);
        },
        columnDefs,
        openRowMenu: (x, y) => void menus().then((m) => setMenu({ anchor: { x, y }, items: m.rowMenuItems(ctl) })),
        openEditor: () => {
          if (ctl.activeCell()?.col.formula === undefined && ctl.startEdit(false)) ctl.editorInput?.focus();
        },
        afterRowsChanged: () => {
          setEmpty(ctl.shape.rowCount() === 0);
          api.refreshCells({ columns: [ROW_NUMBER_COL], suppressFlash: true });
        },
      }),
    );
    ctl.api = api;
    // Wrapped columns make rows as tall as their text: the code for it loads only for such a sheet.
    let wraps = false;
    const fitRows = () => {
      if (wraps || ctl.displayedColumns().some((c) => c.options.wrap)) void import('./row-heights.ts').then((m) => (wraps = m.applyRowHeights(ctl)));
    };
    fitRows();
    setEmpty(ctl.shape.rowCount() === 0);
    app.setGrid(ctl);
    const rebuildColumns = () => {
      ctl.columnsChanged();
      api.setGridOption('columnDefs', columnDefs());
      api.refreshHeader();
      api.refreshCells({ force: true, suppressFlash: true });
      fitRows();
    };
    ctl.applyView = () => {
      rebuildColumns();
      api.setGridOption('rowData', ctl.rowData());
    };
    const offChange = app.wb.onChange((change) => rethrowLater(() => {
      applyModelChange(ctl, change, { rebuildColumns });
      if (wraps) fitRows();
    }));
    // The engine (and so every computed value and result type) may be replaced once it has loaded.
    createEffect(
      on(
        () => app.calc,
        (calc, previous) => {
          if (previous) rebuildColumns();
          onCleanup(
            calc.onRecalc((changed) => {
              const r = changed.get(props.sheetId);
              // A view sheet computed again: its columns and rows come anew from its formula.
              if (r?.rows) ctl.applyView?.();
              if (r) applyRecalc(ctl, r);
              if (r && wraps) fitRows();
            }),
          );
        },
      ),
    );
    const onKey = (e: KeyboardEvent) => {
      if (handleGridKey(e, ctl)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    el.addEventListener('keydown', onKey);
    // Clipboard, drag-selection and row dragging are not needed for the first paint: their code
    // loads right after it (a person cannot reach for them sooner).
    let offs: (() => void)[] = [];
    let unmounted = false;
    void afterFirstRows()
      .then(() => Promise.all([import('./clipboard.ts'), import('./mouse-selection.ts'), import('./row-drag.ts')]))
      .then(([clipboard, mouse, drag]) => {
        if (unmounted) return;
        offs = [
          clipboard.listenClipboard(ctl, el.parentElement ?? el),
          mouse.listenMouseSelection(ctl, el),
          drag.listenRowDrag(ctl, el, showDropLine),
        ];
      });
    // Start on the first cell, so the keyboard works at once.
    if (ctl.displayedRowCount() > 0 && ctl.displayedColumns().length > 0) ctl.focusCell({ row: 0, col: 0 });
    // Editors and paste are fetched once the sheet is on screen, not before.
    setTimeout(preloadEditors, 800);
    onCleanup(() => {
      offChange();
      unmounted = true;
      for (const off of offs) off();
      el.removeEventListener('keydown', onKey);
      app.setGrid(undefined);
      api.destroy();
    });
  });

  // Language or currency changed: headers and every rendered cell are shown again.
  createEffect(
    on([app.i18n.locale, () => app.format().currency], () => {
      const api = ctl.api;
      if (!api || !app.wb.hasSheet(props.sheetId)) return;
      api.setGridOption('columnDefs', columnDefs());
      api.refreshHeader();
      api.refreshCells({ force: true, suppressFlash: true });
    }, { defer: true }),
  );

  return (
    <div class="wb-grid-wrap" ref={setWrap} data-testid="sheet-grid">
      <div class="wb-grid" ref={gridEl} />
      <Show when={empty()}>
        <Show
          when={!ctl.shape.isView}
          fallback={
            <Suspense>
              <ViewEmpty ctl={ctl} />
            </Suspense>
          }
        >
          <div class="wb-empty" tabIndex={0} data-testid="empty-sheet">
            <p class="wb-empty-title">{app.t('empty.title')}</p>
            <p>{app.t('empty.hint')}</p>
            <Show when={!app.readOnly}>
              <button type="button" class="wb-primary" onClick={() => insertRow(ctl, 'end')}>
                + {app.t('header.addRow')}
              </button>
            </Show>
          </div>
        </Show>
      </Show>
      <Show when={dropLine() !== null}>
        <div class="wb-drop-line" style={{ top: `${dropLine()}px` }} />
      </Show>
      {/* Teammates' active cells on this sheet, outlined in their colours. */}
      <Show when={app.painted() && app.peers().some((p) => p.sheetId === props.sheetId && p.rowId)}>
        <Suspense>
          <PresenceLayer ctl={ctl} container={wrap} />
        </Suspense>
      </Show>
      <EditorHost ctl={ctl} container={wrap} />
      <Show when={app.painted()}>
        <Suspense>
          <CellTooltip ctl={ctl} container={wrap} />
        </Suspense>
      </Show>
      <Show when={menu()}>
        {(m) => (
          <Suspense>
          <Menu
            anchor={m().anchor}
            items={m().items}
            label={m().label}
            onClose={() => {
              setMenu(null);
              if (!filterFor()) ctl.refocus();
            }}
          />
          </Suspense>
        )}
      </Show>
      <Show when={filterFor()}>
        {(f) => (
          <Suspense>
            <FilterPopover
              ctl={ctl}
              colId={f().colId}
              anchor={f().anchor}
              onClose={() => {
                setFilterFor(null);
                ctl.api?.refreshHeader();
                ctl.refocus();
              }}
            />
          </Suspense>
        )}
      </Show>
    </div>
  );
};
