/** The engine's memory of one column: values by row slot, formulas, dirty marks and dependents. */
import type { Column } from '../../schema/types.ts';
import type { ValueType } from '../types.ts';
import type { List, Scalar, Table } from '../values.ts';
import type { Accumulator } from './accumulator.ts';
import type { CompiledFormula } from './compiled-formula.ts';
import type { GroupIndex } from './group-index.ts';
import type { KeyIndex } from './key-index.ts';
import type { SheetState } from './sheet-state.ts';

/** Evaluation state of a computed cell. */
export const CLEAN = 0;
/** Needs evaluating before it is read. */
export const DIRTY = 1;
/** Being evaluated (met again: a cycle). */
export const RUNNING = 2;

/** Slots per column in an instance id (instance = column index × SLOTS + slot). */
export const SLOTS = 2 ** 22;

/** One column of one sheet. */
export class ColumnState {
  /** Values by row slot: typed inputs, or computed results (an array's first value, for a formula that gives one). */
  values: Scalar[] = [];
  /** Arrays given by the formulas of cells that give one (a cell's own formula, a view sheet's), by slot. */
  readonly arrays = new Map<number, List | Table>();
  /** Evaluation state by slot (only meaningful where a formula computes the cell). */
  state: number[] = [];
  /** DFS number of a cell while its cycle component is open (-1 or missing otherwise), and its low link. */
  dfs: number[] = [];
  low: number[] = [];
  /** Slots marked dirty (may hold stale entries; the state decides). */
  dirtySlots: number[] = [];
  /** How many cells of this column are being evaluated right now (reading it whole then is a cycle). */
  running = 0;
  /** In the engine's queue of columns with dirty cells. */
  queued = false;
  /** True while ensureColumn evaluates this column's dirty cells. */
  ensuring = false;
  /** Whether input values were read from the source (loaded on first use). */
  loaded = false;
  formula: CompiledFormula | null = null;
  /** Cell formulas by slot (each overrides the column for its cell). */
  readonly cellFormulas = new Map<number, CompiledFormula>();
  /** Columns of the same sheet whose column formula reads this one in the same row. */
  readonly sameRowDependents = new Set<ColumnState>();
  /** Slot → columns holding a cell formula at that slot that reads this column in the same row. */
  readonly cellDependents = new Map<number, Set<ColumnState>>();
  /** Instances that read this whole column (SUM(Sheet[Col]) …). */
  readonly wholeWatchers = new Set<number>();
  /** True while every whole watcher is already marked dirty (cleared when one registers anew). */
  wholeMarked = false;
  /** Slot → instances that read this one cell of another row (XLOOKUP results, followed references). */
  readonly cellWatchers = new Map<number, Set<number>>();
  keyIndex: KeyIndex | null = null;
  readonly groupIndexes: GroupIndex[] = [];
  /** Running totals over this column (conditional aggregates whose criteria an index cannot key). */
  readonly accumulators = new Set<Accumulator>();
  /** The column in row order, cached until a value or the order changes. */
  list: Scalar[] | null = null;
  /** Value type as formulas read it. */
  type: ValueType = 'text';
  /** The column's formula may also give text: its type is the union "type or text". */
  orText = false;

  constructor(
    readonly index: number,
    readonly sheet: SheetState,
    public col: Column,
  ) {}

  get id(): string {
    return this.col.id;
  }

  /** The formula computing a slot, if any. */
  formulaAt(slot: number): CompiledFormula | null {
    return this.cellFormulas.get(slot) ?? this.formula;
  }

  /** Instance id of a slot. */
  instance(slot: number): number {
    return this.index * SLOTS + slot;
  }
}
