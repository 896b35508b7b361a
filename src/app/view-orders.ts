/**
 * The rows of each sheet as a person sees them — their saved sort and filters (sheet-view.ts,
 * row-order.ts) — for find, which searches sheets that are not on screen: a sheet's order is
 * worked out once and kept until the sheet, its values or the person's view of it change.
 *
 * @example
 *   const orders = new ViewOrders(wb, calc);
 *   const stop = orders.follow();
 *   orders.rows(sheetId, loadView(key, sheetId), format);   // undefined: no sort or filter
 */
import type { Workbook, WorkbookChange } from '../model/index.ts';
import { formatValue, type FormatContext } from '../schema/format-value.ts';
import type { CalcService, SheetRepaint } from './calc-service.ts';
import { orderRows } from './row-order.ts';
import { sheetShape } from './sheet-shape.ts';
import type { ViewState } from './sheet-view.ts';

/** The order of sheets' rows under each person's saved view, kept between searches. */
export class ViewOrders {
  private readonly kept = new Map<string, { key: string; rows: readonly string[] }>();

  constructor(
    readonly wb: Workbook,
    readonly calc: CalcService,
  ) {}

  /** Forgets a sheet's order when the sheet or its values change; returns the function that stops it. */
  follow(): () => void {
    const offChange = this.wb.onChange((c: WorkbookChange) => {
      if (c.settings || c.sheetList) this.kept.clear();
      for (const id of c.sheets.keys()) this.kept.delete(id);
    });
    const offRecalc = this.calc.onRecalc((r: ReadonlyMap<string, SheetRepaint>) => {
      for (const id of r.keys()) this.kept.delete(id);
    });
    return () => {
      offChange();
      offRecalc();
    };
  }

  /** The rows of a sheet the person sees, in their order; undefined when their view neither sorts nor filters it. */
  rows(sheetId: string, view: ViewState, format: FormatContext): readonly string[] | undefined {
    if (view.sort.length === 0 && Object.keys(view.filters).length === 0) return undefined;
    const key = `${format.locale} ${format.currency} ${JSON.stringify(view)}`;
    const had = this.kept.get(sheetId);
    if (had?.key === key) return had.rows;
    const shape = sheetShape(this.wb, this.calc, sheetId);
    const rows = orderRows(shape.rowIds(), view, {
      values: (colId) => this.calc.columnValues(sheetId, colId),
      format: (v, col) => formatValue(v, col, format),
      column: (colId) => shape.column(colId),
    });
    this.kept.set(sheetId, { key, rows });
    return rows;
  }
}
