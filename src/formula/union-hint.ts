/**
 * The way out offered when a value that may be text ("currency or text") is used where a number is
 * required: keep a number at the source (IFERROR(x, 0)), or read the text as 0 with N(…).
 */
import type { Node } from './ast.ts';
import { msg, type BranchingFunction, type FormulaMessage } from './messages.ts';

/** Functions whose fallback or results make the union: each has its own way to keep a number. */
const AT_SOURCE: ReadonlySet<string> = new Set<BranchingFunction>(['IFERROR', 'IFNA', 'XLOOKUP', 'IF', 'IFS', 'SWITCH', 'CHOOSE']);

/**
 * How to get a number from the union-typed expression `node`; `column` is its column as written
 * (`[Margin]`) when it is a reference to one.
 */
export const unionHint = (node: Node, column?: string): FormulaMessage => {
  if (node.kind === 'call' && AT_SOURCE.has(node.name)) return msg('hint.atSource', node.name as BranchingFunction);
  if (column) return msg('hint.columnN', column);
  return msg('hint.n');
};
