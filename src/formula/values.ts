/** Runtime values of the engine and the coercions every operator and function shares. */
import { isoFromSerial } from './dates.ts';
import { badValue, FormulaError, isError } from './errors.ts';
import { round15 } from './numbers.ts';
import type { ValueType } from './types.ts';

/** One computed value: blank (null), number (dates are serial days), text, boolean or an error. */
export type Scalar = number | string | boolean | null | FormulaError;
/** A whole column, in row order. */
export type List = readonly Scalar[];
/** A whole sheet as VLOOKUP and HLOOKUP read it: its columns in order, each in row order, and each column's names. */
export class Table {
  private names: readonly (readonly string[])[] | undefined;

  constructor(
    readonly columns: readonly List[],
    /** Reads the names of the columns, when asked (only HLOOKUP needs them: VLOOKUP's rows pay nothing). */
    private readonly readNames: () => readonly (readonly string[])[] = () => [],
  ) {}

  /** The names each column answers to, the one shown first (HLOOKUP finds a column by them). */
  get headers(): readonly (readonly string[])[] {
    this.names ??= this.readNames();
    return this.names;
  }
}
/** What an argument evaluates to. */
export type Value = Scalar | List | Table;

/** The single value of an argument: the first of a list, blank for a sheet or a missing argument. */
export const scalarOf = (v: Value | undefined): Scalar =>
  v === undefined || v instanceof Table ? null : Array.isArray(v) ? ((v as List)[0] ?? null) : (v as Scalar);

/** True when a value is a list (a whole column). */
export const isList = (v: Value): v is List => Array.isArray(v);

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
    else if (!(a instanceof Table)) out.push(a);
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
    if (isList(a)) {
      for (const x of a) {
        if (typeof x === 'number') out.push(x);
        else if (isError(x)) return x;
      }
    } else {
      if (a === null || a instanceof Table) continue;
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
