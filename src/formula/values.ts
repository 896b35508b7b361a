/** Runtime values of the engine and the coercions every operator and function shares. */
import { isoFromSerial } from './dates.ts';
import { badValue, FormulaError, isError } from './errors.ts';
import { round15 } from './numbers.ts';
import type { ValueType } from './types.ts';

/** One computed value: blank (null), number (dates are serial days), text, boolean or an error. */
export type Scalar = number | string | boolean | null | FormulaError;
/** A whole column, in row order (or any one-column array: a computed column, `{1;2;3}`). */
export type List = readonly Scalar[];

/** The sheet whose rows a whole-column list holds, in order (set by the engine when it reads a column). */
const WHOLE_COLUMNS = new WeakMap<List, string>();

/** Records that `list` holds every row of sheet `sheetId`, in its order (so a filtered table can line up with it). */
export const markWholeColumn = (list: List, sheetId: string): List => {
  WHOLE_COLUMNS.set(list, sheetId);
  return list;
};

/** The sheet whose rows `list` holds in order, when it is such a column. */
export const wholeColumnSheet = (list: List): string | undefined => WHOLE_COLUMNS.get(list);

/** Where the rows of a table come from: a sheet, and the row of that sheet each row of the table's columns is. */
export interface TableSource {
  readonly sheetId: string;
  /** The sheet's row (0-based position) of each row of the columns; the same positions when absent. */
  readonly rows?: Int32Array;
}

/**
 * A two-dimensional array, kept by columns: a whole sheet (VLOOKUP reads one), an array constant
 * (`{1,2;3,4}`) or what an array function gives (FILTER, SORT …). A table may hold some rows of
 * another (FILTER and SORT keep row numbers; they copy no values). A table whose rows come from a
 * sheet knows which (`source`), so a column of that sheet lines up with it even after rows were
 * left out: SORTBY(FILTER(Inventory, …), Inventory[Days of cover]).
 */
export class Table {
  private readonly kept: (List | undefined)[];
  private names: readonly (readonly string[])[] | undefined;

  constructor(
    /** The columns (all of one length), before any selection of rows. */
    private readonly base: readonly List[],
    /** The rows of `base` this table holds, in order; all of them when null. */
    readonly index: Int32Array | null = null,
    /** The sheet the rows of `base` come from, when they do. */
    readonly source?: TableSource,
    /** Reads the names of the columns, when asked (only HLOOKUP needs them: VLOOKUP's rows pay nothing). */
    private readonly readNames: () => readonly (readonly string[])[] = () => [],
  ) {
    this.kept = index ? new Array<List | undefined>(base.length) : [...base];
  }

  /** A table of whole columns (no selection of rows). */
  static of(columns: readonly List[], source?: TableSource): Table {
    return new Table(columns, null, source);
  }

  /** A table from rows of values (each of `width` values; missing ones are blank). */
  static fromRows(rows: readonly (readonly Scalar[])[], width: number): Table {
    const cols: Scalar[][] = Array.from({ length: width }, () => new Array<Scalar>(rows.length));
    rows.forEach((row, r) => {
      for (let c = 0; c < width; c++) (cols[c] as Scalar[])[r] = row[c] ?? null;
    });
    return new Table(cols);
  }

  /** Number of rows. */
  get rowCount(): number {
    return this.index ? this.index.length : (this.base[0]?.length ?? 0);
  }

  /** Number of columns. */
  get colCount(): number {
    return this.base.length;
  }

  /** The row of the source sheet that row `r` is (0-based position), or -1 when the table has no source. */
  sourceRow(r: number): number {
    const src = this.source;
    if (!src || r < 0 || r >= this.rowCount) return -1;
    const b = this.index ? (this.index[r] ?? -1) : r;
    return src.rows ? (src.rows[b] ?? -1) : b;
  }

  /** The value at row `r`, column `c` (0-based); blank outside the table. */
  at(r: number, c: number): Scalar {
    const col = this.base[c];
    if (!col || r < 0 || r >= this.rowCount) return null;
    return col[this.index ? (this.index[r] ?? -1) : r] ?? null;
  }

  /** Column `c` as a list (built once when rows were selected). */
  column(c: number): List {
    let col = this.kept[c];
    if (!col) {
      const b = this.base[c] ?? [];
      const ix = this.index;
      const out = new Array<Scalar>(ix ? ix.length : 0);
      if (ix) for (let r = 0; r < ix.length; r++) out[r] = b[ix[r] ?? -1] ?? null;
      this.kept[c] = col = out;
    }
    return col;
  }

  /** Every column as a list. */
  get columns(): readonly List[] {
    return this.base.map((_, c) => this.column(c));
  }

  /** The names each column answers to, the one shown first (HLOOKUP finds a column by them). */
  get headers(): readonly (readonly string[])[] {
    this.names ??= this.readNames();
    return this.names;
  }

