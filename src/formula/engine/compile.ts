/**
 * Turns a checked formula into a closure over row slots. References read through the host (the
 * engine), which evaluates what is dirty first and records who read what. SUMIFS-like calls over
 * whole columns ask the host's group indexes (equality criteria) or running totals (other criteria);
 * exact XLOOKUPs and followed references ask its key indexes.
 */
import type { Node } from '../ast.ts';
import type { Checked, Resolved } from '../checker.ts';
import { parseCriterion, type Criterion } from '../criteria.ts';
import { FormulaError, badRef, badValue, isError, notAvailable } from '../errors.ts';
import { getFunction, type CallContext, type FunctionDef } from '../functions/index.ts';
import { budgetError, STEP_COST, textLimitError, textTooLong } from '../limits.ts';
import { msg } from '../messages.ts';
import { arithmetic, comparison, concat } from '../operators.ts';
import { isNumeric, scalar, type Ty } from '../types.ts';
import { isArray, isList, scalarOf, Table, toBoolean, toList, type Scalar, type Value } from '../values.ts';
import { elementOf, isArrayType } from '../array-types.ts';
import { paramAt } from '../functions/registry.ts';
import { arrayBinary, arrayConstant, arrayEach, arrayIf, chargeArray } from './compile-arrays.ts';
import { stableRandom } from '../stable-random.ts';
import type { Totals } from './accumulator.ts';
import { NOT_FOUND, type EvalHost } from './eval-host.ts';

/** Call sites of conditional aggregates, numbered so each keeps its own running totals per reader. */
let nextSite = 0;

/** Steps an argument costs besides the call: every value of a column (or row of a sheet or table) given to the function. */
const argumentCost = (v: Value): number => (isList(v) ? v.length : v instanceof Table ? v.rowCount : 0);

/** A text result over the limit becomes #VALUE!; the characters built are charged. */
const chargeText = (host: EvalHost, r: Scalar, what: string): Scalar => {
  if (typeof r !== 'string' || r.length < 64) return r;
  if (textTooLong(r.length)) return textLimitError(r.length, what);
  return host.spend(r.length) ? r : budgetError();
};

/** Parameter kinds that take values one by one (a table given there is read as the list of its values). */
const LIST_KINDS: ReadonlySet<string> = new Set(['list', 'numlist', 'numdatelist', 'conditions']);

export { NOT_FOUND, type EvalHost } from './eval-host.ts';

type Fn = (slot: number) => Value;

const constant = (v: Value): Fn => () => v;
/** The value of an argument left out: the function sees it as not given. */
const OMITTED = (() => undefined) as unknown as Fn;
const one = (f: Fn) => (slot: number): Scalar => scalarOf(f(slot));

/** Calls that an index can answer: the position of the value column (or null) and of the criteria pairs. */
const GROUPED: Record<string, { value: (n: number) => number | null; pairs: (n: number) => number[]; result: 'sum' | 'count' | 'average' | 'rows' }> = {
  SUM: { value: () => 0, pairs: () => [], result: 'sum' },
  COUNT: { value: () => 0, pairs: () => [], result: 'count' },
  AVERAGE: { value: () => 0, pairs: () => [], result: 'average' },
  SUMIF: { value: (n) => (n > 2 ? 2 : 0), pairs: () => [0], result: 'sum' },
  AVERAGEIF: { value: (n) => (n > 2 ? 2 : 0), pairs: () => [0], result: 'average' },
  COUNTIF: { value: () => null, pairs: () => [0], result: 'rows' },
  SUMIFS: { value: () => 0, pairs: (n) => Array.from({ length: (n - 1) >> 1 }, (_, i) => 1 + 2 * i), result: 'sum' },
  AVERAGEIFS: { value: () => 0, pairs: (n) => Array.from({ length: (n - 1) >> 1 }, (_, i) => 1 + 2 * i), result: 'average' },
  COUNTIFS: { value: () => null, pairs: (n) => Array.from({ length: n >> 1 }, (_, i) => 2 * i), result: 'rows' },
};

class Compiler {
  /** The current value of each LET binding (saved and restored around each LET, so re-entry is safe). */
  private readonly locals: { v: Value }[] = [];

  constructor(
    private readonly c: Checked,
    private readonly host: EvalHost,
    /** Part of the seed of RAND(): the formula's text. */
    private readonly salt: string,
  ) {}

