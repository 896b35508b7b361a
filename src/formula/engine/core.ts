/**
 * The dependency graph and incremental recalculation. Cells are marked dirty (with everything that
 * depends on them, eagerly), then evaluated on demand: reading a dirty cell evaluates it first, so
 * each runs once, after its inputs, and a cell met while it is running is a cycle (#CYCLE!, naming
 * its members). Same-row dependencies are kept per column; reads of other rows, whole columns,
 * index groups and keys are recorded per cell as they happen.
 */
import { cellKey } from '../criteria.ts';
import { FormulaEngineError, FormulaError } from '../errors.ts';
import { Table, type List, type Scalar } from '../values.ts';
import { CLEAN, ColumnState, DIRTY, RUNNING, SLOTS } from './column-state.ts';
import { NOT_FOUND, type EvalHost } from './compile.ts';
import { GroupIndex, type Group } from './group-index.ts';
import { KeyIndex } from './key-index.ts';
import { RecalcLog } from './recalc-log.ts';
import type { SheetState } from './sheet-state.ts';

const SEP = '\u0001';
const same = (a: Scalar | undefined, b: Scalar): boolean =>
  a === b ||
  (a instanceof FormulaError && b instanceof FormulaError && a.code === b.code && a.message === b.message);

/** Loads a column's stored values (the engine decides how). */
export type Loader = (col: ColumnState) => void;

export class Core implements EvalHost {
  readonly sheets = new Map<string, SheetState>();
  readonly cols: ColumnState[] = [];
  readonly log = new RecalcLog();
  /** When set, changes are logged per column by the caller instead of per cell. */
  logCells = true;
  readonly todayWatchers = new Set<number>();
  todaySerial = 0;
  private readonly groups = new Map<string, GroupIndex>();
  private readonly dirtyCols = new Set<ColumnState>();
  private readonly stack: number[] = [];
  private current = -1;
  private readonly sheetNames = new Map<string, string>();

  constructor(
    private readonly load: Loader,
    private readonly columnName: (col: ColumnState) => string,
  ) {}

  setSheetName(id: string, name: string): void {
    this.sheetNames.set(id, name);
  }

  colOf(sheetId: string, colId: string): ColumnState | undefined {
    return this.sheets.get(sheetId)?.columns.get(colId);
  }

  // ── reading (called from compiled formulas) ──────────────────────────────

  /** The value of one cell, evaluating it first when dirty. */
  read(col: ColumnState, slot: number): Scalar {
    if (!col.loaded) this.load(col);
    const st = col.state[slot];
    if (st === DIRTY) this.evaluate(col, slot);
    else if (st === RUNNING) return this.cycle(col.instance(slot));
    return col.values[slot] ?? null;
  }

  cell(sheetId: string, colId: string): (slot: number) => Scalar {
    const col = this.colOf(sheetId, colId);
    if (!col) return () => new FormulaError('#REF!', 'the column this formula used was deleted');
    return (slot) => this.read(col, slot);
  }

  /** Evaluates every dirty cell of a column; false when the column is part of a cycle through itself. */
  ensureColumn(col: ColumnState): boolean {
    if (!col.loaded) this.load(col);
    if (col.dirtySlots.length === 0) return true;
    if (this.stack.some((id) => Math.floor(id / SLOTS) === col.index)) return false;
    while (col.dirtySlots.length > 0) {
      const s = col.dirtySlots.pop() ?? 0;
      if (col.state[s] === DIRTY) this.evaluate(col, s);
    }
    return true;
  }

  private listOf(col: ColumnState): List {
    if (!this.ensureColumn(col)) {
      return [new FormulaError('#CYCLE!', `circular reference: ${this.columnName(col)} is read whole while it is being computed`)];
    }
    if (this.current >= 0) {
      col.wholeWatchers.add(this.current);
      col.wholeMarked = false;
    }
    if (!col.list) col.list = col.sheet.order.map((s) => col.values[s] ?? null);
    return col.list;
  }

