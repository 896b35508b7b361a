/**
 * What depends on a sheet, a column or rows about to be deleted: formulas (column formulas, cells'
 * own formulas, alert rules) that name them, reference columns and references that point at them,
 * charts that plot them and dashboard tiles that show them. The delete confirmations show the count,
 * where, and a few examples, so nobody turns KPIs into `=SUM(#REF!)` without being told.
 * Stored formulas name sheets and columns by id: a formula is parsed only when its text holds the id.
 */
// The parser alone, not the engine: the delete confirmations load this without the formula engine.
import { parseFormula } from '../formula/parser.ts';
import type { Node } from '../formula/ast.ts';
import type { Workbook } from '../model/index.ts';
// Charts are among what depends on a sheet: the model's chart code comes with this module.
import '../model/charts.ts';
import type { Chart } from '../schema/chart-types.ts';
import type { Column } from '../schema/types.ts';

/** One thing that uses what is deleted. */
export type Dependent =
  /** A column's formula (or, with rowId, a cell's own formula). */
  | { kind: 'formula'; sheetId: string; colId: string; rowId?: string }
  | { kind: 'rule'; sheetId: string; ruleId: string; name: string }
  | { kind: 'chart'; sheetId: string; chartId: string; title: string }
  /** A reference column pointing at the sheet (or its key column). */
  | { kind: 'referenceColumn'; sheetId: string; colId: string }
  /** A reference cell naming a deleted row's key. */
  | { kind: 'reference'; sheetId: string; colId: string; rowId: string; key: string }
  | { kind: 'tile'; sheetId: string; chartId: string; title: string };

/** What depends on a deletion: how many, on which sheets, and the first few. */
export interface Dependents {
  total: number;
  /** Sheets holding dependents, in tab order. */
  sheetIds: string[];
  /** The first `limit` dependents, in tab and column order. */
  examples: Dependent[];
}

/** Examples kept unless told otherwise. */
const EXAMPLES = 5;

/** What a formula is checked against: a sheet, or one of its columns. */
interface Target {
  sheetId: string;
  colId?: string;
}

/** True when the stored formula of `home` (a sheet) names the target. */
const formulaUses = (wb: Workbook, stored: string, home: string, target: Target): boolean => {
  // Cheap first: a formula that names it holds its id.
  if (!stored.includes(target.colId ?? target.sheetId)) return false;
  let ast: Node;
  try {
    ast = parseFormula(stored, 'stored');
  } catch {
    return false;
  }
  const hits = (sheetId: string | undefined, colId: string | undefined): boolean =>
    sheetId === target.sheetId && (target.colId === undefined || colId === target.colId);
  const walk = (n: Node): boolean => {
    switch (n.kind) {
      case 'ref': {
        const sheetId = n.sheet?.id ?? home;
        if (hits(sheetId, n.column.id)) return true;
        if (n.follow) {
          const via = n.column.id === undefined ? undefined : wb.column(sheetId, n.column.id)?.options.refSheet;
          return hits(via, n.follow.id);
        }
        return false;
      }
      case 'name':
        return target.colId === undefined && n.ref.id === target.sheetId;
      case 'unary':
      case 'percent':
        return walk(n.arg);
      case 'binary':
        return walk(n.left) || walk(n.right);
      case 'call':
        return n.args.some(walk);
      default:
        return false;
    }
  };
  return walk(ast);
};

/** Columns a chart uses. */
const chartColumns = (c: Chart): string[] => [
  c.x,
  ...c.series.flatMap((s) => [s.column, ...(s.error ? (s.error.kind === 'range' ? [s.error.low, s.error.high] : [s.error.trials, s.error.successes]) : [])]),
  ...c.filters.map((f) => f.column),
];

/** Collects dependents, counting all and keeping the first few. */
class Found {
  total = 0;
  readonly sheets = new Set<string>();
  readonly examples: Dependent[] = [];
  constructor(private readonly limit: number) {}
  add(d: Dependent): void {
    this.total++;
    this.sheets.add(d.sheetId);
    if (this.examples.length < this.limit) this.examples.push(d);
  }
  result(wb: Workbook): Dependents {
    return { total: this.total, sheetIds: wb.sheets().map((s) => s.id).filter((id) => this.sheets.has(id)), examples: this.examples };
  }
}

