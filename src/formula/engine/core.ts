/**
 * The dependency graph and incremental recalculation. Cells are marked dirty (with everything that
 * depends on them, eagerly, from a work list), then evaluated on demand: reading a dirty cell
 * evaluates it first (see Evaluation), so each runs once, after its inputs, and a cell met while it
 * is running is a cycle (#CYCLE!, naming its members). Same-row dependencies are kept per column;
 * reads of other rows, whole columns, index groups and keys are recorded per cell as they happen.
 */
import type { DateOrder } from '../../schema/date-text.ts';
import { cellKey } from '../criteria.ts';
import { FormulaError } from '../errors.ts';
import { msg, type CellPlace } from '../messages.ts';
import { budgetError } from '../limits.ts';
import { isArray, markWholeColumn, scalarOf, Table, type List, type Scalar, type Value } from '../values.ts';
import { ColumnState, DIRTY, RUNNING, SLOTS } from './column-state.ts';
import type { EvalHost, NOT_FOUND } from './compile.ts';
import { Evaluation } from './evaluation.ts';
import type { Group, GroupIndex } from './group-index.ts';
import { readAccumulator, readGroup, readKey } from './index-reads.ts';
import type { Accumulator, Totals } from './accumulator.ts';
import type { Criterion } from '../criteria.ts';
import type { KeyIndex } from './key-index.ts';
import { OutsideReads } from './outside-reads.ts';
import { RecalcLog } from './recalc-log.ts';
import type { SheetState } from './sheet-state.ts';

const same = (a: Scalar | undefined, b: Scalar): boolean =>
  a === b ||
  (a instanceof FormulaError && b instanceof FormulaError && a.code === b.code && a.message === b.message);

/** Loads a column's stored values (the engine decides how). */
export type Loader = (col: ColumnState) => void;

/** Values, dirty marks, dependents and evaluation of every cell the engine computes. */
export class Core implements EvalHost {
  readonly sheets = new Map<string, SheetState>();
  readonly cols: ColumnState[] = [];
  readonly log = new RecalcLog();
  /** When set, changes are logged per column by the caller instead of per cell. */
  logCells = true;
  readonly todayWatchers = new Set<number>();
  todaySerial = 0;
  /** The time of day and column names, and who reads them. */
  readonly outside = new OutsideReads();
  /** @internal Group indexes by signature (sheet, criteria columns, value column). */
  readonly groups = new Map<string, GroupIndex>();
  private readonly dirtyCols = new Set<ColumnState>();
  /** Evaluation: cycles, cells set aside, the budget of steps. */
  private readonly ev = new Evaluation(this);
  /** @internal The cell being evaluated (its instance id), -1 outside any. */
  current = -1;
  private readonly sheetNames = new Map<string, string>();
  /** Cells marked dirty whose dependents are still to be marked. */
  private readonly toMark: number[] = [];
  private marking = false;

  constructor(
    /** @internal Loads a column's stored values on first use. */
    readonly load: Loader,
    private readonly columnName: (col: ColumnState) => string,
    /** The order of dates like 10/01/2027 in the workbook's region (another region builds a new core). */
    readonly dateOrder: DateOrder | null = 'MDY',
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
    else if (st === RUNNING) return this.ev.cycle(col, slot);
    else if ((col.dfs[slot] ?? -1) >= 0) this.ev.backEdge(col.dfs[slot] ?? 0);
    return col.values[slot] ?? null;
  }

  cell(sheetId: string, colId: string): (slot: number) => Scalar {
    const col = this.colOf(sheetId, colId);
    if (!col) return () => new FormulaError('#REF!', msg('ref.columnDeleted'));
    return (slot) => this.read(col, slot);
  }

  /**
   * Evaluates every dirty cell of a column. False when a cell of the column is itself being computed:
   * the reader then depends on a cell that depends on it (a cycle, recorded as such). A cell of the
   * column that reads the column again while this runs returns at once (it reads itself: a cycle too),
   * so the depth stays bounded on long columns.
   */
  ensureColumn(col: ColumnState): boolean {
    if (!col.loaded) this.load(col);
    if (!col.ensuring && col.dirtySlots.length > 0) {
      col.ensuring = true;
      try {
        while (col.dirtySlots.length > 0) {
          const s = col.dirtySlots.pop() ?? 0;
          if (col.state[s] === DIRTY) this.evaluate(col, s);
        }
      } finally {
        col.ensuring = false;
      }
    }
    if (col.running === 0) {
      this.ev.checkSetAside(col);
      return true;
    }
    this.selfRead(col);
    return false;
  }

