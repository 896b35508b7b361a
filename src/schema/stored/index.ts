/**
 * src/schema/stored: the checkers every value read from a workbook document goes through, one per
 * kind of record (settings, sheet, column, cell value per column type, rule, chart, dashboard tile,
 * history entry), and the "needs repair" list's types.
 */
export * from './stored-problem.ts';
export type { StoredRead } from './read-record.ts';
export {
  isPlainRecord,
  isRecordId,
  MAX_FORMULA,
  MAX_LABEL,
  MAX_NAME,
  ownFields,
  type FieldReader,
} from './stored-parts.ts';
export { isOrderKey, MAX_ORDER_KEY } from './order-key.ts';
export { DEFAULT_SETTINGS, readSettings } from './read-settings.ts';
export { FALLBACK_ORDER, fallbackSheetName, readOrder, readSheetMeta, type StoredSheet } from './read-sheet.ts';
export { fallbackColumnName, MAX_CHOICES, readColumn, readColumnOptions, type StoredColumn } from './read-column.ts';
export { isStoredCell } from './stored-cell.ts';
export { cellProblem } from './cell-problem.ts';
export { readRule } from './read-rule.ts';
export { readChart } from './read-chart.ts';
export { readTile, type StoredTileRead } from './read-tile.ts';
export { readLogEntry, readSeenMark, type SeenMark, type StoredBulk, type StoredEdit, type StoredEntry } from './read-log-entry.ts';
export type { DamageKind, DamagedEntry, RepairAction } from './damaged-entry.ts';
