/**
 * The way out offered when a value that may be text ("currency or text") is used where a number is
 * required: keep a number at the source (IFERROR(x, 0)), or read the text as 0 with N(…).
 */
import type { Node } from './ast.ts';

/** Functions whose fallback or results make the union, and how to keep a number with each. */
const AT_SOURCE: Record<string, string> = {
  IFERROR: 'use IFERROR(…, 0) to keep a number',
  IFNA: 'use IFNA(…, 0) to keep a number',
  XLOOKUP: 'give XLOOKUP a number as if_not_found, such as 0, to keep a number',
  IF: 'give IF a number in both results (such as 0 instead of text) to keep a number',
  IFS: 'give every result of IFS a number to keep a number',
  SWITCH: 'give every result of SWITCH a number to keep a number',
  CHOOSE: 'give CHOOSE only numbers to keep a number',
};

/**
 * A sentence saying how to get a number from the union-typed expression `node`; `column` is its
 * column as written (`[Margin]`) when it is a reference to one.
 */
export const unionHint = (node: Node, column?: string): string => {
  if (node.kind === 'call') {
    const fix = AT_SOURCE[node.name];
    if (fix) return fix;
  }
  if (column) return `${column} can hold text; N(${column}) reads text as 0`;
  return 'N(…) reads text as 0';
};