  /** The rows `rows` of this table (positions in it), in that order: no value is copied. */
  selectRows(rows: Int32Array): Table {
    const ix = this.index;
    const composed = ix ? rows.map((r) => ix[r] ?? -1) : rows;
    return new Table(this.base, composed, this.source);
  }

  /** The columns `cols` of this table (0-based), in that order. */
  selectColumns(cols: readonly number[]): Table {
    return new Table(cols.map((c) => this.base[c] ?? []), this.index, this.source);
  }

  /** The source rows of this table's rows, when it has a source (for a table computed from it, row by row). */
  sourceRows(): TableSource | undefined {
    const src = this.source;
    if (!src) return undefined;
    if (!this.index && !src.rows) return src;
    const rows = new Int32Array(this.rowCount);
    for (let r = 0; r < rows.length; r++) rows[r] = this.sourceRow(r);
    return { sheetId: src.sheetId, rows };
  }

  /** Every value, row by row. */
  values(): Scalar[] {
    const out: Scalar[] = [];
    const rows = this.rowCount;
    for (let r = 0; r < rows; r++) for (let c = 0; c < this.base.length; c++) out.push(this.at(r, c));
    return out;
  }
}

/** What an argument evaluates to. */
export type Value = Scalar | List | Table;

/** The single value of an argument: the first of a list or a table (as Excel takes an array's first), blank when missing. */
export const scalarOf = (v: Value | undefined): Scalar =>
  v === undefined ? null : v instanceof Table ? v.at(0, 0) : Array.isArray(v) ? ((v as List)[0] ?? null) : (v as Scalar);

/** True when a value is a list (a whole column, or a one-column array). */
export const isList = (v: Value): v is List => Array.isArray(v);

/** True when a value is an array: a list or a table. */
export const isArray = (v: Value): v is List | Table => Array.isArray(v) || v instanceof Table;

/** An array's values as one list, row by row (a table's rows flattened; a single value is a list of one). */
export const toList = (v: Value): List => (isList(v) ? v : v instanceof Table ? (v.colCount === 1 ? v.column(0) : v.values()) : [v]);

/** An array as a table: a list is one column (knowing its sheet when it is a whole column); a single value is 1 × 1. */
export const toTable = (v: Value): Table => {
  if (v instanceof Table) return v;
  if (!isList(v)) return Table.of([[v]]);
  const sheetId = wholeColumnSheet(v);
  return Table.of([v], sheetId === undefined ? undefined : { sheetId });
};

/** How many values an array holds (1 for a single value). */
export const arraySize = (v: Value): number => (isList(v) ? v.length : v instanceof Table ? v.rowCount * v.colCount : 1);

/** A number for arithmetic: blank is 0, TRUE is 1, text that reads as a number is that number. */
export const toNumber = (v: Scalar): number | FormulaError => {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  const n = t === '' ? 0 : Number(t);
  return Number.isFinite(n) ? n : badValue('value.notNumber', v);
};

/** How a number reads as text: 15 significant digits, so 0.1 + 0.2 reads "0.3". */
export const numberText = (n: number): string => {
  const r = round15(n);
  return Object.is(r, -0) ? '0' : String(r);
};

/** Text of a value, formatted by its static type (a date reads YYYY-MM-DD, not a serial). */
export const toText = (v: Scalar, type?: ValueType): string | FormulaError => {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isError(v)) return v;
  return type === 'date' ? isoFromSerial(v) : numberText(v);
};

/** A truth value: numbers are true when not 0, blank is false. */
export const toBoolean = (v: Scalar): boolean | FormulaError => {
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  if (typeof v === 'number') return v !== 0;
  if (isError(v)) return v;
  const t = v.trim().toUpperCase();
  if (t === 'TRUE') return true;
  if (t === 'FALSE') return false;
  return badValue('value.notBoolean', v);
};

/** The values of arguments flattened (lists spread), in order. */
export const flatten = (args: readonly Value[]): Scalar[] => {
  const out: Scalar[] = [];
  for (const a of args) {
    if (isList(a)) for (const x of a) out.push(x);
    else if (a instanceof Table) for (const x of a.values()) out.push(x);
    else out.push(a);
  }
  return out;
};

/**
 * The numbers among arguments, as Excel's SUM/AVERAGE/MIN see them: in a list only numbers count
 * (blanks, text and booleans are skipped); a value given directly is converted. The first error wins.
 */
export const numbersOf = (args: readonly Value[]): number[] | FormulaError => {
  const out: number[] = [];
  for (const a of args) {
    if (isList(a) || a instanceof Table) {
      for (const x of isList(a) ? a : a.values()) {
        if (typeof x === 'number') out.push(x);
        else if (isError(x)) return x;
      }
    } else {
      if (a === null) continue;
      const n = toNumber(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
};

/** The first error among values, if any. */
export const firstError = (xs: Iterable<Scalar>): FormulaError | undefined => {
  for (const x of xs) if (isError(x)) return x;
  return undefined;
};
