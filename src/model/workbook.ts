/** The workbook: the typed reads of WorkbookBase plus every operation, each one undoable transaction. */
import * as Y from 'yjs';
import type * as ChartOps from './chart-ops.ts';
import { chartsNotLoaded } from './chart-support.ts';
import type { Chart, ChartSpec } from '../schema/chart-types.ts';
import * as columnOps from './column-ops.ts';
import * as rowOps from './row-ops.ts';
import * as sheetOps from './sheet-ops.ts';
import type { CellValue, Column, ColumnOptions, ColumnSpec, ColumnType, Locale, RuleSpec, WorkbookSettings } from '../schema/types.ts';
import { WorkbookBase, type WorkbookOptions } from './workbook-base.ts';

let chartOps: typeof ChartOps | undefined;

/** Called once by src/model/charts.ts: the chart operations are not part of the grid's first load. */
export const installChartOps = (ops: typeof ChartOps): void => {
  chartOps = ops;
};

const ops = (): typeof ChartOps => {
  if (!chartOps) throw chartsNotLoaded();
  return chartOps;
};

/**
 * A workbook over one Y.Doc. Reads are synchronous and typed; every operation is one transaction
 * with this replica's origin, so undo only ever undoes this replica's own changes.
 *
 * @example
 *   const wb = Workbook.create({ name: 'Plan' });
 *   const sheet = wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
 *   const [row] = wb.insertRows(sheet, { count: 1 });
 */
export class Workbook extends WorkbookBase {
  /** A new, empty workbook with its settings written. */
  static create(settings: Partial<WorkbookSettings> = {}, options: WorkbookOptions = {}): Workbook {
    const wb = new Workbook(new Y.Doc(), options);
    wb.initSettings(settings);
    return wb;
  }

  /** A workbook loaded from a binary update (a backup file, a store snapshot). */
  static load(update: Uint8Array, options: WorkbookOptions = {}): Workbook {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update, 'load');
    return new Workbook(doc, options);
  }

  setSettings(patch: Partial<WorkbookSettings>): void {
    sheetOps.setSettings(this, patch);
  }
  addSheet(spec: sheetOps.SheetSpec): string {
    return sheetOps.addSheet(this, spec);
  }
  renameSheet(sheetId: string, name: string, locale?: Locale): void {
    sheetOps.renameSheet(this, sheetId, name, locale);
  }
  deleteSheet(sheetId: string): void {
    sheetOps.deleteSheet(this, sheetId);
  }
  moveSheet(sheetId: string, index: number): void {
    sheetOps.moveSheet(this, sheetId, index);
  }
  setRule(sheetId: string, rule: RuleSpec): string {
    return sheetOps.setRule(this, sheetId, rule);
  }
  deleteRule(sheetId: string, ruleId: string): void {
    sheetOps.deleteRule(this, sheetId, ruleId);
  }

  /** Charts of a sheet, by title. */
  charts(sheetId: string): Chart[] {
    return this.cache(sheetId).charts();
  }
  chart(sheetId: string, chartId: string): Chart | undefined {
    return this.charts(sheetId).find((c) => c.id === chartId);
  }
  /** Adds or replaces a chart; `columns` are a view sheet's computed columns (a sheet's own are read here). */
  setChart(sheetId: string, spec: ChartSpec, columns?: readonly Column[]): string {
    return ops().setChart(this, sheetId, spec, columns);
  }
  deleteChart(sheetId: string, chartId: string): void {
    ops().deleteChart(this, sheetId, chartId);
  }
  pinChart(sheetId: string, chartId: string, opts?: { w?: number; h?: number; index?: number }): void {
    ops().pinChart(this, sheetId, chartId, opts);
  }
  unpinChart(chartId: string): void {
    ops().unpinChart(this, chartId);
  }
  moveTile(chartId: string, index: number): void {
    ops().moveTile(this, chartId, index);
  }
  resizeTile(chartId: string, w: number, h: number): void {
    ops().resizeTile(this, chartId, w, h);
  }

  addColumn(sheetId: string, spec: ColumnSpec, index?: number): string {
    return columnOps.addColumn(this, sheetId, spec, index);
  }
  renameColumn(sheetId: string, colId: string, name: string, locale?: Locale): void {
    columnOps.renameColumn(this, sheetId, colId, name, locale);
  }
  previewRetype(sheetId: string, colId: string, type: ColumnType, options?: ColumnOptions): columnOps.RetypeLoss[] {
    return columnOps.previewRetype(this, sheetId, colId, type, options);
  }
  retypeColumn(
    sheetId: string,
    colId: string,
    type: ColumnType,
    options?: ColumnOptions,
    opts?: { dropInvalid?: boolean },
  ): void {
    columnOps.retypeColumn(this, sheetId, colId, type, options, opts);
  }
  setColumnOptions(sheetId: string, colId: string, options: ColumnOptions): void {
    columnOps.setColumnOptions(this, sheetId, colId, options);
  }
  setColumnFormula(sheetId: string, colId: string, formula: string | undefined): void {
    columnOps.setColumnFormula(this, sheetId, colId, formula);
  }
  deleteColumn(sheetId: string, colId: string): void {
    columnOps.deleteColumn(this, sheetId, colId);
  }
  moveColumn(sheetId: string, colId: string, index: number): void {
    columnOps.moveColumn(this, sheetId, colId, index);
  }

  insertRows(sheetId: string, opts?: { index?: number; count?: number; values?: Record<string, CellValue>[] }): string[] {
    return rowOps.insertRows(this, sheetId, opts);
  }
  appendRows(sheetId: string, columns: readonly string[], rows: readonly (readonly CellValue[])[]): string[] {
    return rowOps.appendRows(this, sheetId, columns, rows);
  }
  deleteRows(sheetId: string, rowIds: readonly string[]): void {
    rowOps.deleteRows(this, sheetId, rowIds);
  }
  moveRows(sheetId: string, rowIds: readonly string[], beforeRowId: string | null): void {
    rowOps.moveRows(this, sheetId, rowIds, beforeRowId);
  }
  duplicateRows(sheetId: string, rowIds: readonly string[]): string[] {
    return rowOps.duplicateRows(this, sheetId, rowIds);
  }
  setCell(sheetId: string, rowId: string, colId: string, value: CellValue): void {
    rowOps.setCells(this, sheetId, [{ rowId, colId, value }]);
  }
  setCells(sheetId: string, edits: readonly rowOps.CellEdit[]): void {
    rowOps.setCells(this, sheetId, edits);
  }
  setBlock(
    sheetId: string,
    top: number,
    left: number,
    block: readonly (readonly (CellValue | undefined)[])[],
    opts?: { grow?: boolean },
  ): string[] {
    return rowOps.setBlock(this, sheetId, top, left, block, opts);
  }

}