  private local(index: number): { v: Value } {
    let cell = this.locals[index];
    if (!cell) this.locals[index] = cell = { v: null };
    return cell;
  }

  /** Charges steps to the recalculation's budget (for arrays built value by value). */
  private readonly spend = (steps: number): boolean => this.host.spend(steps);

  private ty(n: Node): Ty {
    return this.c.types.get(n) ?? scalar('error');
  }

  node(n: Node): Fn {
    switch (n.kind) {
      case 'number':
        return constant(n.value);
      case 'string': {
        if (this.c.blanks.has(n)) return constant(null);
        const d = this.c.dates.get(n);
        return constant(d ?? n.value);
      }
      case 'boolean':
        return constant(n.value);
      case 'error':
        return constant(new FormulaError(n.code, n.code === '#REF!' ? msg('ref.deleted') : msg('value.literal', n.code)));
      case 'name':
      case 'ref':
        return this.ref(n, this.c.refs.get(n));
      case 'array':
        return constant(arrayConstant(n));
      case 'omitted':
        // A function sees a left-out argument as not given (undefined), as it sees a missing last one.
        return OMITTED;
      case 'unary': {
        if (isArrayType(this.ty(n.arg))) {
          const op = n.op;
          return arrayEach(this.node(n.arg), (x) => arithmetic(op, 0, x), this.spend, { sign: op });
        }
        const a = one(this.node(n.arg));
        return n.op === '-' ? (s) => arithmetic('-', 0, a(s)) : (s) => arithmetic('+', 0, a(s));
      }
      case 'percent': {
        if (isArrayType(this.ty(n.arg))) return arrayEach(this.node(n.arg), (x) => arithmetic('/', x, 100), this.spend, { sign: '%' });
        const a = one(this.node(n.arg));
        return (s) => arithmetic('/', a(s), 100);
      }
      case 'binary': {
        const op = n.op;
        if (isArrayType(this.ty(n.left)) || isArrayType(this.ty(n.right))) {
          const types = [elementOf(this.ty(n.left))?.t, elementOf(this.ty(n.right))?.t] as const;
          return arrayBinary(this.node(n.left), this.node(n.right), op, types, this.spend);
        }
        const a = one(this.node(n.left));
        const b = one(this.node(n.right));
        if (op === '&') {
          const ta = this.ty(n.left).t;
          const tb = this.ty(n.right).t;
          const host = this.host;
          return (s) => chargeText(host, concat(a(s), ta, b(s), tb), '&');
        }
        if (op === '+' || op === '-' || op === '*' || op === '/' || op === '^') return (s) => arithmetic(op, a(s), b(s));
        return (s) => comparison(op, a(s), b(s));
      }
      case 'call':
        return this.call(n);
    }
  }

  private ref(n: Node, r: Resolved | undefined): Fn {
    const h = this.host;
    if (!r || r.kind === 'missing') return constant(new FormulaError('#REF!', r?.detail ?? msg('ref.unknown')));
    switch (r.kind) {
      case 'local': {
        const cell = this.local(r.index);
        return () => cell.v;
      }
      case 'cell':
        return h.cell(r.sheetId, r.colId);
      case 'column':
        return h.column(r.sheetId, r.colId);
      case 'table': {
        const read = h.table(r.sheetId, r.colIds);
        return () => read();
      }
      case 'follow': {
        const key = h.cell(r.sheetId, r.refColId);
        return (slot) => {
          const k = key(slot);
          if (k === null || k === '') return null;
          if (isError(k)) return k;
          const v = h.lookup(r.targetSheetId, r.keyColId, r.colId, k);
          // A reference names a row by its key (picked from the rows there): a key no row has is a row since deleted.
          return v === NOT_FOUND ? badRef('ref.rowDeleted', h.columnDisplayName(r.sheetId, r.refColId), h.sheetName(r.targetSheetId), String(k)) : v;
        };
      }
    }
    void n;
  }

  private wholeColumn(n: Node | undefined): { sheetId: string; colId: string } | undefined {
    const r = n ? this.c.refs.get(n) : undefined;
    return r?.kind === 'column' ? r : undefined;
  }

