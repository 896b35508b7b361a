/**
 * Pasting a TSV block (from Excel, Google Sheets or this grid) at the active cell: each text is
 * read for its column's type; cells that cannot be read are reported with their position and left
 * unchanged; the rest, and any rows the block needs past the end, are written in one transaction
 * (one undo step, nothing half-applied). Loaded on first paste; papaparse reads the quoting rules.
 */
import Papa from 'papaparse';
import type { CellValue } from '../../schema/types.ts';
import type { CellEdit } from '../../model/index.ts';
import { readCellInput } from './cell-input.ts';
import type { GridController } from './grid-controller.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

/** A cell that was not pasted, as the person sees it. */
export interface PasteProblem {
  row: number;
  column: string;
  message: string;
}

/** What a paste did. */
export interface PasteReport {
  written: number;
  rowsAdded: number;
  problems: PasteProblem[];
  /** Columns of the block past the sheet's last column. */
  cutColumns: number;
}

/** Splits clipboard text into rows of cells (a trailing line break is not an extra row). */
export const parseTsv = (text: string): string[][] => {
  const body = text.replace(/\r?\n$/, '');
  if (body === '') return [];
  return Papa.parse<string[]>(body, { delimiter: '\t', newline: body.includes('\r\n') ? '\r\n' : '\n', quoteChar: '"' }).data;
};

const LISTED = 8;

/** Pastes `text` at the selection of `ctl` and reports the outcome in a toast. */
export const pasteText = (ctl: GridController, text: string): PasteReport => {
  const { app, sheetId, wb } = ctl;
  let block = parseTsv(text);
  const report: PasteReport = { written: 0, rowsAdded: 0, problems: [], cutColumns: 0 };
  if (block.length === 0) {
    app.toasts.show({ kind: 'info', message: app.i18n.texts(dialogTexts)('paste.nothing') });
    return report;
  }
  const rect = ctl.selectedRect() ?? { top: 0, left: 0, bottom: 0, right: 0 };
  // One value pasted onto a range fills the range, as in spreadsheets.
  if (block.length === 1 && block[0]?.length === 1 && (rect.bottom > rect.top || rect.right > rect.left)) {
    const v = block[0][0] ?? '';
    block = Array.from({ length: rect.bottom - rect.top + 1 }, () => Array.from({ length: rect.right - rect.left + 1 }, () => v));
  }
  const cols = ctl.displayedColumns();
  const shown = ctl.displayedRowCount();
  const edits: CellEdit[] = [];
  const newRows: Record<string, CellValue>[] = [];
  block.forEach((cells, i) => {
    const at = rect.top + i;
    const rowId = at < shown ? (ctl.rowIdAt(at) ?? '') : '';
    const record: Record<string, CellValue> = {};
    cells.forEach((cellText, j) => {
      const col = cols[rect.left + j];
      if (!col) {
        report.cutColumns = Math.max(report.cutColumns, rect.left + j - cols.length + 1);
        return;
      }
      const r = readCellInput(app, ctl.references, sheetId, col, rowId, cellText);
      if (!r.ok) {
        report.problems.push({ row: at + 1, column: app.label(col), message: r.message });
        return;
      }
      if (rowId) edits.push({ rowId, colId: col.id, value: r.value });
      else record[col.id] = r.value;
    });
    if (!rowId) newRows.push(record);
  });
  wb.transact(() => {
    if (newRows.length > 0) wb.insertRows(sheetId, { values: newRows });
    if (edits.length > 0) wb.setCells(sheetId, edits);
  });
  report.written = edits.length + newRows.reduce((n, r) => n + Object.keys(r).length, 0);
  report.rowsAdded = newRows.length;
  announce(ctl, report);
  const width = Math.min(Math.max(...block.map((r) => r.length)), cols.length - rect.left);
  ctl.select({ anchor: { row: rect.top, col: rect.left }, focus: { row: rect.top + block.length - 1, col: rect.left + Math.max(0, width - 1) } });
  return report;
};

const announce = (ctl: GridController, r: PasteReport): void => {
  const { i18n, toasts } = ctl.app;
  const t = i18n.texts(dialogTexts);
  const lines: string[] = [];
  if (r.rowsAdded > 0) lines.push(t('paste.grew', r.rowsAdded));
  if (r.cutColumns > 0) lines.push(t('paste.tooWide', r.cutColumns));
  if (r.problems.length === 0) {
    toasts.show({ kind: 'info', message: [t('paste.done', r.written), ...lines].join(' ') });
    return;
  }
  const details = r.problems.slice(0, LISTED).map((p) => t('paste.badCell', p.row, p.column, p.message));
  if (r.problems.length > LISTED) details.push(t('paste.more', r.problems.length - LISTED));
  const head = r.written > 0 ? [t('paste.done', r.written), ...lines] : lines;
  toasts.show({ kind: 'error', message: [...head, t('paste.bad', r.problems.length)].join(' '), details });
};
