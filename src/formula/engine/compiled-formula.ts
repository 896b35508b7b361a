/** A formula ready to run: its checked tree, its evaluator, and what it reads in the same row. */
import type { Checked } from '../checker.ts';
import type { FormulaError } from '../errors.ts';
import type { ValueType } from '../types.ts';
import type { Value } from '../values.ts';

/** A compiled column or cell formula. */
export interface CompiledFormula {
  /** Stored form. */
  stored: string;
  /** The checked tree (undefined when the stored formula no longer type-checks). */
  checked?: Checked;
  /** Result type (the number part of a union). */
  type: ValueType;
  /** The result may also be text: a union such as "currency or text". */
  orText: boolean;
  /** Evaluates the formula for a row slot (-1 outside any row). */
  run: (slot: number) => Value;
  /** Column ids of its own sheet read in the same row (including reference columns followed). */
  sameRow: readonly string[];
  usesToday: boolean;
  /** The height of its syntax tree: how deep evaluating it goes on the stack. */
  depth: number;
  /** Steps one evaluation is charged (a cell, and each node of its formula). */
  steps: number;
  /** Why the formula cannot run (it no longer type-checks): every cell shows this error. */
  broken?: FormulaError;
}