/** Formulas anywhere (column, cell and rule formulas), except in sheets `skip` returns true for, that name `target`. */
const formulasUsing = (wb: Workbook, target: Target, found: Found, skip: (sheetId: string) => boolean): void => {
  for (const sheet of wb.sheets()) {
    if (skip(sheet.id)) continue;
    // What is in the deleted column goes with it.
    const columns = wb.columns(sheet.id).filter((col) => !(sheet.id === target.sheetId && col.id === target.colId));
    const inputs: string[] = [];
    for (const col of columns) {
      if (col.formula === undefined) inputs.push(col.id);
      else if (formulaUses(wb, col.formula, sheet.id, target)) found.add({ kind: 'formula', sheetId: sheet.id, colId: col.id });
    }
    // Cells' own formulas, in sheet order so the examples read top to bottom.
    const cells: { rowId: string; colId: string }[] = [];
    const kept = new Set(inputs);
    for (const [rowId, row] of wb.formulaCells(sheet.id)) {
      for (const [colId, f] of row) if (kept.has(colId) && formulaUses(wb, f, sheet.id, target)) cells.push({ rowId, colId });
    }
    const order = new Map(inputs.map((id, i) => [id, i]));
    cells.sort((a, b) => wb.rowIndex(sheet.id, a.rowId) - wb.rowIndex(sheet.id, b.rowId) || (order.get(a.colId) ?? 0) - (order.get(b.colId) ?? 0));
    for (const c of cells) found.add({ kind: 'formula', sheetId: sheet.id, colId: c.colId, rowId: c.rowId });
    for (const rule of wb.rules(sheet.id)) {
      const highlights = target.colId !== undefined && sheet.id === target.sheetId && rule.columns.includes(target.colId);
      if (highlights || formulaUses(wb, rule.when, sheet.id, target)) found.add({ kind: 'rule', sheetId: sheet.id, ruleId: rule.id, name: rule.name });
    }
  }
};

/** Reference columns of other sheets that point at `sheetId`. */
const referenceColumns = (wb: Workbook, sheetId: string): { sheetId: string; col: Column }[] =>
  wb.sheets().flatMap((s) => (s.id === sheetId ? [] : wb.columns(s.id).filter((c) => c.type === 'reference' && c.options.refSheet === sheetId).map((col) => ({ sheetId: s.id, col }))));

/** What depends on sheet `sheetId`: formulas, rules and reference columns of the other sheets, and its dashboard tiles. */
export const dependentsOfSheet = (wb: Workbook, sheetId: string, limit = EXAMPLES): Dependents => {
  const found = new Found(limit);
  formulasUsing(wb, { sheetId }, found, (id) => id === sheetId);
  for (const r of referenceColumns(wb, sheetId)) found.add({ kind: 'referenceColumn', sheetId: r.sheetId, colId: r.col.id });
  for (const t of wb.dashboard()) {
    if (t.sheetId === sheetId) found.add({ kind: 'tile', sheetId, chartId: t.chartId, title: wb.chart(sheetId, t.chartId)?.title ?? '' });
  }
  return found.result(wb);
};

/** What depends on column `colId` of `sheetId`: formulas and rules naming it, its sheet's charts plotting it, and references through it when it is the key. */
export const dependentsOfColumn = (wb: Workbook, sheetId: string, colId: string, limit = EXAMPLES): Dependents => {
  const found = new Found(limit);
  formulasUsing(wb, { sheetId, colId }, found, () => false);
  for (const chart of wb.charts(sheetId)) {
    if (chartColumns(chart).includes(colId)) found.add({ kind: 'chart', sheetId, chartId: chart.id, title: chart.title });
  }
  if (wb.column(sheetId, colId)?.options.key) {
    for (const r of referenceColumns(wb, sheetId)) found.add({ kind: 'referenceColumn', sheetId: r.sheetId, colId: r.col.id });
  }
  return found.result(wb);
};

/** The key column of a sheet (what references point at), if it has one. */
const keyColumn = (wb: Workbook, sheetId: string): Column | undefined => wb.columns(sheetId).find((c) => c.options.key);

/** What depends on rows of `sheetId`: reference cells of other sheets naming their keys. */
export const dependentsOfRows = (wb: Workbook, sheetId: string, rowIds: readonly string[], limit = EXAMPLES): Dependents => {
  const found = new Found(limit);
  const key = keyColumn(wb, sheetId);
  if (!key) return found.result(wb);
  const keys = new Set<string>();
  for (const rowId of rowIds) {
    const k = wb.cell(sheetId, rowId, key.id);
    if (typeof k === 'string' && k !== '') keys.add(k);
  }
  // A key another row keeps (a duplicate) still resolves after the delete.
  const deleted = new Set(rowIds);
  wb.forEachStored(sheetId, [key.id], (rowId, _colId, k) => {
    if (typeof k === 'string' && !deleted.has(rowId)) keys.delete(k);
  });
  if (keys.size === 0) return found.result(wb);
  for (const r of referenceColumns(wb, sheetId)) {
    const hits: { rowId: string; key: string }[] = [];
    wb.forEachStored(r.sheetId, [r.col.id], (rowId, _colId, v) => {
      if (typeof v === 'string' && keys.has(v)) hits.push({ rowId, key: v });
    });
    hits.sort((a, b) => wb.rowIndex(r.sheetId, a.rowId) - wb.rowIndex(r.sheetId, b.rowId));
    for (const h of hits) found.add({ kind: 'reference', sheetId: r.sheetId, colId: r.col.id, rowId: h.rowId, key: h.key });
  }
  return found.result(wb);
};

/**
 * True when a reference column of another sheet points at `sheetId` and it has a key column: its
 * rows' keys may be named there, so deleting rows first asks `dependentsOfRows`.
 */
export const rowsMayBeReferredTo = (wb: Workbook, sheetId: string): boolean =>
  wb.columns(sheetId).some((c) => c.options.key) &&
  wb.sheets().some((s) => s.id !== sheetId && wb.columns(s.id).some((c) => c.type === 'reference' && c.options.refSheet === sheetId));
