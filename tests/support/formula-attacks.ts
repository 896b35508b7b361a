/**
 * The formula attacks of issue 16, as the engine, CLI and browser tests (and the limits benchmark)
 * put them into a workbook: typed where a person types, or written straight into the document as
 * a client that runs no checks would.
 */
import type { Workbook } from '../../src/model/index.ts';

/** 1,000 nested parentheses (crashed the CLI's eval with a stack overflow). */
export const NESTED_PARENS = `=${'('.repeat(1000)}1${')'.repeat(1000)}`;

/** A formula `levels` deep: `((([leaf] + 1) + 1) + 1)`. */
export const deepFormula = (levels: number, leaf: string): string => `=${'('.repeat(levels)}${leaf}${' + 1)'.repeat(levels)}`;

/**
 * SUBSTITUTE nested 9 deep, each level replacing every "a" by ten: a text of 10^9 characters if it
 * were built (a 221-character one froze a tab for 12 s and took 938 MB; the CLI died with "Invalid
 * string length").
 */
export const NESTED_SUBSTITUTE = `=${'SUBSTITUTE('.repeat(9)}"a"${',"a","aaaaaaaaaa")'.repeat(9)}`;

/** Sheet id and column ids of the chain sheet. */
export const CHAIN = { sheet: 'chain', n: 'n', v: 'v' } as const;

/**
 * How each row of the chain looks up the one before it: `attack` as found (the first row finds
 * nothing, so every row is #N/A), `base` (a row finding nothing counts from 0: the last row is the
 * row count), `cycle` (the same, but the first row looks up the last one: a cycle through every row).
 */
export type ChainKind = 'attack' | 'base' | 'cycle';

/** The stored column formula of the chain. */
export const chainFormula = (kind: ChainKind, rows: number): string => {
  const key = kind === 'cycle' ? `IF([#${CHAIN.n}] = 1, ${rows}, [#${CHAIN.n}] - 1)` : `[#${CHAIN.n}] - 1`;
  const notFound = kind === 'attack' ? '' : ', 0';
  return `=XLOOKUP(${key}, #${CHAIN.sheet}[#${CHAIN.n}], #${CHAIN.sheet}[#${CHAIN.v}]${notFound}) + 1`;
};

/** Adds the chain sheet: `rows` rows numbered 1…rows, each looking up the previous one (10,000 overflowed the CLI's stack). */
export const addChain = (wb: Workbook, kind: ChainKind = 'attack', rows = 10_000): string => {
  wb.addSheet({
    id: CHAIN.sheet,
    name: 'Chain',
    columns: [
      { id: CHAIN.n, name: 'N', type: 'integer', options: { key: true } },
      { id: CHAIN.v, name: 'V', type: 'number', formula: chainFormula(kind, rows) },
    ],
  });
  wb.appendRows(CHAIN.sheet, [CHAIN.n], Array.from({ length: rows }, (_, i) => [i + 1]));
  return CHAIN.sheet;
};

/** Sheet id and column ids of the deep sheet. */
export const DEEP = { sheet: 'deep', qty: 'qty', deep: 'deeper' } as const;

/** Adds a sheet whose column formula, written as stored, nests 3,000 levels deep (showed #N/A and a page error). */
export const addDeepColumn = (wb: Workbook, levels = 3000): string => {
  wb.addSheet({
    id: DEEP.sheet,
    name: 'Deep',
    columns: [
      { id: DEEP.qty, name: 'Qty', type: 'number' },
      { id: DEEP.deep, name: 'Deeper', type: 'number', formula: deepFormula(levels, `[#${DEEP.qty}]`) },
    ],
  });
  wb.appendRows(DEEP.sheet, [DEEP.qty], [[1], [2], [3]]);
  return DEEP.sheet;
};
