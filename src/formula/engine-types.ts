/** What the formula engine's public methods take and give. */
import type { Refusal } from './check-types.ts';
import type { ArrayResult } from './engine/array-result.ts';
import type { ValueType } from './types.ts';
import type { Scalar } from './values.ts';

/** A computed value with its type ('error' for error values); `orText` when its formula may also give text. */
export interface ComputedCell {
  value: Scalar;
  type: ValueType;
  orText?: true;
  /** The cell's own formula gives an array (`value` is its first value; `arrayAt` gives all of it). */
  holdsArray?: true;
}

/** The result of checking a formula as typed: its stored form and type (`orText`: "type or text"), or why it is refused and where. */
export type CheckResult = { ok: true; stored: string; type: ValueType; orText?: true } | Refusal;

/** A free-standing formula's value (its first value and, when it gave an array, the array), or why it cannot be evaluated. */
export type EvalResult = ({ ok: true; array?: ArrayResult } & ComputedCell) | Refusal;

/** Where a typed formula goes: a column formula or cell formula of a sheet (row context), or nowhere (CLI). */
export interface FormulaPlace {
  sheetId?: string;
  /** The column the formula computes or sits in. */
  colId?: string;
  /** Whether `[Column]` means this row (default: true when a sheet is given). */
  row?: boolean;
  /**
   * What the formula may give: one value (a column formula: the default of `check`), one value or an
   * array (a cell's own formula; the default of `evaluate`), or an array (a view sheet's formula).
   */
  result?: 'single' | 'any' | 'array';
}

/** Engine options. */
export interface EngineOptions {
  /** The clock TODAY() reads (tests pass a fixed one). */
  clock?: () => Date;
  /** Checks once a minute whether the date changed and recomputes TODAY() users (call dispose() to stop). */
  watchToday?: boolean;
}
