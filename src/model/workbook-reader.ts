/**
 * The typed reads of a workbook over its Y.Doc: settings, sheets, columns, rows, cells and the
 * dashboard, each through a checker of src/schema/stored, with the sheet caches that make them fast.
 * WorkbookBase adds the change events (which keep the caches up to date), undo and transactions.
 */
import * as Y from 'yjs';
import { NotFoundError, OperationError } from '../schema/errors.ts';
import type { DashboardTile } from '../schema/chart-types.ts';
import { keyedTiles } from './dashboard-tiles.ts';
import { isWellFormedSheet, ROOT_DASHBOARD, ROOT_LAYOUTS, ROOT_SERVER, ROOT_SETTINGS, ROOT_SHEETS, sheetMaps } from './layout.ts';
import { compareKeyed, type Keyed } from './order-keys.ts';
import { SheetCache } from './sheet-cache.ts';
import { readSettings } from '../schema/stored/read-settings.ts';
import { readSheetMeta, type StoredSheet } from '../schema/stored/read-sheet.ts';
import { chartReader } from './chart-support.ts';
import type { CellValue, Column, Rule, SheetInfo, WorkbookSettings } from '../schema/types.ts';
import type { SheetJSON, WorkbookJSON } from '../schema/workbook-json.ts';
import { isViewSheet } from '../schema/types.ts';

