/**
 * The conditions of rules a person puts on a column: a comparison with a value of the column's
 * type (`< 10`, between two dates, `= "Paused"`, empty), written into the rule as an ordinary
 * stored formula, and read back from it. The formula is the rule's one truth (the engine computes
 * it incrementally, older apps read it as any alert): a formula that is not one of these shapes is
 * shown as the formula it is.
 */
import { parseFormula, type Node } from '../formula/index.ts';
import type { CellScalar, ColumnType } from '../schema/types.ts';

/** Comparison operators a rule offers. */
export const COMPARE_OPS = ['<', '<=', '>', '>=', '=', '<>'] as const;

/** One comparison operator. */
export type CompareOp = (typeof COMPARE_OPS)[number];

/** A condition on the rule's own column; values are as cells store them (dates `YYYY-MM-DD`, percents as fractions). */
export type RuleComparison =
  | { kind: 'compare'; op: CompareOp; value: Exclude<CellScalar, null> }
  | { kind: 'between'; low: Exclude<CellScalar, null>; high: Exclude<CellScalar, null> }
  | { kind: 'blank' }
  | { kind: 'notBlank' };

/** The kinds of comparison, in the order a menu lists them. */
export type ComparisonKind = RuleComparison['kind'];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A value as a formula literal: dates as DATE(y, m, d), texts quoted with "" inside. */
const literal = (v: Exclude<CellScalar, null>, type: ColumnType): string => {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  const day = type === 'date' ? ISO_DAY.exec(v) : null;
  if (day) return `DATE(${Number(day[1])}, ${Number(day[2])}, ${Number(day[3])})`;
  return `"${v.replaceAll('"', '""')}"`;
};

/** The stored formula of a comparison on column `colId` of type `type` (the column's shown type). */
export const comparisonFormula = (colId: string, type: ColumnType, c: RuleComparison): string => {
  const ref = `[#${colId}]`;
  switch (c.kind) {
    case 'compare':
      return `=${ref} ${c.op} ${literal(c.value, type)}`;
    case 'between':
      return `=AND(${ref} >= ${literal(c.low, type)}, ${ref} <= ${literal(c.high, type)})`;
    case 'blank':
      return `=ISBLANK(${ref})`;
    case 'notBlank':
      return `=NOT(ISBLANK(${ref}))`;
  }
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** A literal node's value (a number, a negated number, a text, TRUE/FALSE, DATE of three whole numbers), else undefined. */
const valueOf = (n: Node): Exclude<CellScalar, null> | undefined => {
  switch (n.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return n.value;
    case 'unary':
      return n.op === '-' && n.arg.kind === 'number' ? -n.arg.value : undefined;
    case 'call': {
      if (n.name.toUpperCase() !== 'DATE' || n.args.length !== 3) return undefined;
      const [y, m, d] = n.args.map((a) => (a.kind === 'number' && a.integer ? a.value : NaN));
      if (y === undefined || m === undefined || d === undefined || ![y, m, d].every(Number.isFinite)) return undefined;
      if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
      return `${y}-${pad(m)}-${pad(d)}`;
    }
    default:
      return undefined;
  }
};

/** True when `n` is `[#colId]` of the same row. */
const isOwnColumn = (n: Node | undefined, colId: string): boolean =>
  n?.kind === 'ref' && n.sheet === undefined && n.follow === undefined && n.column.id === colId;

const isCompareOp = (op: string): op is CompareOp => (COMPARE_OPS as readonly string[]).includes(op);

/** A one-argument call of `name` on the rule's column. */
const callOnColumn = (n: Node | undefined, name: string, colId: string): boolean =>
  n?.kind === 'call' && n.name.toUpperCase() === name && n.args.length === 1 && isOwnColumn(n.args[0], colId);

/** The bounds of `[c] >= low` and `[c] <= high` read from AND's two arguments. */
const bound = (n: Node | undefined, op: '>=' | '<=', colId: string): Exclude<CellScalar, null> | undefined =>
  n?.kind === 'binary' && n.op === op && isOwnColumn(n.left, colId) ? valueOf(n.right) : undefined;

/**
 * The comparison a stored rule formula on column `colId` is, or undefined when it is another
 * formula (or not one that can be read: a damaged rule is shown as its text).
 */
export const comparisonOf = (stored: string, colId: string): RuleComparison | undefined => {
  let ast: Node;
  try {
    ast = parseFormula(stored, 'stored');
  } catch {
    return undefined;
  }
  if (ast.kind === 'binary' && isCompareOp(ast.op) && isOwnColumn(ast.left, colId)) {
    const value = valueOf(ast.right);
    return value === undefined ? undefined : { kind: 'compare', op: ast.op, value };
  }
  if (callOnColumn(ast, 'ISBLANK', colId)) return { kind: 'blank' };
  if (ast.kind === 'call' && ast.name.toUpperCase() === 'NOT' && ast.args.length === 1 && callOnColumn(ast.args[0], 'ISBLANK', colId)) {
    return { kind: 'notBlank' };
  }
  if (ast.kind === 'call' && ast.name.toUpperCase() === 'AND' && ast.args.length === 2) {
    const low = bound(ast.args[0], '>=', colId);
    const high = bound(ast.args[1], '<=', colId);
    if (low !== undefined && high !== undefined) return { kind: 'between', low, high };
  }
  return undefined;
};
