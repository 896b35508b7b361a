/** src/model: the workbook on Yjs. The only module that knows the Yjs layout; its records are src/schema's. */
export { Workbook } from './workbook.ts';
// The CLI, the relay and the app's lazily loaded parts get the whole model, charts included.
import './charts.ts';
export { DEFAULT_SETTINGS, type ChangeListener, type WorkbookOptions } from './workbook-base.ts';
export type { SheetSpec } from './sheet-ops.ts';
export { addViewSheet, setViewFormula, type ViewSheetSpec } from './view-ops.ts';
export type { RetypeLoss } from './column-ops.ts';
export type { CellEdit } from './row-ops.ts';
export type { ColumnChangeKind, SheetChange, WorkbookChange } from './changes.ts';
export { cellConflicts, cellHistory, hasConflict, markConflictSeen } from './history.ts';
export { snapshotOfVersion, stateVersion, VersionError } from './state-version.ts';
export { BackupFileError, decodeBackupFile, encodeBackupFile } from './backup-file.ts';
export { ROOT_SERVER as SERVER_ROOT, SERVER_SCHEMA_KEY, schemaVersionOf } from './layout.ts';
