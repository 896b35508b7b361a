/** What compiled formulas read through: the engine's cells, columns, indexes, clock and budget of steps. */
import type { DateOrder } from '../../schema/date-text.ts';
import type { Criterion } from '../criteria.ts';
import type { FormulaError } from '../errors.ts';
import type { List, Scalar, Table } from '../values.ts';
import type { Totals } from './accumulator.ts';
import type { Group } from './group-index.ts';

/** Marks "no row has this key" in host lookups. */
export const NOT_FOUND: unique symbol = Symbol('not found');

/** What compiled formulas read through. */
export interface EvalHost {
  /** This row's value of a column. */
  cell(sheetId: string, colId: string): (slot: number) => Scalar;
  /** A whole column in row order (the reader is recorded as depending on all of it). */
  column(sheetId: string, colId: string): () => List;
  /** A whole sheet for VLOOKUP. */
  table(sheetId: string, colIds: readonly string[]): () => Table;
  /** The group of rows whose criteria columns have the given keys (the reader watches that group). */
  group(sheetId: string, criteria: readonly string[], value: string | null, keys: readonly string[]): Group | FormulaError;
  /**
   * Running totals for criteria an index cannot key, kept for the running cell at call site `site`
   * (undefined outside any cell: then the caller scans).
   */
  accumulate(
    sheetId: string,
    tests: readonly { colId: string; crit: Criterion }[],
    value: string | null,
    signature: string,
    site: number,
  ): Totals | FormulaError | undefined;
  /** The value in `retCol` of the first row whose `keyCol` has `key` (the reader watches key and cell). */
  lookup(sheetId: string, keyCol: string, retCol: string, key: Scalar): Scalar | typeof NOT_FOUND;
  /** Display name of a sheet (for messages). */
  sheetName(sheetId: string): string;
  /** Display name of a column (for messages; the running cell is recomputed when names change). */
  columnDisplayName(sheetId: string, colId: string): string;
  today(): number;
  /** The order of dates like 10/01/2027 in the workbook's region. */
  readonly dateOrder: DateOrder | null;
  /** Records that the running formula reads today's date. */
  readsToday(): void;
  /** Charges steps to the recalculation's budget; false once it is spent (the caller then gives budgetError()). */
  spend(steps: number): boolean;
  /** Now, as a serial with the time of day as its fraction. */
  now(): number;
  /** Records that the running formula reads the time of day (recomputed every minute). */
  readsNow(): void;
  /** Identity of the cell being computed (sheet, row, column), '' outside any cell. */
  runningCell(): string;
}
