/** The syntax tree of a formula. Every node carries its character range in the source text. */
import type { ErrorCode } from './errors.ts';
import { messageText } from './messages-en.ts';
import type { FormulaMessage } from './messages.ts';

/** A character range [from, to) in the formula text (the leading "=" is position 0). */
export interface Span {
  from: number;
  to: number;
}

/** A sheet or column as written: by name (display form) or by id (stored form). */
export interface NameRef extends Span {
  name?: string;
  id?: string;
}

/** A literal value: what an array constant holds. */
export type Literal =
  | (Span & { kind: 'number'; value: number; integer: boolean })
  | (Span & { kind: 'string'; value: string })
  | (Span & { kind: 'boolean'; value: boolean })
  | (Span & { kind: 'error'; code: ErrorCode });

/** A node of the syntax tree. */
export type Node =
  | Literal
  /** `[Col]` (same row), `Sheet[Col]` (whole column), `[Ref].[Col]` (follow a reference column). */
  | (Span & { kind: 'ref'; sheet?: NameRef; column: NameRef; follow?: NameRef })
  /** A bare name: a whole sheet as a table (VLOOKUP), or an unknown name. */
  | (Span & { kind: 'name'; ref: NameRef })
  | (Span & { kind: 'unary'; op: '-' | '+'; arg: Node })
  | (Span & { kind: 'percent'; arg: Node })
  | (Span & { kind: 'binary'; op: BinaryOp; left: Node; right: Node; opFrom: number })
  | (Span & { kind: 'call'; name: string; nameTo: number; args: Node[] })
  /** An array constant `{1,2;3,4}`: rows of literal values (numbers, texts, TRUE/FALSE, error values). */
  | (Span & { kind: 'array'; rows: Literal[][] })
  /** An optional argument left out between commas, as Excel allows: TEXTSPLIT(A2, , "."), SORT(x, , -1). */
  | (Span & { kind: 'omitted' });

/** Infix operators, from lowest to highest precedence: comparisons, &, + −, * /, ^. */
export type BinaryOp = '=' | '<>' | '<' | '>' | '<=' | '>=' | '&' | '+' | '-' | '*' | '/' | '^';

/** A formula text that cannot be read, with where (`message` is the English of `detail`). */
export class FormulaSyntaxError extends Error {
  override name = 'FormulaSyntaxError';
  constructor(
    readonly detail: FormulaMessage,
    readonly from: number,
    readonly to: number,
  ) {
    super(messageText(detail));
  }
}