  private listOf(col: ColumnState): List {
    // Registered first: a reader caught in a cycle must still hear when the cycle is broken.
    if (this.current >= 0) {
      col.wholeWatchers.add(this.current);
      col.wholeMarked = false;
    }
    if (!this.ensureColumn(col)) return [new FormulaError('#CYCLE!', msg('cycle.plain'))];
    if (!col.list) {
      if (!this.spend(col.sheet.order.length)) return [budgetError()];
      col.list = col.sheet.order.map((s) => col.values[s] ?? null);
      markWholeColumn(col.list, col.sheet.id);
    }
    return col.list;
  }

  column(sheetId: string, colId: string): () => List {
    const col = this.colOf(sheetId, colId);
    if (!col) return () => [new FormulaError('#REF!', msg('ref.columnDeleted'))];
    return () => this.listOf(col);
  }

  table(sheetId: string, colIds: readonly string[]): () => Table {
    return () => {
      const cols = colIds.map((id) => this.colOf(sheetId, id));
      // The names are read only by HLOOKUP, which then is recomputed when they change.
      return new Table(cols.map((c) => (c ? this.listOf(c) : [])), null, { sheetId }, () => this.outside.namesFor(sheetId, colIds, this.current));
    };
  }

  /** A whole column read while one of its cells is being computed: an edge back to the first of them. */
  private selfRead(col: ColumnState): FormulaError {
    const id = this.ev.runningIn(col) ?? col.instance(0);
    return this.ev.cycle(col, id % SLOTS);
  }

  group(sheetId: string, criteria: readonly string[], value: string | null, keys: readonly string[]): Group | FormulaError {
    return readGroup(this, sheetId, criteria, value, keys);
  }

  accumulate(sheetId: string, tests: readonly { colId: string; crit: Criterion }[], value: string | null, signature: string, site: number): Totals | FormulaError | undefined {
    return readAccumulator(this, sheetId, tests, value, signature, site);
  }

  /** @internal Running totals by reader, then by call site. */
  readonly accumulators = new Map<number, Map<number, Accumulator>>();

  /** @internal Forgets the running totals of a reader whose formula changed or went away. */
  dropAccumulators(reader: number): void {
    const m = this.accumulators.get(reader);
    if (!m) return;
    for (const acc of m.values()) acc.detach();
    this.accumulators.delete(reader);
  }


  lookup(sheetId: string, keyCol: string, retCol: string, key: Scalar): Scalar | typeof NOT_FOUND {
    return readKey(this, sheetId, keyCol, retCol, key);
  }

  sheetName(sheetId: string): string {
    return this.sheetNames.get(sheetId) ?? sheetId;
  }

  columnDisplayName(sheetId: string, colId: string): string {
    // The running cell names it in a message: recomputed when names change (a rename, another UI language).
    OutsideReads.note(this.outside.nameReaders, this.current);
    return this.outside.columnNames(sheetId, colId)[0] ?? colId;
  }

  today(): number {
    return this.todaySerial;
  }

  readsToday(): void {
    if (this.current >= 0) this.todayWatchers.add(this.current);
  }

  spend(steps: number): boolean {
    return this.ev.spend(steps);
  }

  /** Starts a recalculation's budget of steps. */
  resetBudget(): void {
    this.ev.resetBudget();
  }

  /** True when this recalculation ran out of steps (some cells hold the budget error). */
  get exhausted(): boolean {
    return this.ev.exhausted;
  }

  readonly now = (): number => this.outside.clock();

  readsNow(): void {
    OutsideReads.note(this.outside.nowReaders, this.current);
  }

  runningCell(): string {
    const col = this.current < 0 ? undefined : this.cols[Math.floor(this.current / SLOTS)];
    return col ? `${col.sheet.id}|${col.sheet.rowAt[this.current % SLOTS] ?? ''}|${col.id}` : '';
  }

  // ── evaluating ───────────────────────────────────────────────────────────

  /** A running cell reads `col`/`slot`, which is running too: a cycle (see Evaluation.cycle). */
  cycle(col: ColumnState, slot: number): FormulaError {
    return this.ev.cycle(col, slot);
  }

  /** Where an instance is: `Sheet[Column]` and its row number. */
  describe(instance: number): CellPlace {
    const col = this.cols[Math.floor(instance / SLOTS)];
    if (!col) return { column: '?', row: 0 };
    return { column: this.columnName(col), row: col.sheet.position(instance % SLOTS) + 1 };
  }

  /** @internal Evaluates one computed cell now. */
  evaluate(col: ColumnState, slot: number): void {
    this.ev.evaluate(col, slot);
  }

