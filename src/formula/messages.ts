/**
 * Every message the formula layer produces, as data: a code and its arguments. The checker, the
 * parser and the engine build these; the English text comes from messages-en.ts (the CLI and the
 * tests read it), and the app renders the same message in the person's language. `MessageArgs`
 * is the one list of codes: a dictionary typed `MessageTexts` must have a text for each.
 */
import type { ParamKind, ScalarType, Ty, ValueType } from './types.ts';

/** A cell named in a message: `Products[Stock]` and its row number (from 1). */
export interface CellPlace {
  column: string;
  row: number;
}

/** An argument named in a message: the function, the argument's position (from 0) and its parameter name. */
export interface ArgPlace {
  fn: string;
  index: number;
  param: string;
}

/** Functions whose results are unified (a branch of text makes "… or text"), named in their messages. */
export type BranchingFunction = 'IF' | 'IFS' | 'IFERROR' | 'IFNA' | 'SWITCH' | 'CHOOSE' | 'XLOOKUP';

/** What would build an array over the size limit: a function, an operator or a sign (- or %) by its text, or the formula itself (null). */
export type ArrayBuilder = { fn: string } | { op: string } | { sign: string } | null;

/** The arguments of each message, by code. Names, values and numbers are given as the formula shows them. */
export interface MessageArgs {
  // ── reading the text ───────────────────────────────────────────────────
  'syntax.noEquals': [];
  'syntax.empty': [];
  'syntax.emptyAfterEquals': [];
  'syntax.unmatchedClose': [];
  /** `text` is the token found (or its kind). */
  'syntax.unexpected': [text: string];
  'syntax.emptyColumnName': [];
  'syntax.storedIds': [];
  'syntax.followSameRow': [];
  'syntax.missingClose': [];
  'syntax.endsEarly': [];
  'syntax.valueMissing': [text: string];
  'syntax.argumentMissing': [];
  'syntax.callNotClosed': [fn: string];
  'syntax.commaMissing': [text: string];
  'syntax.unclosedText': [];
  'syntax.unclosedColumn': [];
  'syntax.unclosedSheet': [];
  'syntax.hash': [];
  'syntax.character': [char: string];
  // ── limits ─────────────────────────────────────────────────────────────
  'limit.length': [length: number, max: number];
  'limit.depth': [max: number];
  /** `builder` is the function that built the text, "&" for the operator, null for the formula. */
  'limit.text': [builder: string | null, length: number, max: number];
  'limit.steps': [max: number];
  // ── names ──────────────────────────────────────────────────────────────
  'ref.sheetDeleted': [];
  'ref.columnDeleted': [];
  'ref.refSheetDeleted': [];
  'ref.deleted': [];
  'ref.unknown': [];
  'ref.noSheet': [name: string, hint: string | undefined];
  /** `sheet` is set when the column was looked for in another sheet than the formula's. */
  'ref.noColumn': [name: string, sheet: string | undefined, hint: string | undefined];
  'ref.noRow': [];
  /** A followed reference (`[SKU].[Name]`) whose key no row of the referenced sheet has any more: its row was deleted. */
  'ref.rowDeleted': [column: string, sheet: string, key: string];
  'ref.ownColumn': [column: string];
  'ref.notReference': [column: string];
  'ref.noKey': [sheet: string];
  'ref.needsSheet': [fn: string];
  'ref.columnNotBracketed': [name: string];
  'ref.sheetAlone': [name: string];
  'ref.unknownName': [name: string, hint: string | undefined];
  'fn.unknown': [name: string, hint: string | undefined];
  // ── types ──────────────────────────────────────────────────────────────
  /** A value that may be text where a number is needed; `arg` names the argument (else "this value"). */
  'type.union': [type: ScalarType, hint: FormulaMessage, arg: ArgPlace | undefined];
  'hint.atSource': [fn: BranchingFunction];
  'hint.columnN': [column: string];
  'hint.n': [];
  'type.resultColumn': [];
  'type.negate': [type: Ty];
  'type.percentSign': [type: Ty];
  'type.compare': [a: ScalarType, b: ScalarType];
  'type.addDates': [];
  'type.add': [a: ValueType, b: ValueType];
  'type.subtract': [a: ValueType, b: ValueType];
  'type.multiplyCurrency': [];
  'type.multiply': [a: ValueType, b: ValueType];
  'type.divide': [a: ValueType, b: ValueType];
  'type.power': [a: ValueType, b: ValueType];
  /** A rule's condition (conditional formatting) gives `type`, not TRUE or FALSE. */
  'type.ruleCondition': [type: ValueType];
  /** `most` is Infinity for functions that take any number of arguments. */
  'arg.count': [fn: string, least: number, most: number, given: number];
  'arg.kind': [arg: ArgPlace, kind: ParamKind, type: Ty];
  'arg.single': [arg: ArgPlace];
  'arg.agree': [fn: BranchingFunction, a: ScalarType, b: ScalarType];
  'let.arity': [given: number];
  'let.needsName': [];
  'let.noName': [];
  'let.functionName': [name: string];
  'let.twice': [name: string];
  'vlookup.columnLiteral': [];
  'vlookup.columnRange': [columns: number];
  'hlookup.types': [a: ScalarType, b: ScalarType];
  'subtotal.numbers': [number: string, type: ValueType];
  // ── values ─────────────────────────────────────────────────────────────
  'value.divZero': [];
  'value.literal': [code: string];
  'value.notFinite': [];
  'value.tooLarge': [];
  'value.fractionalPower': [];
  'value.wholeColumn': [];
  'value.notNumber': [text: string];
  'value.notBoolean': [text: string];
  /** `value` as the message quotes it (`"STA-1"`, `42`). */
  'value.notFound': [value: string];
  'input.notNumber': [value: string, column: string];
  'input.notDate': [value: string, column: string];
  'input.notBoolean': [value: string, column: string];
  'cycle.plain': [];
  'cycle.members': [cells: readonly CellPlace[], more: number];
  'cycle.longChain': [cells: readonly CellPlace[], more: number];
  'stored.noLongerFits': [reason: FormulaMessage];
  'fn.notComputable': [fn: string];
  /** `detail` is the runtime's own words (English), kept for the CLI. */
  'fn.outOfRange': [fn: string, detail: string];
  // ── functions ──────────────────────────────────────────────────────────
  'lookup.lengths': [];
  'lookup.needsSheet': [fn: string];
  'lookup.noneSmaller': [value: string];
  'lookup.resultShorter': [];
  'index.row': [row: number, rows: number];
  'vlookup.column': [column: number];
  'xmatch.matchMode': [];
  'xmatch.searchMode': [];
  'hlookup.row': [row: number, last: number];
  'hlookup.noColumn': [value: string];
  'average.none': [];
  'average.noNumbers': [];
  'average.noRow': [];
  'average.noRowAll': [];
  'criteria.lengths': [];
  'sumproduct.lengths': [];
  'subtotal.number': [n: number];
  'ifs.none': [];
  'switch.none': [];
  'choose.index': [values: number];
  'na.value': [];
  'text.countNegative': [fn: string];
  'text.startCount': [fn: string];
  'text.instance': [];
  'text.instanceRange': [];
  'text.start': [fn: string];
  'rept.times': [];
  'rept.long': [max: number];
  'char.range': [];
  'code.empty': [];
  'date.textNotDate': [text: string];
  'date.datedifOrder': [];
  'date.datedifUnit': [unit: string];
  'date.basis': [];
  'date.range': [];
  'date.year': [];
  'date.before1900': [];
  'date.outside': [];
  'date.weekdayType': [type: number];
  'date.weeknumType': [type: number];
  'date.weekendMask': [];
  'date.weekendNumber': [n: number];
  'time.negative': [];
  'time.partNegative': [fn: string];
  'math.modZero': [];
  'math.sqrtNegative': [];
  'math.zeroNegativePower': [];
  'math.logPositive': [fn: string];
  'math.logArgs': [];
  'math.logBaseOne': [];
  'math.significanceSign': [fn: string];
  'math.floorZero': [];
  'math.mroundSign': [];
  'math.randOrder': [];
  'finance.pmtPeriods': [];
  'finance.npvRate': [];
  'stats.needOne': [];
  'stats.needTwo': [];
  'stats.needPairs': [fn: string | undefined];
  'stats.lengths': [];
  'stats.medianNone': [];
  'stats.probability': [];
  'stats.sd': [];
  'stats.noVariation': [];
  'stats.xFlat': [];
  'stats.yFlat': [];
  'stats.forecastPoints': [];
  'stats.geomean': [];
  'stats.confidence': [];
  'stats.percentileK': [];
  'stats.percentileExc': [count: number];
  'stats.quart': [lo: number, hi: number];
  'stats.rankK': [count: number];
  'stats.notInColumn': [value: number];
  'ops.visitors': [];
  'ops.conversions': [];
  'ops.fewConversions': [min: number];
  'ops.nothingToCompare': [];
  'ops.confidence': [];
  'ops.baseline': [];
  'ops.effect': [];
  'ops.alphaPower': [];
  'ops.negative': [];
  // ── arrays and view sheets ─────────────────────────────────────────────
  'syntax.arrayRagged': [width: number];
  'syntax.arrayNotClosed': [];
  'syntax.arraySeparator': [text: string];
  'syntax.arrayValue': [];
  'limit.array': [builder: ArrayBuilder, values: number, max: number];
  'ref.viewSheetRead': [];
  'ref.viewSheetName': [name: string];
  'arg.omitted': [arg: ArgPlace];
  'arg.tableMixed': [fn: string];
  'type.tableMixed': [];
  'type.columnGivesList': [];
  'type.resultList': [];
  'array.agree': [a: ScalarType, b: ScalarType];
  /** `fn` is the function whose column number it is; `n` as written (negative counts from the last). */
  'array.noColumn': [fn: string, columns: number, n: number];
  'array.columnsDiffer': [];
  'array.sizes': [];
  'vstack.columnAgree': [column: number];
  'vstack.agree': [];
  'vstack.fewerColumns': [];
  'filter.ifEmptyAgree': [];
  'filter.ifEmptyFirst': [];
  /** `value` is the text found, as written. */
  'filter.notCondition': [value: string];
  'sort.order': [fn: string, n: number];
  /** `byColumn`: the array is sorted by its rows (by_col), so the index counts rows. */
  'sort.index': [width: number, byColumn: boolean, n: number];
  /** `param` is the argument's parameter name (include, by_array1 …). */
  'align.oneColumn': [fn: string, param: string, columns: number];
  'align.rows': [fn: string, param: string, rows: number, arrayRows: number];
  'align.noValue': [fn: string, param: string];
  'align.oneRow': [fn: string, param: string, columns: number];
  'sequence.negative': [rows: number, columns: number];
  'textsplit.fewerParts': [];
  'logic.noCondition': [];
  'view.needsArray': [];
  'view.noFormula': [];
  'view.noTable': [];
}

/** The code of a message. */
export type MessageCode = keyof MessageArgs;

/** A message: its code and arguments (a union, so code and arguments always match). */
export type FormulaMessage = { [C in MessageCode]: { readonly code: C; readonly args: MessageArgs[C] } }[MessageCode];

/** A text for every message, in one language. */
export type MessageTexts = { readonly [C in MessageCode]: (...args: MessageArgs[C]) => string };

/** Builds a message. */
export const msg = <C extends MessageCode>(code: C, ...args: MessageArgs[C]): FormulaMessage => ({ code, args }) as FormulaMessage;
