/**
 * The typed function registry: one entry per function with its parameters, result type rule,
 * implementation, one-line docs in English and 简体中文 and an example. The type checker, the
 * evaluator, autocomplete and the help panel all read these entries.
 */
import type { DateOrder } from '../../schema/date-text.ts';
import type { FormulaError } from '../errors.ts';
import type { FormulaMessage } from '../messages.ts';
import type { ParamKind, ScalarType, Ty, ValueType } from '../types.ts';
import type { Scalar, Value } from '../values.ts';

/** What a parameter accepts (defined with the types: messages name it too). */
export type { ParamKind } from '../types.ts';

/** One parameter. */
export interface Param {
  name: string;
  kind: ParamKind;
  optional?: boolean;
}

/** What the result-type rule sees, and how it refuses. */
export interface ResultContext {
  /** Static types of the arguments given. */
  args: readonly Ty[];
  /** The value of each argument that is a literal (VLOOKUP's column number), else undefined. */
  literals: readonly (Scalar | undefined)[];
  /** Refuses the call with a message about argument `index` (0-based). */
  fail(index: number, message: FormulaMessage): never;
}

/** What an implementation sees besides its arguments. */
export interface CallContext {
  /** Static types of the arguments (to format dates as text, say). */
  types: readonly Ty[];
  /** Today as a serial day number (TODAY()). */
  today(): number;
  /** Now as a serial day number with the time of day as its fraction (NOW()). */
  now(): number;
  /** How dates like 10/01/2027 read in the workbook's region (DATEVALUE): month or day first, null in year-first regions. */
  dateOrder(): DateOrder | null;
  /**
   * A number in [0, 1) that is the same wherever and whenever this call is computed for this cell:
   * derived from the cell (sheet, row, column), the formula and the call's place in it (RAND()).
   */
  stableRandom(): number;
}

/** A lazily evaluated argument (IF, IFERROR, AND … evaluate only what they need). */
export type Thunk = () => Value;

/** A function of the formula language. */
export interface FunctionDef {
  name: string;
  family: 'math' | 'stats' | 'finance' | 'logic' | 'lookup' | 'text' | 'date' | 'ops';
  params: readonly Param[];
  /** How many trailing params repeat as a group (SUMIFS: 2, SUM: 1). */
  repeat?: number;
  /** One more argument may follow the repeated groups (SWITCH's default). */
  optionalTail?: boolean;
  /** Fewest arguments, when that is less than the fixed parameters and one repeated group (SORTBY(array, by_array)). */
  leastArgs?: number;
  /** How help shows the call, when its parameters do not say it (LET). */
  usage?: string;
  /** The result type, from the argument types (or a fixed type); a rule may give a union with text, or an array type. */
  result: ValueType | ((ctx: ResultContext) => ValueType | ScalarType | Ty);
  /**
   * The positions of the arguments that can be the result (IF's two values, IFERROR's value and
   * fallback): their types are unified (text and another type become a union), and an empty text
   * `""` written there is a blank cell of the other results' type.
   */
  branches?: (argCount: number) => number[];
  /**
   * Eager implementation: single-value arguments that are errors never reach it unless `handlesErrors`.
   * A table given where a list is taken arrives as a list of its values; an `array` parameter gets
   * what was given. Only functions whose result type is an array return one.
   */
  impl?: (args: readonly Value[], ctx: CallContext) => Scalar | Value;
  /** Lazy implementation (gets thunks). */
  lazy?: (args: readonly Thunk[], ctx: CallContext) => Scalar;
  handlesErrors?: boolean;
  /** Reads today's date: recomputed when the date changes. */
  volatileToday?: boolean;
  /** Reads the time of day: recomputed every minute. */
  volatileNow?: boolean;
  doc: { en: string; 'zh-CN': string };
  example: string;
}

const REGISTRY = new Map<string, FunctionDef>();

/** Adds functions to the registry (each family module calls this once). */
export const defineFunctions = (defs: readonly FunctionDef[]): void => {
  for (const d of defs) REGISTRY.set(d.name, d);
};

/**
 * Registers `name` as an older name of `target` (already registered): the same parameters, types and
 * computation, with its own docs (legacy names found in imported sheets: STDEV for STDEV.S …).
 */
export const defineAlias = (name: string, target: string, doc: FunctionDef['doc'], example: string): void => {
  const d = REGISTRY.get(target);
  if (!d) throw new Error(`${name}: no function ${target} to be an older name of`);
  REGISTRY.set(name, { ...d, name, doc, example });
};

/** The function named `name` (case-insensitive), if any. */
export const getFunction = (name: string): FunctionDef | undefined => REGISTRY.get(name.toUpperCase());

/** Every function, sorted by name (for autocomplete and the help panel). */
export const listFunctions = (): FunctionDef[] => [...REGISTRY.values()].sort((a, b) => a.name.localeCompare(b.name));

/** The parameter argument `i` (0-based) of a call is given to: repeated groups repeat their parameters. */
export const paramAt = (d: FunctionDef, i: number): Param => {
  const rep = d.repeat ?? 0;
  const fixed = d.params.length - rep;
  const p = i < fixed ? d.params[i] : d.params[fixed + ((i - fixed) % (rep || 1))];
  return p ?? d.params[d.params.length - 1] ?? { name: 'value', kind: 'any' };
};

/** How a call reads in help: `ROUND(number, [digits])`. */
export const signatureOf = (d: FunctionDef): string => {
  if (d.usage) return d.usage;
  const ps = d.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  if (d.repeat) ps.push('…');
  return `${d.name}(${ps.join(', ')})`;
};

/** The result type as help shows it: a fixed type, or that it follows the arguments. */
export const resultLabel = (d: FunctionDef): string =>
  typeof d.result === 'string'
    ? d.result
    : d.branches
      ? 'the type of its results (a number and a text make "number or text")'
      : 'the type of its values (currency stays currency)';

/** Result rule: the type of argument `i`. */
export const sameAs =
  (i: number) =>
  (ctx: ResultContext): ValueType =>
    ctx.args[i]?.t ?? 'number';

/** Result rule for sums and averages: currency stays currency, integers stay integers (when `keepInteger`). */
export const aggregateType =
  (keepInteger: boolean, from = 0, step = 1) =>
  (ctx: ResultContext): ValueType => {
    const ts = new Set<ValueType>();
    for (let i = from; i < ctx.args.length; i += step) {
      const t = ctx.args[i]?.t;
      if (t && t !== 'error') ts.add(t === 'boolean' ? 'integer' : t);
    }
    if (ts.has('currency')) return 'currency';
    if (ts.size === 1) {
      const [t] = ts;
      if (t === 'integer') return keepInteger ? 'integer' : 'number';
      if (t === 'percent') return 'percent';
    }
    return 'number';
  };

/** Wraps a number result, turning NaN and infinities into #NUM!. */
export type NumResult = number | FormulaError;
