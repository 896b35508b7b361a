/** How the checker names arguments and what they take, in its messages ("ROUND needs a number as its first argument"). */
import type { FunctionDef, ParamKind } from './functions/index.ts';

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "first", "second" … "11th". */
export const ordinal = (i: number): string => ORDINAL[i] ?? `${i + 1}th`;

/** What each parameter kind takes, in words. */
export const KIND_WORDS: Record<ParamKind, string> = {
  number: 'a number', date: 'a date', numdate: 'a number or a date', text: 'a value', boolean: 'a condition (TRUE or FALSE, or a number)',
  any: 'a value', list: 'a column', numlist: 'numbers', numdatelist: 'numbers or dates', table: 'a sheet name',
  conditions: 'conditions (TRUE or FALSE, or numbers)', array: 'an array',
};

/**
 * Parameter kinds that take a number, date or condition: a single value that may be text is refused
 * there (a whole column of them is fine where a column is taken: its text is skipped).
 */
export const NEEDS_NON_TEXT: ReadonlySet<ParamKind> = new Set<ParamKind>(['number', 'date', 'numdate', 'boolean', 'numlist', 'numdatelist', 'conditions']);

/** Why `n` arguments do not fit a function ("ROUND takes 2 arguments, not 1"), or undefined when they do. */
export const arityProblem = (def: FunctionDef, n: number): string | undefined => {
  const rep = def.repeat ?? 0;
  const required = def.params.filter((p) => !p.optional).length;
  const extra = n - (def.params.length - rep);
  const ok = rep
    ? (extra >= rep || n >= (def.leastArgs ?? Infinity)) && (extra % rep === 0 || (def.optionalTail === true && extra % rep === 1))
    : n >= required && n <= def.params.length;
  if (ok) return undefined;
  const most = rep ? Infinity : def.params.length;
  const least = rep ? (def.leastArgs ?? def.params.length) : required;
  const want = rep ? `at least ${least}` : least === most ? `${least}` : `${least} to ${most}`;
  return `${def.name} takes ${want} argument${most === 1 || (rep && least === 1) ? '' : 's'}, not ${n}`;
};
