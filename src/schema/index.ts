/**
 * src/schema: the ground floor every other folder stands on. Pure TypeScript (no Yjs, no DOM, no
 * package): the typed records of a workbook, cell values and what each column type accepts, ids,
 * errors, the one number reader, the one date reader, the one calendar-day module and the one
 * formatter. Everything public is named here.
 */
export * from './types.ts';
export * from './chart-types.ts';
export type { SheetJSON, WorkbookJSON } from './workbook-json.ts';
export { ANONYMOUS, type CellConflict, type CellHistoryEntry, type HistoryKind, type WorkbookUser } from './history-types.ts';
export { newId, newIds, type RandomBytes } from './ids.ts';
export { NewerSchemaError, NotFoundError, OperationError, ReadOnlyError, ValidationError, type ValueProblem } from './errors.ts';
export { SCHEMA_VERSION } from './schema-version.ts';
export { checkValue, convertValue, fitsColumn, type CheckedValue } from './values.ts';
export { BatchCheck } from './batch-check.ts';
export { ChartError, checkChart, describeChartProblem, MAX_SERIES, NUMERIC_TYPES, tileSizeProblem, type ChartProblem } from './chart-check.ts';
export { describeProblem, parseInput, type ParseInputOptions, type ParsedInput, type ParseProblem } from './parse-input.ts';
export { parseNumberText, toHalfWidth, trimSpaces, type NumberText } from './number-text.ts';
export { DATE_HINT, dateOrderOf, isOrderDependent, otherDateReading, parseDateText, regionOf, type DateOrder, type DateReading } from './date-text.ts';
export {
  addDays,
  addMonths,
  dayFromIso,
  dayFromParts,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isoFromDay,
  isoFromParts,
  localIsoDay,
  monthStart,
  partsFromDay,
  weekdayOfDay,
  weekStart,
} from './calendar-day.ts';
export { isErrorValue, type ComputedValue, type ErrorValue } from './computed-value.ts';
export { BOOLEAN_WORDS, formatNumber, formatValue, plainText, rawNumberText, valueFormatter, type FormatContext, type FormatMode, type ShownValue } from './format-value.ts';
export { CURRENCY_SYMBOLS, currencyText, decimalText, generalText, type DecimalStyle } from './number-format.ts';
export { compactText } from './compact-text.ts';
export { ARRAY_PREVIEW_VALUES, arrayText } from './array-text.ts';
export { MAX_STORED_FORMULA_LENGTH, validateViewFormula, type ViewFormulaCheck } from './view-check.ts';
