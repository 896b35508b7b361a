/** The checker's types: where a formula is checked, what its references resolved to, and the checked tree. */
import type { Node } from './ast.ts';
import type { Catalog } from './catalog.ts';
import type { FormulaForm } from './lexer.ts';
import type { Column } from '../schema/types.ts';
import type { ScalarType, Ty, ValueType } from './types.ts';
import { messageText } from './messages-en.ts';
import type { FormulaMessage } from './messages.ts';

/** A formula that cannot be taken: why (`detail`, and its English as `message`) and the range [from, to) it is about. */
export class CheckError extends Error {
  override name = 'CheckError';
  constructor(readonly detail: FormulaMessage, readonly from: number, readonly to: number) {
    super(messageText(detail));
  }
}

/** A refused formula as a result rather than a throw: why (`detail`, its English as `message`) and where. */
export type Refusal = { ok: false; detail: FormulaMessage; message: string; from: number; to: number };

/** The refusal for `detail` about the range [from, to). */
export const refusal = (detail: FormulaMessage, from: number, to: number): Refusal => ({ ok: false, detail, message: messageText(detail), from, to });

/** What a reference resolved to. */
export type Resolved =
  | { kind: 'cell'; sheetId: string; colId: string }
  | { kind: 'column'; sheetId: string; colId: string }
  | { kind: 'follow'; sheetId: string; refColId: string; targetSheetId: string; keyColId: string; colId: string }
  | { kind: 'table'; sheetId: string; colIds: string[] }
  /** A name bound by LET: the binding's number in the formula. */
  | { kind: 'local'; index: number }
  | { kind: 'missing'; detail: FormulaMessage };

/** Where a formula is checked. */
export interface CheckOptions {
  catalog: Catalog;
  /** The sheet the formula belongs to; undefined outside any sheet (the CLI). */
  sheetId?: string;
  /** The column it computes or sits in (it cannot read itself in the same row). */
  colId?: string;
  /** Whether `[Column]` means this row's value (column and cell formulas) — false for free-standing formulas. */
  row: boolean;
  form: FormulaForm;
  /** The value type of a column (formula columns: the type of their result, possibly a union with text). */
  columnType: (sheetId: string, col: Column) => ScalarType;
  /**
   * What the formula may give: one value (a column formula: the default), one value or an array (a
   * cell's own formula, the CLI), or an array (a view sheet's formula: the rows it shows).
   */
  result?: 'single' | 'any' | 'array';
}

/** A checked formula: the tree with a type and a resolution for each node. */
export interface Checked {
  ast: Node;
  type: Ty;
  types: Map<Node, Ty>;
  refs: Map<Node, Resolved>;
  /** Text literals taken as dates ("2026-01-01" compared with a date), as serials. */
  dates: Map<Node, number>;
  /** Empty texts `""` given as a result (IF(x, [Price], "")): a blank cell, not text. */
  blanks: Set<Node>;
  usesToday: boolean;
  usesNow: boolean;
}

/** Type of the values of a model column as formulas read them. */
export const inputType = (col: Column): ValueType => {
  switch (col.type) {
    case 'choice':
    case 'reference':
    case 'text':
      return 'text';
    default:
      return col.type;
  }
};