/** Reads of a workbook over one Y.Doc; events, undo and transactions are added by `WorkbookBase`. */
export class WorkbookReader {
  /** The Y.Doc, for sync providers only (src/sync); everything else uses the typed API. */
  readonly doc: Y.Doc;
  protected readonly settingsMap: Y.Map<unknown>;
  protected readonly sheetsMap: Y.Map<unknown>;
  protected readonly layoutsMap: Y.Map<unknown>;
  protected readonly dashboardMap: Y.Map<unknown>;
  /** Written by the relay and the CLI only: the schema version the workbook is at. */
  protected readonly serverMap: Y.Map<unknown>;
  /** The sheet caches, made on first read; WorkbookBase drops or updates them as the document changes. */
  protected readonly caches = new Map<string, SheetCache>();

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.settingsMap = doc.getMap(ROOT_SETTINGS);
    this.sheetsMap = doc.getMap(ROOT_SHEETS);
    this.layoutsMap = doc.getMap(ROOT_LAYOUTS);
    this.dashboardMap = doc.getMap(ROOT_DASHBOARD);
    this.serverMap = doc.getMap(ROOT_SERVER);
  }

  /** The settings; a part that is missing or damaged reads as its default. */
  get settings(): WorkbookSettings {
    return readSettings((k) => this.settingsMap.get(k)).value;
  }

  /** The sheets that can be shown, with their order keys, in tab order. */
  private storedSheets(): StoredSheet[] {
    const list: StoredSheet[] = [];
    this.sheetsMap.forEach((m, id) => {
      if (!isWellFormedSheet(m)) return;
      const stored = readSheetMeta(id, (k) => m.get(k)).value;
      if (stored) list.push(stored);
    });
    return list.sort((a, b) => compareKeyed({ id: a.info.id, key: a.order }, { id: b.info.id, key: b.order }));
  }

  /** Sheets in tab order. */
  sheets(): SheetInfo[] {
    return this.storedSheets().map((s) => s.info);
  }

  /** Sheets with their order keys, in tab order. */
  keyedSheets(): Keyed[] {
    return this.storedSheets().map((s) => ({ id: s.info.id, key: s.order }));
  }

  sheet(sheetId: string): SheetInfo | undefined {
    return this.sheets().find((s) => s.id === sheetId);
  }

  hasSheet(sheetId: string): boolean {
    const m = this.sheetsMap.get(sheetId);
    return isWellFormedSheet(m) && readSheetMeta(sheetId, (k) => m.get(k)).value !== undefined;
  }

  /** The sheet whose name (or a label in any language) is `name`, case-insensitively. */
  sheetByName(name: string): SheetInfo | undefined {
    const n = name.trim().toLowerCase();
    const all = this.sheets();
    return (
      all.find((s) => s.name.toLowerCase() === n) ??
      all.find((s) => Object.values(s.labels ?? {}).some((l) => l?.toLowerCase() === n))
    );
  }

  /** The cache of a sheet; throws NotFoundError for an unknown sheet. */
  cache(sheetId: string): SheetCache {
    let c = this.caches.get(sheetId);
    if (!c) {
      c = new SheetCache(sheetId, sheetMaps(this.sheetMap(sheetId), this.layoutsMap));
      this.caches.set(sheetId, c);
    }
    return c;
  }

  /** A sheet's cache for adding rows or columns: a view sheet's come from its formula. */
  ownCache(sheetId: string): SheetCache {
    const m = this.sheetsMap.get(sheetId);
    if (isWellFormedSheet(m) && isViewSheet(readSheetMeta(sheetId, (k) => m.get(k)).value?.info)) throw new OperationError('A view sheet’s rows come from its formula and cannot be added to.');
    return this.cache(sheetId);
  }

  /** Internal: forgets a sheet's indexes (an operation deleted it inside a larger transaction). */
  dropCache(sheetId: string): void {
    this.caches.delete(sheetId);
  }

  /** Columns of a sheet, in order. */
  columns(sheetId: string): readonly Column[] {
    return this.cache(sheetId).columns();
  }

  column(sheetId: string, colId: string): Column | undefined {
    return this.columns(sheetId).find((c) => c.id === colId);
  }

  /** The column whose name (or a label in any language) is `name`, case-insensitively. */
  columnByName(sheetId: string, name: string): Column | undefined {
    const n = name.trim().toLowerCase();
    const cols = this.columns(sheetId);
    return (
      cols.find((c) => c.name.toLowerCase() === n) ??
      cols.find((c) => Object.values(c.labels ?? {}).some((l) => l?.toLowerCase() === n))
    );
  }

  /** Alert rules of a sheet. */
  rules(sheetId: string): readonly Rule[] {
    return this.cache(sheetId).rules();
  }

  /** Row ids of a sheet, in order. */
  rowIds(sheetId: string): readonly string[] {
    return this.cache(sheetId).rowIds();
  }

  /** How many rows a sheet has. */
  rowCount(sheetId: string): number {
    return this.cache(sheetId).rowCount();
  }

  /** 0-based position of a row, or -1 when it does not exist. */
  rowIndex(sheetId: string, rowId: string): number {
    return this.cache(sheetId).rowIndex(rowId);
  }

  hasRow(sheetId: string, rowId: string): boolean {
    return this.cache(sheetId).maps.rows.has(rowId);
  }

  /** The stored value of one cell (null when empty; `{ f }` when the cell has its own formula). */
  cell(sheetId: string, rowId: string, colId: string): CellValue {
    return this.cache(sheetId).cell(rowId, colId);
  }

  /** All stored values of a row, by column id (empty cells left out). */
  row(sheetId: string, rowId: string): Record<string, CellValue> {
    const cache = this.cache(sheetId);
    const out: Record<string, CellValue> = {};
    for (const col of cache.columns()) {
      const v = cache.cell(rowId, col.id);
      if (v !== null) out[col.id] = v;
    }
    return out;
  }

  /**
   * Every stored non-empty value of the given columns of a sheet, in no particular order, in one
   * pass (for scans that look for a few cells among many: cells' own formulas, references to a key).
   */
  forEachStored(sheetId: string, colIds: Iterable<string>, fn: (rowId: string, colId: string, value: CellValue) => void): void {
    if (!this.hasSheet(sheetId)) return;
    this.cache(sheetId).forEachStored(new Set(colIds), fn);
  }

  /** Cells of a sheet holding their own formula: row id → column id → stored formula (kept up to date once built). */
  formulaCells(sheetId: string): ReadonlyMap<string, ReadonlyMap<string, string>> {
    return this.hasSheet(sheetId) ? this.cache(sheetId).formulaCells() : new Map();
  }

  /** The stored values of one column in row order (fast path for the formula engine and exports). */
  columnValues(sheetId: string, colId: string): CellValue[] {
    const cache = this.cache(sheetId);
    return cache.rowIds().map((r) => cache.cell(r, colId));
  }

  /** The whole workbook as canonical plain JSON. */
  toJSON(): WorkbookJSON {
    const sheets: SheetJSON[] = this.sheets().map((info) => {
      const cache = this.cache(info.id);
      const columns = cache.columns().map((c) => ({ ...c }));
      const rows = cache.rowIds().map((id) => ({ id, cells: this.row(info.id, id) }));
      return { ...info, columns, rules: [...cache.rules()], charts: cache.charts(), rows };
    });
    return { settings: this.settings, sheets, dashboard: this.dashboard() };
  }

  /** The charts pinned to the dashboard, in the team's order. */
  dashboard(): DashboardTile[] {
    return keyedTiles(this.dashboardMap, (sheetId, chartId) => this.hasChart(sheetId, chartId)).map((k) => k.tile);
  }

  /**
   * True when charts are pinned to the dashboard. It needs no chart code (the grid's first load
   * goes without it): a tile counts when its sheet has an entry for its chart, which the dashboard
   * then reads and checks.
   */
  hasPinnedTiles(): boolean {
    return keyedTiles(this.dashboardMap, (sheetId, chartId) => this.hasSheet(sheetId) && this.cache(sheetId).maps.charts?.has(chartId) === true).length > 0;
  }

  /** True when the sheet exists and has the chart. */
  hasChart(sheetId: string, chartId: string): boolean {
    const charts = this.hasSheet(sheetId) ? this.cache(sheetId).maps.charts : undefined;
    return charts !== undefined && chartReader()(chartId, charts.get(chartId)).value !== undefined;
  }

  /** Internal: the raw maps, for the operation modules of src/model. */
  get internals(): { settings: Y.Map<unknown>; sheets: Y.Map<unknown>; dashboard: Y.Map<unknown>; layouts: Y.Map<unknown> } {
    return { settings: this.settingsMap, sheets: this.sheetsMap, dashboard: this.dashboardMap, layouts: this.layoutsMap };
  }

  /** Internal: the map of a shown sheet, for the operation modules of src/model; throws NotFoundError for any other id. */
  sheetMap(sheetId: string): Y.Map<unknown> {
    const m = this.sheetsMap.get(sheetId);
    if (!this.hasSheet(sheetId) || !(m instanceof Y.Map)) throw new NotFoundError(`No sheet with id ${sheetId}.`);
    return m as Y.Map<unknown>;
  }
}
