/** src/model: the workbook on Yjs. The only module that knows the Yjs layout. */
export { Workbook } from './workbook.ts';
export { DEFAULT_SETTINGS, type ChangeListener, type WorkbookOptions } from './workbook-base.ts';
export type { SheetSpec } from './sheet-ops.ts';
export type { RetypeLoss } from './column-ops.ts';
export type { CellEdit } from './row-ops.ts';
export type { ColumnChangeKind, SheetChange, WorkbookChange } from './changes.ts';
export { NotFoundError, OperationError, ReadOnlyError, ValidationError, type ValueProblem } from './errors.ts';
export { cellConflicts, cellHistory, hasConflict, markConflictSeen } from './history.ts';
export { ANONYMOUS, type CellConflict, type CellHistoryEntry, type HistoryKind, type WorkbookUser } from './history-types.ts';
export { newId, newIds, type RandomBytes } from './ids.ts';
export { checkValue, convertValue, fitsColumn, isIsoDate, type Checked } from './values.ts';
export * from './types.ts';
export * from './chart-types.ts';
export { ChartError, checkChart, describeChartProblem, MAX_SERIES, NUMERIC_TYPES, tileSizeProblem, type ChartProblem } from './chart-check.ts';
export { describeProblem, parseInput, type ParseInputOptions, type ParsedInput, type ParseProblem } from './parse-input.ts';
export { parseNumberText, toHalfWidth, type NumberText } from './parse-number.ts';
export { DATE_HINT, parseDateText } from './parse-date.ts';
export { snapshotOfVersion, stateVersion, VersionError } from './state-version.ts';
