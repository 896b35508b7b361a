/**
 * Writing a checked import: the good rows or nothing, as one undoable transaction. Into an
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

/** Import the good rows (bad ones are left out), or nothing at all. */
export type ImportChoice = 'good-rows' | 'nothing';

/** What was written. */
export interface ImportResult {
  /** The sheet written to (null when nothing was written). */
  sheetId: string | null;
  rowIds: string[];
  /** Bad rows left out. */
  skipped: number;
}

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
  if (choice === 'nothing') return { sheetId: null, rowIds: [], skipped: plan.badRows + plan.rows.length };
  const target = plan.setup.target;
  if ('sheetId' in target) {
    const ids = existingColumns(plan, writer, target.sheetId, target.sheetName);
    const rowIds = plan.rows.length ? writer.appendRows(target.sheetId, ids, plan.rows) : [];
    return { sheetId: target.sheetId, rowIds, skipped: plan.badRows };
  }
  const specs: ColumnSpec[] = mappedColumns(plan.setup).map(({ into }) => ({ name: into.name, type: into.type, options: into.options }));
  return writer.transact(() => {
    const sheetId = writer.addSheet({ name: target.newSheet, columns: specs });
    try {
      const ids = writer.columns(sheetId).map((c) => c.id);
      const rowIds = plan.rows.length ? writer.appendRows(sheetId, ids, plan.rows) : [];
      return { sheetId, rowIds, skipped: plan.badRows };
    } catch (err) {
      // Still inside the one transaction: taking the sheet away leaves nothing behind.
      writer.deleteSheet(sheetId);
      throw err;
    }
  });
};
