/**
 * src/csv: CSV import and export (pure: papaparse and fflate, no Yjs, no DOM). It reads and writes
 * a workbook only through small structural interfaces that `Workbook` satisfies.
 *
 * Export: `exportSheetCsv`, `exportWorkbookFiles`, `exportWorkbookZip`; values are written by the
 * schema's one formatter (raw or as displayed, as the grid shows them).
 * Import: `previewImport` (proposal) → the user confirms `preview.setup` → `planImport` (all rows,
 * progress, cancel; can run in a Web Worker) → `commitImport(plan, 'good-rows' | 'blank-bad-cells' | 'nothing',
 * workbook)`; `rejectedRowsCsv` writes the rows left out (or blanked) with their lines and reasons.
 */
export { DELIMITERS, csvFieldEncoder, type Delimiter } from './csv-field.ts';
export { isProtectedText, protectText, unprotectText } from './csv-injection.ts';
export { commitImport, rowsToWrite, type ImportChoice, type ImportResult, type ImportWriter } from './commit-import.ts';
export { CSV_PROBLEM_EN, csvProblemText, type CsvProblem, type CsvProblemTexts } from './csv-problem.ts';
export {
  ENCODING_NAMES,
  ENCODINGS,
  decodeBytes,
  detectEncoding,
  type CsvEncoding,
  type DetectedEncoding,
} from './decode-bytes.ts';
export { detectColumnType, type TypeProposal } from './detect-column-type.ts';
export { columnHeader, encodeUtf8, exportSheetCsv, type CsvExportOptions } from './export-sheet.ts';
export type { ComputedValues, ExportSource } from './export-source.ts';
export {
  exportWorkbookFiles,
  exportWorkbookZip,
  snapshotZipName,
  type ExportFile,
  type ExportManifest,
  type SnapshotInfo,
  type WorkbookExportOptions,
} from './export-workbook.ts';
export { safeFileName, snapshotStamp } from './file-names.ts';
/** Raw or as displayed: how an export writes values (the schema's formatter defines it). */
export type { FormatMode } from '../schema/format-value.ts';
export { ImportCancelledError, ImportError } from './import-errors.ts';
export { checkSetup, type ImportColumn, type ImportSetup, type ImportTarget } from './import-setup.ts';
export { matchColumns, normalName } from './match-columns.ts';
export { booleanWord, parseCellText, type ParseContext, type ParsedCell } from './parse-cell-text.ts';
/** The day/month order an import's date column is read in (the schema's reader defines it). */
export type { DateOrder } from '../schema/date-text.ts';
export { MAX_LISTED, planImport, type ImportPlan, type ImportProgress, type PlanOptions, type RejectedRow, type RowProblem } from './plan-import.ts';
export { REJECTED_ROWS_EN, rejectedRowsCsv, type RejectedRowsWords } from './rejected-rows.ts';
export { previewImport, type ImportPreview, type ImportReader, type PreviewOptions } from './preview-import.ts';
export { guessNewline, lineBreaks, readCsvRows, type CsvRow, type ReadCsvOptions } from './read-csv-rows.ts';