  column(sheetId: string, colId: string): () => List {
    const col = this.colOf(sheetId, colId);
    if (!col) return () => [new FormulaError('#REF!', 'the column this formula used was deleted')];
    return () => this.listOf(col);
  }

  table(sheetId: string, colIds: readonly string[]): () => Table {
    return () => {
      const cols = colIds.map((id) => this.colOf(sheetId, id));
      return new Table(cols.map((c) => (c ? this.listOf(c) : [])));
    };
  }

  group(sheetId: string, criteria: readonly string[], value: string | null, keys: readonly string[]): Group {
    const sig = `${sheetId}|${criteria.join(',')}|${value ?? ''}`;
    let idx = this.groups.get(sig);
    const crit = criteria.map((c) => this.colOf(sheetId, c));
    const val = value === null ? null : this.colOf(sheetId, value);
    if (crit.some((c) => !c) || val === undefined) throw new FormulaEngineError(`group index over unknown columns ${sig}`);
    const cols = [...(crit as ColumnState[]), ...(val ? [val] : [])];
    for (const c of cols) this.ensureColumn(c);
    if (!idx) {
      idx = new GroupIndex(crit as ColumnState[], val);
      for (const s of cols[0]?.sheet.order ?? []) idx.apply(s, 1);
      this.groups.set(sig, idx);
      for (const c of new Set(cols)) c.groupIndexes.push(idx);
    }
    const g = idx.group(keys.map((k) => k + SEP).join(''));
    if (this.current >= 0) g.watchers.add(this.current);
    return g;
  }

  lookup(sheetId: string, keyCol: string, retCol: string, key: Scalar): Scalar | typeof NOT_FOUND {
    const kc = this.colOf(sheetId, keyCol);
    const rc = this.colOf(sheetId, retCol);
    if (!kc || !rc) return new FormulaError('#REF!', 'the column this formula used was deleted');
    this.ensureColumn(kc);
    if (!kc.keyIndex) {
      const ki = new KeyIndex();
      for (const s of kc.sheet.order) ki.add(s, kc.values[s] ?? null);
      kc.keyIndex = ki;
    }
    const k = cellKey(key);
    if (this.current >= 0) kc.keyIndex.watch(k, this.current);
    const slot = kc.keyIndex.first(k, (s) => kc.sheet.position(s));
    if (slot < 0) return NOT_FOUND;
    if (this.current >= 0) {
      let w = rc.cellWatchers.get(slot);
      if (!w) rc.cellWatchers.set(slot, (w = new Set()));
      w.add(this.current);
    }
    return this.read(rc, slot);
  }

  sheetName(sheetId: string): string {
    return this.sheetNames.get(sheetId) ?? sheetId;
  }

  today(): number {
    return this.todaySerial;
  }

  readsToday(): void {
    if (this.current >= 0) this.todayWatchers.add(this.current);
  }

  // ── evaluating ───────────────────────────────────────────────────────────

  private cycle(instance: number): FormulaError {
    const at = this.stack.indexOf(instance);
    const members = (at >= 0 ? this.stack.slice(at) : [instance]).map((id) => this.describe(id));
    return new FormulaError('#CYCLE!', `circular reference: ${[...new Set(members)].sort().join(', ')}`);
  }

  /** "Sheet[Column] row 3" of an instance. */
  describe(instance: number): string {
    const col = this.cols[Math.floor(instance / SLOTS)];
    if (!col) return '?';
    return `${this.columnName(col)} row ${col.sheet.position(instance % SLOTS) + 1}`;
  }

