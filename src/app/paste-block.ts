/**
 * Pasting a block of text cells (TSV from Excel, Google Sheets or this grid) at a place of a
 * sheet's displayed grid: each text is read for its column's type through the edit commands;
 * cells that cannot be read are reported with their position and left unchanged; amounts typed
 * with another currency's symbol are taken and reported; the rest, and any rows the block needs
 * past the end, are written in one transaction (one undo step, nothing half-applied).
 *
 * @example
 *   const plan = planPaste(ctx, sheetId, parseTsv(text), grid);
 *   applyPaste(ctx.wb, sheetId, plan); // then word plan.problems and plan.warnings for the person
 */
import type { CellEdit, Workbook } from '../model/index.ts';
import type { CellValue, Column } from '../schema/types.ts';
import { readTypedCell, type EditContext, type EditProblem, type EditWarning } from './edit-commands.ts';
import type { PlannedDate } from './paste-dates.ts';

/** A rectangle of the displayed grid, bounds inclusive (rows after sort and filter, data columns). */
export interface GridRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The displayed grid a block is pasted into. */
export interface PasteTarget {
  /** Data columns as displayed. */
  columns: readonly Column[];
  /** Rows displayed. */
  rowCount: number;
  /** The row id at a displayed index. */
  rowIdAt: (index: number) => string | undefined;
  /** The selection the block goes to (its top-left corner; one value fills all of it). */
  selection: GridRect;
}

/** A cell of the block that was not pasted: its displayed row (1-based), column and why. */
export interface PasteProblem {
  row: number;
  column: Column;
  problem: EditProblem;
}

/** A cell that was pasted with something to tell (an amount with another currency's symbol). */
export interface PasteWarning {
  row: number;
  warning: EditWarning;
}

/** What a paste will write, and what to tell the person. */
export interface PastePlan {
  edits: CellEdit[];
  /** Rows added past the end, as their values by column id. */
  newRows: Record<string, CellValue>[];
  problems: PasteProblem[];
  warnings: PasteWarning[];
  /** Dates that read both ways (`10/01/2027`), taken in the workbook's regional order (paste-dates.ts). */
  dates: PlannedDate[];
  /** Columns of the block past the sheet's last column. */
  cutColumns: number;
  /** The cells the block covers in the grid (to select them, and to keep messages off them). */
  area: GridRect;
}

/** One value pasted onto a range of more than one cell fills the range, as in spreadsheets. */
const fillRange = (block: string[][], sel: GridRect): string[][] => {
  const one = block.length === 1 && block[0]?.length === 1;
  if (!one || (sel.bottom === sel.top && sel.right === sel.left)) return block;
  const v = block[0]?.[0] ?? '';
  return Array.from({ length: sel.bottom - sel.top + 1 }, () => Array.from({ length: sel.right - sel.left + 1 }, () => v));
};

/** Reads every text of `block` for its cell, without writing anything. */
export const planPaste = (ctx: EditContext, sheetId: string, rows: string[][], target: PasteTarget): PastePlan => {
  const sel = target.selection;
  const block = fillRange(rows, sel);
  const cols = target.columns;
  const plan: PastePlan = { edits: [], newRows: [], problems: [], warnings: [], dates: [], cutColumns: 0, area: { ...sel } };
  block.forEach((cells, i) => {
    const at = sel.top + i;
    const rowId = at < target.rowCount ? (target.rowIdAt(at) ?? '') : '';
    const record: Record<string, CellValue> = {};
    cells.forEach((text, j) => {
      const col = cols[sel.left + j];
      if (!col) {
        plan.cutColumns = Math.max(plan.cutColumns, sel.left + j - cols.length + 1);
        return;
      }
      const r = readTypedCell(ctx, sheetId, col, rowId, text);
      if (!r.ok) {
        plan.problems.push({ row: at + 1, column: col, problem: r.problem });
        return;
      }
      if (r.warning) plan.warnings.push({ row: at + 1, warning: r.warning });
      if (r.otherDate !== undefined && typeof r.value === 'string') {
        plan.dates.push({ rowId, newRow: rowId ? -1 : plan.newRows.length, colId: col.id, text: text.trim(), taken: r.value, other: r.otherDate });
      }
      if (rowId) plan.edits.push({ rowId, colId: col.id, value: r.value });
      else record[col.id] = r.value;
    });
    if (!rowId) plan.newRows.push(record);
  });
  const width = Math.min(Math.max(0, ...block.map((r) => r.length)), cols.length - sel.left);
  plan.area = { top: sel.top, left: sel.left, bottom: sel.top + Math.max(0, block.length - 1), right: sel.left + Math.max(0, width - 1) };
  return plan;
};

/** Cells a plan writes. */
export const pastedCount = (plan: PastePlan): number => plan.edits.length + plan.newRows.reduce((n, r) => n + Object.keys(r).length, 0);

/** Writes a plan in one transaction (one undo step); returns the ids of the rows it added, in plan order. */
export const applyPaste = (wb: Workbook, sheetId: string, plan: PastePlan): string[] => {
  let added: string[] = [];
  wb.transact(() => {
    if (plan.newRows.length > 0) added = wb.insertRows(sheetId, { values: plan.newRows });
    if (plan.edits.length > 0) wb.setCells(sheetId, plan.edits);
  });
  return added;
};

/** Amounts pasted with another currency's symbol, one entry per column: what was typed and how many. */
export interface CurrencyMismatch {
  column: Column;
  /** The symbols' currencies typed, in the order met. */
  typed: EditWarning['typed'][];
  currency: EditWarning['currency'];
  count: number;
}

/** The plan's currency warnings grouped by column, in the order met. */
export const currencyMismatches = (warnings: readonly PasteWarning[]): CurrencyMismatch[] => {
  const by = new Map<string, CurrencyMismatch>();
  for (const { warning: w } of warnings) {
    const m = by.get(w.column.id) ?? { column: w.column, typed: [], currency: w.currency, count: 0 };
    if (!m.typed.includes(w.typed)) m.typed.push(w.typed);
    m.count++;
    by.set(w.column.id, m);
  }
  return [...by.values()];
};
