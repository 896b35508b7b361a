/** The reading half of a workbook: typed reads, typed change events, local undo, encode. */
import * as Y from 'yjs';
import { translateSheetEvents, type WorkbookChange } from './changes.ts';
import { EditLog, ROOT_EDITS, ROOT_SEEN, transactionEntries } from './edit-log.ts';
import { NewerSchemaError, NotFoundError, OperationError, ReadOnlyError } from '../schema/errors.ts';
import { logUndo, markLogged } from './history-ops.ts';
import { ANONYMOUS, type WorkbookUser } from '../schema/history-types.ts';
import type { RandomBytes } from '../schema/ids.ts';
import type { DashboardTile } from '../schema/chart-types.ts';
import { keyedTiles } from './dashboard-tiles.ts';
import { isWellFormedSheet, ROOT_DASHBOARD, ROOT_LAYOUTS, ROOT_SERVER, ROOT_SETTINGS, ROOT_SHEETS, schemaVersionOf, sheetMaps } from './layout.ts';
import { compareKeyed, type Keyed } from './order-keys.ts';
import { SheetCache } from './sheet-cache.ts';
import { SCHEMA_VERSION } from '../schema/schema-version.ts';
import { DEFAULT_SETTINGS, readSettings } from '../schema/stored/read-settings.ts';
import { readSheetMeta, type StoredSheet } from '../schema/stored/read-sheet.ts';
import { chartReader } from './chart-support.ts';
import type { CellValue, Column, Rule, SheetInfo, WorkbookSettings } from '../schema/types.ts';
import { writeTick } from './timeline-log.ts';
import type { SheetJSON, WorkbookJSON } from '../schema/workbook-json.ts';
import { isViewSheet } from '../schema/types.ts';

/** Settings of a workbook that has none stored yet. */
export { DEFAULT_SETTINGS };

/** Options for opening a workbook over a Y.Doc. */
export interface WorkbookOptions {
  /** Random source for new ids (tests pass a seeded one). */
  random?: RandomBytes;
  /** Yjs client id of this replica (tests fix it to make runs repeatable). */
  clientId?: number;
  /** Who edits on this replica: stamped on every logged write (see `setUser`). */
  user?: WorkbookUser;
  /** Opened for viewing only: every operation throws ReadOnlyError instead of writing. */
  readOnly?: boolean;
}

/** Listener of typed changes. */
export type ChangeListener = (change: WorkbookChange) => void;

/** Reads, events and undo of a workbook over one Y.Doc; the operations are added by `Workbook`. */
export class WorkbookBase {
  /** The Y.Doc, for sync providers only (src/sync); everything else uses the typed API. */
  readonly doc: Y.Doc;
  /** Transaction origin of this replica's own operations. */
  readonly origin: { readonly replica: number };
  readonly random: RandomBytes | undefined;
  /** Who edits on this replica (stamped on the cell history). */
  user: WorkbookUser;
  /** Viewing only: operations throw ReadOnlyError. */
  readonly readOnly: boolean;
  /** Internal: the index over the document's cell history, for the operation modules of src/model. */
  readonly log: EditLog;
  protected readonly settingsMap: Y.Map<unknown>;
  protected readonly sheetsMap: Y.Map<unknown>;
  protected readonly layoutsMap: Y.Map<unknown>;
  protected readonly dashboardMap: Y.Map<unknown>;
  /** Written by the relay and the CLI only: the schema version the workbook is at. */
  protected readonly serverMap: Y.Map<unknown>;
  private readonly caches = new Map<string, SheetCache>();
  private readonly listeners = new Set<ChangeListener>();
  /** Internal: this replica's undo manager (restore-moment.ts puts a step of its own on it). */
  readonly undoManager: Y.UndoManager;
  private pending: WorkbookChange | null = null;