  private call(n: Extract<Node, { kind: 'call' }>): Fn {
    const def = getFunction(n.name);
    if (!def) return constant(badValue('fn.unknown', n.name, undefined));
    if (def.name === 'LET') return this.let(n);
    const args = n.args.map((a) => this.node(a));
    if (def.name === 'IF' && n.args.some((a) => isArrayType(this.ty(a)))) {
      const [c, a, b] = args;
      if (!c || !a) return constant(null);
      return arrayIf(c, a, b, this.spend);
    }
    if (def.name === 'IF') {
      const [c, a, b] = args.map(one);
      if (!c || !a) return constant(null);
      // Without a value_if_false, a condition that does not hold gives FALSE, as in Excel.
      return (s) => {
        const cond = toBoolean(c(s));
        if (isError(cond)) return cond;
        return cond ? a(s) : b ? b(s) : false;
      };
    }
    const host = this.host;
    const seed = `${this.salt}|${n.from}`;
    const ctx: CallContext = {
      types: n.args.map((a) => this.ty(a)),
      today: () => {
        host.readsToday();
        return host.today();
      },
      now: () => {
        host.readsToday();
        host.readsNow();
        return host.now();
      },
      dateOrder: () => host.dateOrder,
      stableRandom: () => stableRandom(`${host.runningCell()}|${seed}`),
    };
    const generic = this.generic(def, args, ctx);
    return this.grouped(def, n, args, generic) ?? this.xlookup(def, n, args) ?? generic;
  }

  /** LET: each value is computed once per evaluation and read by name in what follows. */
  private let(n: Extract<Node, { kind: 'call' }>): Fn {
    const binds: { cell: { v: Value }; value: Fn }[] = [];
    for (let i = 0; i + 1 < n.args.length; i += 2) {
      const r = this.c.refs.get(n.args[i] as Node);
      if (r?.kind !== 'local') return constant(badValue('let.noName'));
      binds.push({ cell: this.local(r.index), value: this.node(n.args[i + 1] as Node) });
    }
    const body = this.node(n.args[n.args.length - 1] as Node);
    return (s) => {
      const saved = binds.map((b) => b.cell.v);
      try {
        for (const b of binds) b.cell.v = b.value(s);
        return body(s);
      } finally {
        binds.forEach((b, i) => (b.cell.v = saved[i] ?? null));
      }
    };
  }

  private generic(def: FunctionDef, args: Fn[], ctx: CallContext): Fn {
    const host = this.host;
    const name = def.name;
    const lazy = def.lazy;
    if (lazy) {
      return (s) => {
        if (!host.spend(STEP_COST.call)) return budgetError();
        const thunks = args.map((a) => () => {
          const v = a(s);
          return host.spend(argumentCost(v)) ? v : budgetError();
        });
        return chargeText(host, lazy(thunks, ctx), name);
      };
    }
    const impl = def.impl;
    if (!impl) return constant(badValue('fn.notComputable', name));
    const guard = !def.handlesErrors;
    const n = args.length;
    // Where values are taken (SUM, TEXTJOIN …), a table arrives as the list of its values.
    const flat = args.map((_, i) => LIST_KINDS.has(paramAt(def, i).kind));
    return (s) => {
      const vals: Value[] = new Array(n);
      let cost = STEP_COST.call;
      for (let i = 0; i < n; i++) {
        let v = (args[i] as Fn)(s);
        if (guard && isError(v)) return v;
        cost += argumentCost(v);
        if (flat[i] && v instanceof Table) v = toList(v);
        vals[i] = v;
      }
      // Charged before the work, so a recalculation out of steps stops calling functions at once.
      if (!host.spend(cost)) return budgetError();
      let r: Value;
      try {
        r = impl(vals, ctx);
      } catch (e) {
        // An input no implementation expected (a huge count, say) is that cell's error, not the workbook's crash.
        if (e instanceof RangeError) return badValue('fn.outOfRange', name, e.message);
        throw e;
      }
      if (isArray(r)) return chargeArray(r, this.spend, { fn: name });
      return typeof r === 'number' && !Number.isFinite(r) ? new FormulaError('#NUM!', msg('value.notFinite')) : chargeText(host, r, name);
    };
  }

