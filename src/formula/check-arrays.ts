/**
 * What the checker knows of arrays besides operators: the type of an array constant, and whether a
 * formula may give an array where it is written (a column formula gives one value per row; a
 * view sheet's formula gives the rows it shows).
 */
import type { Literal, Node, Span } from './ast.ts';
import type { Resolved } from './check-types.ts';
import { arrayOf, isArrayType, scalarPart } from './array-types.ts';
import { msg, type FormulaMessage } from './messages.ts';
import { unifyResults, type ColumnShape, type ScalarType, type Ty } from './types.ts';

/** A refusal: the message and the range it is about. */
export interface Problem {
  detail: FormulaMessage;
  span: Span;
}

const literalType = (v: Literal): ScalarType => {
  switch (v.kind) {
    case 'number':
      return { t: v.integer ? 'integer' : 'number' };
    case 'string':
      return { t: 'text' };
    case 'boolean':
      return { t: 'boolean' };
    case 'error':
      return { t: 'error' };
  }
};

/** The type of `{1,2;3,4}`: each column's values must agree (a number and a text make "number or text"). */
export const arrayConstantType = (node: Extract<Node, { kind: 'array' }>): Ty | Problem => {
  const width = node.rows[0]?.length ?? 0;
  const cols: ColumnShape[] = [];
  for (let c = 0; c < width; c++) {
    let t: ScalarType = { t: 'error' };
    for (const row of node.rows) {
      const v = row[c];
      if (!v) continue;
      const u = unifyResults(t, literalType(v));
      if (!u) {
        return { detail: msg('array.agree', t, literalType(v)), span: v };
      }
      t = u;
    }
    cols.push(scalarPart(t));
  }
  // A single value in braces is still an array of one.
  return arrayOf(cols);
};

/** The first reference to a whole column in a tree, in reading order (the reason a formula gives a list). */
const firstWholeColumn = (node: Node, refs: ReadonlyMap<Node, Resolved>): Node | undefined => {
  if (refs.get(node)?.kind === 'column') return node;
  const kids = node.kind === 'binary' ? [node.left, node.right] : node.kind === 'unary' || node.kind === 'percent' ? [node.arg] : node.kind === 'call' ? node.args : [];
  for (const k of kids) {
    const found = firstWholeColumn(k, refs);
    if (found) return found;
  }
  return undefined;
};

/** Why a formula's result does not fit where it is written, or undefined when it does. */
export const resultProblem = (ast: Node, type: Ty, refs: ReadonlyMap<Node, Resolved>, want: 'single' | 'any' | 'array'): Problem | undefined => {
  const array = isArrayType(type);
  // A formula that can only be an error (a deleted source) gives that error, with its reason.
  if (want === 'array' && !array && type.t !== 'error') {
    return { detail: msg('view.needsArray'), span: ast };
  }
  if (want !== 'single' || !array) return undefined;
  if (ast.kind === 'ref' || ast.kind === 'name') {
    return { detail: msg('type.resultColumn'), span: ast };
  }
  const column = firstWholeColumn(ast, refs);
  if (column) {
    return { detail: msg('type.columnGivesList'), span: column };
  }
  return { detail: msg('type.resultList'), span: ast };
};