  constructor(doc: Y.Doc = new Y.Doc(), options: WorkbookOptions = {}) {
    this.doc = doc;
    if (options.clientId !== undefined) doc.clientID = options.clientId;
    this.random = options.random;
    this.user = options.user ?? ANONYMOUS;
    this.readOnly = options.readOnly ?? false;
    this.origin = { replica: doc.clientID };
    this.settingsMap = doc.getMap(ROOT_SETTINGS);
    this.sheetsMap = doc.getMap(ROOT_SHEETS);
    this.layoutsMap = doc.getMap(ROOT_LAYOUTS);
    this.dashboardMap = doc.getMap(ROOT_DASHBOARD);
    this.serverMap = doc.getMap(ROOT_SERVER);
    const edits = doc.getArray<unknown>(ROOT_EDITS);
    const seen = doc.getMap<unknown>(ROOT_SEEN);
    this.log = new EditLog(edits, seen);
    this.undoManager = new Y.UndoManager([this.settingsMap, this.sheetsMap, this.dashboardMap], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
    this.sheetsMap.observeDeep((events, txn) => {
      translateSheetEvents(events, this.changeOf(txn));
    });
    this.settingsMap.observe((_e, txn) => {
      this.changeOf(txn).settings = true;
    });
    this.dashboardMap.observe((_e, txn) => {
      this.changeOf(txn).dashboard = true;
    });
    // A newer schema makes this replica read-only: the app learns it as a settings change.
    this.serverMap.observe((_e, txn) => {
      this.changeOf(txn).settings = true;
    });
    this.layoutsMap.observe(() => {
      for (const cache of this.caches.values()) cache.layoutsChanged();
    });
    edits.observe((_event, txn) => {
      const { added, removed } = transactionEntries(edits, txn);
      this.log.applied(added, removed);
      markLogged(this.changeOf(txn), added);
    });
    seen.observe((event, txn) => {
      markLogged(this.changeOf(txn), [...event.keysChanged].map((k) => seen.get(k)));
    });
    doc.on('afterTransaction', (txn: Y.Transaction) => this.flush(txn));
  }

  /** Tells the workbook who edits on this replica (their writes are stamped with it from now on). */
  setUser(user: WorkbookUser): void {
    this.user = { id: user.id, name: user.name };
  }

  /** The whole workbook as one binary update. */
  encode(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Applies an update from a peer or a store (not undoable here). */
  applyUpdate(update: Uint8Array, origin: unknown = 'remote'): void {
    Y.applyUpdate(this.doc, update, origin);
  }

  // ── change events ────────────────────────────────────────────────────────

  /** Subscribes to typed changes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changeOf(txn: Y.Transaction): WorkbookChange {
    if (!this.pending) {
      this.pending = { local: txn.local, settings: false, sheetList: false, dashboard: false, sheets: new Map() };
    }
    return this.pending;
  }

  private flush(txn: Y.Transaction): void {
    const change = this.pending;
    this.pending = null;
    if (!change) return;
    change.local = txn.local;
    for (const [id, c] of change.sheets) {
      this.log.invalidate(id);
      if (c.added || c.removed) {
        this.caches.delete(id);
        continue;
      }
      const cache = this.caches.get(id);
      if (!cache) continue;
      if (c.columns.size > 0) cache.columnsChanged();
      if (c.rules.size > 0) cache.rulesChanged();
      if (c.cells.size + c.rowsAdded.size + c.rowsRemoved.size > 0) cache.formulaCellsChanged(c.cells, c.rowsAdded, c.rowsRemoved);
      if (c.rowsAdded.size + c.rowsRemoved.size + c.rowsMoved.size > 0) {
        const ids = new Set([...c.rowsAdded, ...c.rowsRemoved, ...c.rowsMoved]);
        cache.rowsChanged(ids, ids.size);
      }
    }
    for (const l of this.listeners) l(change);
    // An undo or redo is a write of this person's too: the cells it changed get history entries.
    // Its step may say what it was (a restore, see restore-moment.ts).
    if (txn.origin === this.undoManager) logUndo(this, change, txn, this.undoManager.currStackItem?.meta.get('kind') as string | undefined);
  }

  // ── undo ─────────────────────────────────────────────────────────────────

  /** Undoes this replica's last operation (a peer's edit made since stays). Returns false if none. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }
  /** Redoes the last undone operation. */
  redo(): boolean {
    return this.undoManager.redo() !== null;
  }
  canUndo(): boolean {
    return this.undoManager.canUndo();
  }
  canRedo(): boolean {
    return this.undoManager.canRedo();
  }
  /** Forgets the undo history (after loading a template, say). */
  clearHistory(): void {
    this.undoManager.clear();
  }

  // ── schema version ───────────────────────────────────────────────────────

  /** The schema version the workbook is at, as the relay or the CLI stamped it (1 when none did). */
  schemaVersion(): number {
    return schemaVersionOf(this.doc);
  }

  /** True when the workbook is at a newer schema than this code knows: it may be read, not written. */
  isNewerSchema(): boolean {
    return this.schemaVersion() > SCHEMA_VERSION;
  }

  /** True when operations may write (not a viewer's copy, not a newer schema). */
  get writable(): boolean {
    return !this.readOnly && !this.isNewerSchema();
  }

  /** Runs `fn` as one transaction of this replica (one undo step), dated on the timeline (`kind`: what it was, when not an edit). */
  transact<T>(fn: () => T, kind?: string): T {
    if (this.readOnly) throw new ReadOnlyError();
    if (this.isNewerSchema()) throw new NewerSchemaError(this.schemaVersion());
    let out: T | undefined;
    // Nested in another one, it dates what was done so far: the outer one dates all of it again.
    this.doc.transact((txn) => {
      out = fn();
      writeTick(txn, txn, this.user, kind);
    }, this.origin);
    return out as T;
  }

  // ── reads ────────────────────────────────────────────────────────────────

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

  rowCount(sheetId: string): number {
    return this.cache(sheetId).maps.rows.size;
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

  /** Internal: writes the initial settings of a new workbook (not undoable). */
  protected initSettings(settings: Partial<WorkbookSettings>): void {
    this.doc.transact(() => {
      const s: Partial<WorkbookSettings> = { ...DEFAULT_SETTINGS, ...settings };
      for (const key of ['name', 'currency', 'locale', 'region'] as const) if (s[key] !== undefined) this.settingsMap.set(key, s[key]);
    }, 'init');
  }
}
