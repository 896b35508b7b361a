/** Operations on charts and on the dashboard: each one transaction of this replica (one undo step). */
import type * as Y from 'yjs';
import { ChartError, checkChart, tileSizeProblem } from '../schema/chart-check.ts';
import { DASHBOARD_COLUMNS, type Chart, type ChartSpec } from '../schema/chart-types.ts';
import { keyedTiles } from './dashboard-tiles.ts';
import { readTile } from '../schema/stored/read-tile.ts';
import { NotFoundError, OperationError } from '../schema/errors.ts';
import { newId } from '../schema/ids.ts';
import type { StoredTile } from './layout.ts';
import type { Column } from '../schema/types.ts';
import { planKeys } from './order-keys.ts';
import type { WorkbookBase } from './workbook-base.ts';

const chartsOf = (wb: WorkbookBase, sheetId: string): Y.Map<unknown> => {
  const charts = wb.cache(sheetId).maps.charts;
  // Sheets are created with their charts map; one without it predates charts and cannot take any.
  if (!charts) throw new OperationError('This sheet was made by an older version of the app and cannot hold charts; copy it into a new sheet.');
  return charts;
};

const tiles = (wb: WorkbookBase) => keyedTiles(wb.internals.dashboard, (s, c) => wb.hasChart(s, c));

/**
 * Adds or replaces a chart of a sheet and returns its id. The definition is checked against the
 * sheet's columns first (a view sheet's, which its formula computes, are given by the caller): a
 * series over a text column (say) throws a ChartError naming it. A title
 * the user typed comes without `labels`, so it shows in every language.
 */
export const setChart = (wb: WorkbookBase, sheetId: string, spec: ChartSpec, columns: readonly Column[] = wb.columns(sheetId)): string => {
  const charts = chartsOf(wb, sheetId);
  const problem = checkChart(spec, columns);
  if (problem) throw new ChartError(problem);
  const { id = newId(wb.random), filters = [], ...rest } = spec;
  const stored: Omit<Chart, 'id'> = { ...rest, title: rest.title.trim(), filters };
  // Through JSON: fields left undefined are not stored, so every replica reads the same record.
  wb.transact(() => charts.set(id, JSON.parse(JSON.stringify(stored)) as unknown));
  return id;
};

/** Deletes a chart (and its dashboard tile); undo brings both back. */
export const deleteChart = (wb: WorkbookBase, sheetId: string, chartId: string): void => {
  const charts = chartsOf(wb, sheetId);
  if (!charts.has(chartId)) throw new NotFoundError(`No chart with id ${chartId} in sheet ${sheetId}.`);
  wb.transact(() => {
    charts.delete(chartId);
    if (wb.internals.dashboard.has(chartId)) wb.internals.dashboard.delete(chartId);
  });
};

/** Writes tile keys (inside a transaction): the tile itself and neighbours re-keyed to make room. */
const writeOrder = (wb: WorkbookBase, chartId: string, tile: Omit<StoredTile, 'order'>, plan: ReturnType<typeof planKeys>): void => {
  const dash = wb.internals.dashboard;
  dash.set(chartId, { ...tile, order: plan.keys[0] ?? 'a0' });
  for (const m of plan.moved) {
    const t = readTile(m.id, dash.get(m.id)).value;
    if (t) dash.set(m.id, { sheetId: t.tile.sheetId, w: t.tile.w, h: t.tile.h, order: m.key } satisfies StoredTile);
  }
};

/** Pins a chart to the dashboard at position `index` (the end when omitted), `w` × `h` grid cells. */
export const pinChart = (
  wb: WorkbookBase,
  sheetId: string,
  chartId: string,
  { w = 2, h = 1, index }: { w?: number; h?: number; index?: number } = {},
): void => {
  chartsOf(wb, sheetId);
  if (!wb.hasChart(sheetId, chartId)) throw new NotFoundError(`No chart with id ${chartId} in sheet ${sheetId}.`);
  const size = tileSizeProblem(w, h);
  if (size) throw new OperationError(size);
  if (wb.internals.dashboard.has(chartId)) throw new OperationError('This chart is on the dashboard already.');
  const others = tiles(wb);
  const at = index === undefined ? others.length : Math.max(0, Math.min(others.length, Math.floor(index)));
  const plan = planKeys(others, at, 1);
  wb.transact(() => writeOrder(wb, chartId, { sheetId, w, h }, plan));
};

const storedTile = (wb: WorkbookBase, chartId: string): StoredTile => {
  const t = readTile(chartId, wb.internals.dashboard.get(chartId)).value;
  if (!t) throw new NotFoundError(`The chart ${chartId} is not on the dashboard.`);
  return { sheetId: t.tile.sheetId, order: t.order, w: t.tile.w, h: t.tile.h };
};

/** Takes a chart off the dashboard (the chart itself stays with its sheet). */
export const unpinChart = (wb: WorkbookBase, chartId: string): void => {
  storedTile(wb, chartId);
  wb.transact(() => wb.internals.dashboard.delete(chartId));
};

/** Moves a tile to position `index` among the tiles (counted without it). */
export const moveTile = (wb: WorkbookBase, chartId: string, index: number): void => {
  const t = storedTile(wb, chartId);
  const others = tiles(wb).filter((k) => k.id !== chartId);
  const plan = planKeys(others, Math.max(0, Math.min(others.length, Math.floor(index))), 1);
  wb.transact(() => writeOrder(wb, chartId, { sheetId: t.sheetId, w: t.w, h: t.h }, plan));
};

/** Resizes a tile to `w` columns (1 … 4) by `h` rows (1 … 2). */
export const resizeTile = (wb: WorkbookBase, chartId: string, w: number, h: number): void => {
  const t = storedTile(wb, chartId);
  const size = tileSizeProblem(w, h);
  if (size) throw new OperationError(size);
  if (t.w === w && t.h === h) return;
  wb.transact(() => wb.internals.dashboard.set(chartId, { ...t, w: Math.min(w, DASHBOARD_COLUMNS), h }));
};