  /** Stores a value and keeps indexes, caches and the change log in step; marks index watchers. */
  setValue(col: ColumnState, slot: number, value: Value): void {
    // A formula that gives an array keeps it; readers of the cell see its first value, as in Excel.
    const arrayChanged = isArray(value) ? col.arrays.get(slot) !== value : col.arrays.has(slot);
    if (isArray(value)) col.arrays.set(slot, value);
    else col.arrays.delete(slot);
    const v = isArray(value) ? scalarOf(value) : value;
    const old = col.values[slot];
    if (same(old, v) && old !== undefined && !arrayChanged) return;
    const ki = col.keyIndex;
    const touched: Group[] = [];
    for (const idx of col.groupIndexes) touched.push(idx.apply(slot, -1));
    if (ki) ki.remove(slot, old ?? null);
    col.values[slot] = v;
    col.list = null;
    for (const idx of col.groupIndexes) touched.push(idx.apply(slot, 1));
    for (const acc of col.accumulators) {
      acc.apply(slot, -1, col, old ?? null);
      acc.apply(slot, 1);
    }
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


  // ── marking ──────────────────────────────────────────────────────────────

  markInstance(id: number): void {
    const col = this.cols[Math.floor(id / SLOTS)];
    if (col) this.markDirty(col, id % SLOTS);
  }

  /** Marks a computed cell dirty, and everything that depends on it. */
  markDirty(col: ColumnState, slot: number): void {
    const st = col.state[slot];
    if (st === DIRTY || st === RUNNING || !col.formulaAt(slot) || col.sheet.rowAt[slot] === undefined) return;
    // A cell in a component still being evaluated gets its final value when the component closes.
    if ((col.dfs[slot] ?? -1) >= 0) return;
    col.state[slot] = DIRTY;
    col.dirtySlots.push(slot);
    this.queue(col);
    // Dependents are marked from a work list, not by recursion: a chain of 100,000 cells is fine.
    this.toMark.push(col.instance(slot));
    if (!this.marking) this.drainMarks();
  }

  /** @internal Puts a column with dirty cells in the recalculation's queue. */
  queue(col: ColumnState): void {
    if (!col.queued) {
      col.queued = true;
      this.dirtyCols.add(col);
    }
  }

  private drainMarks(): void {
    this.marking = true;
    try {
      for (let id = this.toMark.pop(); id !== undefined; id = this.toMark.pop()) {
        const col = this.cols[Math.floor(id / SLOTS)];
        if (col) this.markReaders(col, id % SLOTS);
      }
    } finally {
      this.marking = false;
    }
  }

  /** Marks every row of a formula column dirty at once (building: everything is dirty, no dependents to mark). */
  markColumnDirty(col: ColumnState): void {
    for (const slot of col.sheet.order) {
      if (col.state[slot] === DIRTY || col.cellFormulas.has(slot)) continue;
      col.state[slot] = DIRTY;
      col.dirtySlots.push(slot);
    }
    this.queue(col);
  }

  /** Marks what reads a cell: same-row formulas, cell formulas of that row, whole-column, cell, group and key watchers. */
  markDependents(col: ColumnState, slot: number): void {
    if (this.marking) return this.markReaders(col, slot);
    this.marking = true;
    try {
      this.markReaders(col, slot);
    } finally {
      this.marking = false;
    }
    this.drainMarks();
  }

  /** Marks the direct readers of a cell (their own readers are left on the work list). */
  private markReaders(col: ColumnState, slot: number): void {
    for (const d of col.sameRowDependents) this.markDirty(d, slot);
    const cd = col.cellDependents.get(slot);
    if (cd) for (const d of cd) this.markDirty(d, slot);
    if (!col.wholeMarked && col.wholeWatchers.size > 0) {
      col.wholeMarked = true;
      for (const w of col.wholeWatchers) this.markInstance(w);
    }
    const cw = col.cellWatchers.get(slot);
    if (cw) for (const w of cw) this.markInstance(w);
    // Index readers: a criteria or key cell may move a row into any group or key, so all their readers
    // depend on it; a value cell only matters to the readers of its own group.
    for (const idx of col.groupIndexes) {
      if (idx.criteria.includes(col)) {
        if (idx.allMarked) continue;
        idx.allMarked = true;
        for (const g of idx.groups.values()) for (const w of g.watchers) this.markInstance(w);
      } else {
        const g = idx.groups.get(idx.keyOf(slot));
        if (g) for (const w of g.watchers) this.markInstance(w);
      }
    }
    const ki = col.keyIndex;
    if (ki && !ki.allMarked) {
      ki.allMarked = true;
      for (const ws of ki.watchers.values()) for (const w of ws) this.markInstance(w);
    }
  }




  /** Evaluates everything dirty. */
  recalc(): void {
    while (this.dirtyCols.size > 0) {
      for (const col of this.dirtyCols) {
        this.dirtyCols.delete(col);
        col.queued = false;
        this.ensureColumn(col);
      }
    }
  }
}