  /** SUMIFS & co. over whole columns of one sheet: answered from a group index when every criterion is an equality. */
  private grouped(def: FunctionDef, n: Extract<Node, { kind: 'call' }>, args: Fn[], fallback: Fn): Fn | undefined {
    const spec = GROUPED[def.name];
    if (!spec) return undefined;
    const count = n.args.length;
    if ((def.name === 'SUM' || def.name === 'COUNT' || def.name === 'AVERAGE') && count !== 1) return undefined;
    const vi = spec.value(count);
    const valueRef = vi === null ? undefined : this.wholeColumn(n.args[vi]);
    if (vi !== null && !valueRef) return undefined;
    if (def.name === 'SUM' || def.name === 'AVERAGE') {
      if (!isNumeric(this.ty(n.args[0] as Node).t)) return undefined;
    }
    const pairs = spec.pairs(count);
    const ranges = pairs.map((i) => this.wholeColumn(n.args[i]));
    const sheetId = valueRef?.sheetId ?? ranges[0]?.sheetId;
    if (sheetId === undefined || ranges.some((r) => !r || r.sheetId !== sheetId)) return undefined;
    const critCols = ranges.map((r) => r?.colId ?? '');
    const critArgs = pairs.map((i) => one(args[i + 1] ?? constant(null)));
    const valueCol = valueRef?.colId ?? null;
    const host = this.host;
    const result = spec.result;
    const site = nextSite++;
    return (s) => {
      if (!host.spend(STEP_COST.call)) return budgetError();
      const keys: string[] = [];
      const crits: Criterion[] = [];
      const vals: Scalar[] = [];
      for (const crit of critArgs) {
        const v = crit(s);
        if (isError(v)) return v;
        const c = parseCriterion(v);
        crits.push(c);
        vals.push(v);
        if (c.key !== undefined) keys.push(c.key);
      }
      const g: Totals | FormulaError | undefined =
        keys.length === crits.length
          ? host.group(sheetId, critCols, valueCol, keys)
          : host.accumulate(sheetId, crits.map((crit, i) => ({ colId: critCols[i] ?? '', crit })), valueCol, JSON.stringify(vals), site);
      if (g === undefined) return fallback(s);
      if (isError(g)) return g;
      if (g.errors > 0) return fallback(s);
      switch (result) {
        case 'sum':
          return g.sum.value();
        case 'count':
          return g.numbers;
        case 'rows':
          return g.rows;
        default:
          // Rows with no number (blank, or a text fallback) average to blank; no rows at all is #DIV/0!.
          if (g.numbers === 0) return g.rows > 0 ? null : new FormulaError('#DIV/0!', msg('average.none'));
          return g.sum.value() / g.numbers;
      }
    };
  }

  /** XLOOKUP(value, Sheet[Key], Sheet[Return], [if_not_found]) with exact match, first to last: a key index. */
  private xlookup(def: FunctionDef, n: Extract<Node, { kind: 'call' }>, args: Fn[]): Fn | undefined {
    if (def.name !== 'XLOOKUP' || n.args.length > 4) return undefined;
    const look = this.wholeColumn(n.args[1]);
    const ret = this.wholeColumn(n.args[2]);
    if (!look || !ret || look.sheetId !== ret.sheetId) return undefined;
    const value = one(args[0] ?? constant(null));
    const fallback = args[3] ? one(args[3]) : undefined;
    const host = this.host;
    return (s) => {
      if (!host.spend(STEP_COST.call)) return budgetError();
      const v = value(s);
      if (isError(v)) return v;
      // A blank key (a row not filled in yet) looks nothing up: blank, not #N/A.
      if (v === null) return null;
      const r = host.lookup(look.sheetId, look.colId, ret.colId, v);
      if (r !== NOT_FOUND) return r;
      return fallback ? fallback(s) : notAvailable('value.notFound', JSON.stringify(v));
    };
  }
}

/**
 * A closure evaluating a checked formula for a row slot; lists never escape (a list result is an
 * error), nor does a text over the limit (one read from a cell as it is, say).
 */
export const compileChecked = (checked: Checked, host: EvalHost, salt = ''): ((slot: number) => Value) => {
  const fn = new Compiler(checked, host, salt).node(checked.ast);
  // A formula typed as an array (a cell's own, a view sheet's) gives an array (a single value is one of one), or an error.
  if (isArrayType(checked.type)) {
    return (slot) => {
      const v = fn(slot);
      return isArray(v) || isError(v) ? v : [v];
    };
  }
  return (slot) => {
    const v = fn(slot);
    if (isList(v) || v instanceof Table) return badValue('value.wholeColumn');
    if (typeof v === 'string' && textTooLong(v.length)) return textLimitError(v.length);
    return typeof v === 'number' && Object.is(v, -0) ? 0 : v;
  };
};
