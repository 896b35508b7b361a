/**
 * Writing a checked import: the good rows, or the good rows and the rows whose bad values are left
 * blank (in file order), or nothing, as one undoable transaction. Into an
 * existing sheet it is one `appendRows`; into a new sheet `addSheet` and `appendRows` in one
 * transaction. Nothing is half-written: every value was checked by the plan, and appendRows checks
 * again before it writes.
 */
import type { CellValue, ColumnSpec } from '../schema/types.ts';
import { ImportError } from './import-errors.ts';
import { mappedColumns } from './import-setup.ts';
import type { ImportPlan } from './plan-import.ts';
import type { ImportReader } from './preview-import.ts';

/** The writes an import needs; `Workbook` satisfies it. */
export interface ImportWriter extends ImportReader {
  addSheet(spec: { name: string; columns?: ColumnSpec[] }): string;
  deleteSheet(sheetId: string): void;
  appendRows(sheetId: string, columns: readonly string[], rows: readonly (readonly CellValue[])[]): string[];
  transact<T>(fn: () => T): T;
}

/**
 * Import the good rows (bad ones are left out); or every row whose record could be read, with the
 * values that are not of their column's type left empty; or nothing at all.
 */
export type ImportChoice = 'good-rows' | 'blank-bad-cells' | 'nothing';

/** What was written. */
export interface ImportResult {
  /** The sheet written to (null when nothing was written). */
  sheetId: string | null;
  rowIds: string[];
  /** Bad rows left out. */
  skipped: number;
  /** Rows written with some cells left blank (`blank-bad-cells`). */
  blanked: number;
}

/** The rows a choice writes, in file order: the good ones, and with `blank-bad-cells` the blanked ones merged by line. */
export const rowsToWrite = (plan: ImportPlan, choice: ImportChoice): { rows: (readonly CellValue[])[]; blanked: number } => {
  if (choice === 'nothing') return { rows: [], blanked: 0 };
  const extra = choice === 'blank-bad-cells' ? plan.rejected.filter((r) => r.blanked !== null) : [];
  if (extra.length === 0) return { rows: plan.rows, blanked: 0 };
  const rows: (readonly CellValue[])[] = [];
  let g = 0;
  for (const r of extra) {
    while (g < plan.rows.length && (plan.lines[g] ?? 0) < r.line) rows.push(plan.rows[g++] ?? []);
    rows.push(r.blanked ?? []);
  }
  while (g < plan.rows.length) rows.push(plan.rows[g++] ?? []);
  return { rows, blanked: extra.length };
};

/** Column ids of the mapped columns, after checking that the sheet still has them, with the same types. */
const existingColumns = (plan: ImportPlan, writer: ImportWriter, sheetId: string, sheetName: string): string[] => {
  if (!writer.sheets().some((s) => s.id === sheetId)) {
    throw new ImportError(`Sheet "${sheetName}" was deleted since the file was checked; choose another sheet and check the file again.`);
  }
  const current = writer.columns(sheetId);
  return mappedColumns(plan.setup).map(({ into }) => {
    const col = current.find((c) => c.id === into.id);
    if (!col || col.type !== into.type || JSON.stringify(col.options.choices) !== JSON.stringify(into.options.choices)) {
      throw new ImportError(`Column "${into.name}" of "${sheetName}" changed since the file was checked; check the file again.`);
    }
    return col.id;
  });
};

/** Writes the plan's good rows (or nothing) as one undoable transaction. */
export const commitImport = (plan: ImportPlan, choice: ImportChoice, writer: ImportWriter): ImportResult => {
  if (choice === 'nothing') return { sheetId: null, rowIds: [], skipped: plan.badRows + plan.rows.length, blanked: 0 };
  const { rows, blanked } = rowsToWrite(plan, choice);
  const skipped = plan.badRows - blanked;
  const target = plan.setup.target;
  if ('sheetId' in target) {
    const ids = existingColumns(plan, writer, target.sheetId, target.sheetName);
    const rowIds = rows.length ? writer.appendRows(target.sheetId, ids, rows) : [];
    return { sheetId: target.sheetId, rowIds, skipped, blanked };
  }
  const specs: ColumnSpec[] = mappedColumns(plan.setup).map(({ into }) => ({ name: into.name, type: into.type, options: into.options }));
  return writer.transact(() => {
    const sheetId = writer.addSheet({ name: target.newSheet, columns: specs });
    try {
      const ids = writer.columns(sheetId).map((c) => c.id);
      const rowIds = rows.length ? writer.appendRows(sheetId, ids, rows) : [];
      return { sheetId, rowIds, skipped, blanked };
    } catch (err) {
      // Still inside the one transaction: taking the sheet away leaves nothing behind.
      writer.deleteSheet(sheetId);
      throw err;
    }
  });
};