  private evaluate(col: ColumnState, slot: number): void {
    const f = col.formulaAt(slot);
    if (!f) {
      col.state[slot] = CLEAN;
      return;
    }
    const id = col.instance(slot);
    col.state[slot] = RUNNING;
    this.stack.push(id);
    const prev = this.current;
    this.current = id;
    let v: Scalar;
    try {
      v = f.broken ?? (f.run(slot) as Scalar);
    } finally {
      this.current = prev;
      this.stack.pop();
    }
    col.state[slot] = CLEAN;
    this.setValue(col, slot, v);
  }

  /** Stores a value and keeps indexes, caches and the change log in step; marks index watchers. */
  setValue(col: ColumnState, slot: number, v: Scalar): void {
    const old = col.values[slot];
    if (same(old, v) && old !== undefined) return;
    const ki = col.keyIndex;
    const touched: Group[] = [];
    for (const idx of col.groupIndexes) touched.push(idx.apply(slot, -1));
    if (ki) ki.remove(slot, old ?? null);
    col.values[slot] = v;
    col.list = null;
    for (const idx of col.groupIndexes) touched.push(idx.apply(slot, 1));
    if (ki) {
      ki.add(slot, v);
      this.markKey(ki, cellKey(old ?? null));
      this.markKey(ki, cellKey(v));
    }
    for (const g of touched) for (const w of g.watchers) this.markInstance(w);
    const rowId = col.sheet.rowAt[slot];
    if (this.logCells && rowId !== undefined) this.log.cell(col.sheet.id, rowId, col.id);
  }

  private markKey(ki: KeyIndex, k: string): void {
    const w = ki.watchers.get(k);
    if (w) for (const id of w) this.markInstance(id);
  }

  /** Marks the instances that looked up keys held by more than one row (row order decides which is first). */
  markDuplicateKeys(ki: KeyIndex): void {
    for (const k of ki.watchers.keys()) if (ki.count(k) > 1) this.markKey(ki, k);
  }

  // ── marking ──────────────────────────────────────────────────────────────

  markInstance(id: number): void {
    const col = this.cols[Math.floor(id / SLOTS)];
    if (col) this.markDirty(col, id % SLOTS);
  }

  /** Marks a computed cell dirty, and everything that depends on it. */
  markDirty(col: ColumnState, slot: number): void {
    const st = col.state[slot];
    if (st === DIRTY || st === RUNNING || !col.formulaAt(slot) || col.sheet.rowAt[slot] === undefined) return;
    col.state[slot] = DIRTY;
    col.dirtySlots.push(slot);
    this.dirtyCols.add(col);
    this.markDependents(col, slot);
  }

  /** Marks what reads a cell: same-row formulas, cell formulas of that row, whole-column and cell watchers. */
  markDependents(col: ColumnState, slot: number): void {
    for (const d of col.sameRowDependents) this.markDirty(d, slot);
    const cd = col.cellDependents.get(slot);
    if (cd) for (const d of cd) this.markDirty(d, slot);
    if (!col.wholeMarked && col.wholeWatchers.size > 0) {
      col.wholeMarked = true;
      for (const w of col.wholeWatchers) this.markInstance(w);
    }
    const cw = col.cellWatchers.get(slot);
    if (cw) for (const w of cw) this.markInstance(w);
  }

  /** Marks the watchers of every whole column of a sheet (rows were added, removed or moved). */
  markSheetReaders(sheet: SheetState): void {
    for (const col of sheet.columns.values()) {
      col.list = null;
      col.wholeMarked = false;
      for (const w of col.wholeWatchers) this.markInstance(w);
      if (col.keyIndex) this.markDuplicateKeys(col.keyIndex);
    }
  }

  /** Group indexes over a sheet. */
  groupsOf(sheet: SheetState): GroupIndex[] {
    return [...this.groups.values()].filter((g) => (g.criteria[0] ?? g.value)?.sheet === sheet);
  }

  /** Evaluates everything dirty. */
  recalc(): void {
    while (this.dirtyCols.size > 0) {
      for (const col of this.dirtyCols) {
        this.dirtyCols.delete(col);
        this.ensureColumn(col);
      }
    }
  }
}
