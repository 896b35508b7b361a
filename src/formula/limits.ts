/**
 * Resource limits of formulas, defined once: the app, the CLI (`eval`, `export`) and the relay's
 * exports all run this engine, so a workbook computes the same everywhere. A formula over a limit
 * is refused when typed; one that is already in a document (written by another client) becomes an
 * error value with the reason, never a crash or a frozen tab.
 */
import { FormulaSyntaxError, type Node } from './ast.ts';
import { FormulaError } from './errors.ts';
import { msg, type ArrayBuilder } from './messages.ts';

/** The limits. */
export const FORMULA_LIMITS = {
  /** Characters of a formula as typed (Excel's limit). */
  maxLength: 8192,
  /** Characters of a formula as stored: ids are longer than most names, so it has room for them. */
  maxStoredLength: 8192 * 8,
  /** Levels of parentheses, functions and operators inside one another (the height of its syntax tree). */
  maxDepth: 100,
  /** Characters of a text value a formula builds (Excel's limit for a cell). */
  maxTextLength: 32767,
  /**
   * Values in one array a formula builds (SEQUENCE, an element-wise operation, a table FILTER keeps):
   * checked before it is built, so a huge SEQUENCE is an error value, not a frozen tab. A 100,000-row
   * sheet of 100 columns fits.
   */
  maxArrayValues: 10_000_000,
  /**
   * Steps one recalculation may take (see STEP_COST): counted, not timed, so every replica and the
   * CLI reach the same answer. About a second of work on a quiet 2-core server; a 100,000-row
   * sheet with three formula columns takes about a fifth of it.
   */
  maxSteps: 100_000_000,
  /**
   * How deep evaluation may go on the call stack, in formula levels summed over the cells computed
   * inside one another, before the engine sets the cell aside and computes what it needs first (so a
   * long chain of references cannot overflow the stack). Never visible in a result.
   */
  maxStackDepth: 1500,
} as const;

/**
 * Steps charged (see maxSteps), in about the time each takes: a formula cell computed, each node of
 * its formula, a function call, a row of an index built over a column, and a row of the running
 * totals a conditional aggregate keeps for each cell that uses it. Besides these, each value of a
 * column given to a function, each value of an array built and each character of text built costs
 * one step.
 */
export const STEP_COST = { cell: 20, node: 10, call: 5, indexRow: 2, totalsRow: 5 } as const;

/** A formula refused for its size: a syntax error, so every place that reads formulas already handles it. */
export class FormulaLimitError extends FormulaSyntaxError {
  override name = 'FormulaLimitError';
}

/** Refuses a formula text longer than the limit for its form. */
export const checkFormulaLength = (text: string, stored: boolean): void => {
  const max = stored ? FORMULA_LIMITS.maxStoredLength : FORMULA_LIMITS.maxLength;
  if (text.length <= max) return;
  throw new FormulaLimitError(msg('limit.length', text.length, max), max, text.length);
};

/** The error for a formula that nests deeper than the limit, about the range [from, to). */
export const tooDeep = (from: number, to: number): FormulaLimitError =>
  new FormulaLimitError(msg('limit.depth', FORMULA_LIMITS.maxDepth), from, to);

const childrenOf = (n: Node): readonly Node[] => {
  switch (n.kind) {
    case 'unary':
    case 'percent':
      return [n.arg];
    case 'binary':
      return [n.left, n.right];
    case 'call':
      return n.args;
    default:
      return [];
  }
};

/**
 * The height of a syntax tree (a leaf is 1) and its number of nodes, walked without recursion;
 * throws tooDeep at the first node found below the depth limit, so the checker and the evaluator,
 * which recurse, never go deeper.
 */
export const treeSize = (root: Node): { height: number; nodes: number } => {
  let height = 0;
  let nodes = 0;
  const stack: [Node, number][] = [[root, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > FORMULA_LIMITS.maxDepth) throw tooDeep(node.from, node.to);
    if (depth > height) height = depth;
    nodes++;
    for (const c of childrenOf(node)) stack.push([c, depth + 1]);
  }
  return { height, nodes };
};

/** True when a text of `length` characters is over the limit. */
export const textTooLong = (length: number): boolean => length > FORMULA_LIMITS.maxTextLength;

/** The error value for a text result over the limit (`builder`: the function that built it, "&" for the operator, null for the formula). */
export const textLimitError = (length: number, builder: string | null = null): FormulaError =>
  new FormulaError('#VALUE!', msg('limit.text', builder, length, FORMULA_LIMITS.maxTextLength));

/** True when an array of `values` values is over the limit. */
export const arrayTooLarge = (values: number): boolean => !(values <= FORMULA_LIMITS.maxArrayValues);

/** The error value for an array over the limit (`what`: the function, operator or sign that would build it; null for the formula). */
export const arrayLimitError = (values: number, what: ArrayBuilder = null): FormulaError =>
  new FormulaError('#VALUE!', msg('limit.array', what, values, FORMULA_LIMITS.maxArrayValues));

/** The error value of cells a recalculation did not compute because it ran out of steps. */
export const budgetError = (): FormulaError =>
  new FormulaError('#VALUE!', msg('limit.steps', FORMULA_LIMITS.maxSteps));
