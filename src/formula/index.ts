/**
 * src/formula: the typed formula engine. Pure TypeScript (no yjs, solid-js, ag-grid or DOM), so the
 * browser, the relay and the CLI run the same engine. Every public export is named here.
 */
import './functions/index.ts';

export { FormulaEngine, type CheckResult, type ComputedCell, type EngineOptions, type EvalResult, type FormulaPlace } from './formula-engine.ts';
export type { Refusal } from './checker.ts';
export type { RecalcEvent, SheetRecalc } from './engine/recalc-log.ts';
export type { FormulaChange, FormulaSheetChange, FormulaSource, LiveFormulaSource } from './source.ts';
export { evaluateInWorkbook, EMPTY_SOURCE } from './evaluate-in-workbook.ts';
export { AlertingSource, RULE_COLUMN, ruleColumnId, ruleIdOf, type RuleSource } from './alerting-source.ts';
export { arrayToJSON, valueToJSON, type CellJSON, type ValueJSON } from './value-json.ts';
export type { ArrayResult, ResultColumn } from './engine/array-result.ts';
export type { ViewColumn, ViewResult } from './engine/views.ts';
export { FormulaEngineError, FormulaError, isError, type ErrorCode } from './errors.ts';
export { msg, type ArgPlace, type BranchingFunction, type CellPlace, type FormulaMessage, type MessageArgs, type MessageCode, type MessageTexts } from './messages.ts';
export { MESSAGES_EN, messageText } from './messages-en.ts';
export type { Scalar, List, Value, Table } from './values.ts';
export type { Ty, ValueType } from './types.ts';
export { listFunctions, getFunction, resultLabel, signatureOf } from './functions/index.ts';
export type { FunctionDef, Param, ParamKind } from './functions/index.ts';
export { parseFormula } from './parser.ts';
export { FORMULA_LIMITS } from './limits.ts';
export { EXCEL_DIFFERENCES, type ExcelDifference } from './differences.ts';
export { FormulaSyntaxError, type Node, type Span } from './ast.ts';
export { isoFromSerial, serialFromIso } from './dates.ts';
export { round15 } from './numbers.ts';
export { normalCdf, normalInv } from './normal.ts';
