/** How the checker judges arguments: which kinds refuse a value that may be text, and whether a count of arguments fits. */
import type { FunctionDef, ParamKind } from './functions/index.ts';
import { msg, type FormulaMessage } from './messages.ts';

/**
 * Parameter kinds that take a number, date or condition: a single value that may be text is refused
 * there (a whole column of them is fine where a column is taken: its text is skipped).
 */
export const NEEDS_NON_TEXT: ReadonlySet<ParamKind> = new Set<ParamKind>(['number', 'date', 'numdate', 'boolean', 'numlist', 'numdatelist', 'conditions']);

/** Why `n` arguments do not fit a function ("ROUND takes 2 arguments, not 1"), or undefined when they do. */
export const arityProblem = (def: FunctionDef, n: number): FormulaMessage | undefined => {
  const rep = def.repeat ?? 0;
  const required = def.params.filter((p) => !p.optional).length;
  const extra = n - (def.params.length - rep);
  const ok = rep
    ? (extra >= rep || n >= (def.leastArgs ?? Infinity)) && (extra % rep === 0 || (def.optionalTail === true && extra % rep === 1))
    : n >= required && n <= def.params.length;
  if (ok) return undefined;
  return msg('arg.count', def.name, rep ? (def.leastArgs ?? def.params.length) : required, rep ? Infinity : def.params.length, n);
};
