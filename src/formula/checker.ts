/**
 * The type checker: resolves every reference (by name in display form, by id in stored form),
 * gives every node a type, and refuses what does not fit with a plain message and the character
 * range of the problem ("cannot add currency and text", `no column "Prce"; did you mean "Price"?`).
 */
import { RULE_COLUMN } from './alerting-source.ts';
import type { Node, NameRef, Span } from './ast.ts';
import type { CatalogSheet } from './catalog.ts';
import { isViewSheet, type Column } from '../schema/types.ts';
import { serialFromIso } from './dates.ts';
import { getFunction, listFunctions, type Param } from './functions/index.ts';
import { didYouMean } from './suggest.ts';
import { isNumeric, scalar, unionType, type Ty } from './types.ts';
import { CheckError, type Checked, type CheckOptions, type Resolved } from './check-types.ts';
import { arithmeticType, comparable } from './operator-types.ts';
import { eachValue, elementOf, elementwise, isArrayType, isRefusal, wideOf } from './array-types.ts';
import { arrayConstantType, resultProblem } from './check-arrays.ts';
import { unionHint } from './union-hint.ts';
import { LetScopes } from './let-scopes.ts';
import { arityProblem, NEEDS_NON_TEXT } from './param-words.ts';
import { msg, type ArgPlace, type FormulaMessage } from './messages.ts';
import type { Scalar } from './values.ts';

export { CheckError, inputType, refusal, type Checked, type CheckOptions, type Refusal, type Resolved } from './check-types.ts';

type Missing = Extract<Resolved, { kind: 'missing' }>;

/** A constant argument's value (a number, with its sign, text or TRUE/FALSE): functions type by it. */
const literalOf = (arg: Node): Scalar | undefined => {
  if (arg.kind === 'number' || arg.kind === 'string' || arg.kind === 'boolean') return arg.value;
  return arg.kind === 'unary' && arg.arg.kind === 'number' ? (arg.op === '-' ? -arg.arg.value : arg.arg.value) : undefined;
};

class Checker {
  readonly types = new Map<Node, Ty>();
  readonly refs = new Map<Node, Resolved>();
  readonly dates = new Map<Node, number>();
  readonly blanks = new Set<Node>();
  usesToday = false;
  usesNow = false;
  private readonly lets = new LetScopes();

  constructor(private readonly o: CheckOptions) {}

  private fail(detail: FormulaMessage, span: Span): never {
    throw new CheckError(detail, span.from, span.to);
  }

  private sheetOf(ref: NameRef): CatalogSheet | Missing {
    const c = this.o.catalog;
    const byId = ref.id === undefined ? undefined : c.sheet(ref.id);
    // A view sheet's rows are a formula's result: another formula reads its sources instead.
    if (isViewSheet(byId)) return { kind: 'missing', detail: msg('ref.viewSheetRead') };
    if (ref.id !== undefined) return byId ?? { kind: 'missing', detail: msg('ref.sheetDeleted') };
    const name = ref.name ?? '';
    const s = c.sheetByName(name);
    if (s && isViewSheet(s)) return this.fail(msg('ref.viewSheetName', c.displayName(s)), ref);
    if (s) return s;
    const hint = didYouMean(name, c.sheetNames());
    return this.fail(msg('ref.noSheet', name, hint), ref);
  }

  private columnOf(sheet: CatalogSheet, ref: NameRef): Column | Missing {
    const c = this.o.catalog;
    if (ref.id !== undefined) return c.column(sheet.id, ref.id) ?? { kind: 'missing', detail: msg('ref.columnDeleted') };
    const name = ref.name ?? '';
    const col = c.columnByName(sheet.id, name);
    if (col) return col;
    const hint = didYouMean(name, c.columnNames(sheet.id));
    return this.fail(msg('ref.noColumn', name, sheet.id === this.o.sheetId ? undefined : c.displayName(sheet), hint), ref);
  }

  private missing(node: Node, r: Resolved): Ty {
    this.refs.set(node, r);
    return scalar('error');
  }

  private ref(node: Extract<Node, { kind: 'ref' }>): Ty {
    const c = this.o.catalog;
    if (node.sheet) {
      const sheet = this.sheetOf(node.sheet);
      if ('detail' in sheet) return this.missing(node, sheet);
      const col = this.columnOf(sheet, node.column);
      if ('detail' in col) return this.missing(node, col);
      this.refs.set(node, { kind: 'column', sheetId: sheet.id, colId: col.id });
      return { ...this.o.columnType(sheet.id, col), list: true, from: { sheetId: sheet.id, colId: col.id } };
    }
    const host = this.o.sheetId === undefined ? undefined : c.sheet(this.o.sheetId);
    if (!host || !this.o.row) {
      return this.fail(msg('ref.noRow'), node);
    }
    const col = this.columnOf(host, node.column);
    if ('detail' in col) return this.missing(node, col);
    if (!node.follow) {
      if (col.id === this.o.colId && this.o.form === 'display') {
        this.fail(msg('ref.ownColumn', c.displayName(col)), node);
      }
      this.refs.set(node, { kind: 'cell', sheetId: host.id, colId: col.id });
      return this.o.columnType(host.id, col);
    }
    if (col.type !== 'reference' || !col.options.refSheet) {
      return this.fail(msg('ref.notReference', c.displayName(col)), node.column);
    }
    const target = c.sheet(col.options.refSheet);
    if (!target) return this.missing(node, { kind: 'missing', detail: msg('ref.refSheetDeleted') });
    const key = target.columns.find((k) => k.options.key);
    if (!key) return this.fail(msg('ref.noKey', c.displayName(target)), node.column);
    const tcol = this.columnOf(target, node.follow);
    if ('detail' in tcol) return this.missing(node, tcol);
    this.refs.set(node, { kind: 'follow', sheetId: host.id, refColId: col.id, targetSheetId: target.id, keyColId: key.id, colId: tcol.id });
    return this.o.columnType(target.id, tcol);
  }

  private table(fn: string, node: Node): Ty {
    if (node.kind !== 'name') return this.fail(msg('ref.needsSheet', fn), node);
    const sheet = this.sheetOf(node.ref);
    if ('detail' in sheet) return this.missing(node, sheet);
    // An alert rule is a hidden column of its sheet: not one a lookup can see.
    const cols = sheet.columns.filter((c) => !c.id.startsWith(RULE_COLUMN));
    this.refs.set(node, { kind: 'table', sheetId: sheet.id, colIds: cols.map((c) => c.id) });
    return { t: 'error', table: cols.map((c) => ({ ...this.o.columnType(sheet.id, c), from: { sheetId: sheet.id, colId: c.id } })) };
  }

  private bareName(node: Extract<Node, { kind: 'name' }>): Ty {
    const c = this.o.catalog;
    const name = node.ref.name ?? node.ref.id ?? '';
    const bound = node.ref.name === undefined ? undefined : this.lets.find(name);
    if (bound) {
      this.refs.set(node, { kind: 'local', index: bound.index });
      return bound.ty;
    }
    if (this.o.sheetId !== undefined && c.columnByName(this.o.sheetId, name)) {
      this.fail(msg('ref.columnNotBracketed', name), node);
    }
    if (c.sheetByName(name)) this.fail(msg('ref.sheetAlone', name), node);
    const columns = this.o.sheetId !== undefined ? c.columnNames(this.o.sheetId).map((n) => `[${n}]`) : [];
    const hint = didYouMean(name, [...columns, ...listFunctions().map((f) => f.name), ...this.lets.names()]);
    return this.fail(msg('ref.unknownName', name, hint), node);
  }

  /** A value that may be text, used where a number, a date or a condition is required (`arg`, else "this value"): refused with a way out. */
  private notUnion(ty: Ty, node: Node, arg?: ArgPlace): void {
    if (!ty.orText || ty.list) return;
    const r = this.refs.get(node);
    const c = this.o.catalog;
    const col = r?.kind === 'cell' ? c.column(r.sheetId, r.colId) : r?.kind === 'follow' ? c.column(r.targetSheetId, r.colId) : undefined;
    this.fail(msg('type.union', ty, unionHint(node, col && `[${c.displayName(col)}]`), arg), node);
  }

  /** The type of a node (`sheet`: a bare sheet name is that sheet as a table). */
  visit(node: Node, sheet = false): Ty {
    return this.typed(node, sheet ? this.table('', node) : this.visitInner(node));
  }

  /** True when a node is a bare name of a sheet (not a LET name): a table where an array is taken. */
  namesSheet(node: Node): boolean {
    if (node.kind !== 'name') return false;
    if (node.ref.id !== undefined) return true;
    const name = node.ref.name ?? '';
    return this.lets.find(name) === undefined && this.o.catalog.sheetByName(name) !== undefined;
  }

  /** The type of an operation, or its refusal about `node`. */
  private lifted(r: Ty | FormulaMessage, node: Node): Ty {
    return isRefusal(r) ? this.fail(r, node) : r;
  }

  /** A text literal where a date is expected becomes that date. */
  private asDate(node: Node, ty: Ty): Ty {
    if (ty.t === 'text' && node.kind === 'string') {
      const s = serialFromIso(node.value.trim());
      if (s !== undefined) {
        this.dates.set(node, s);
        const d = scalar('date');
        this.types.set(node, d);
        return d;
      }
    }
    return ty;
  }

  private visitInner(node: Node): Ty {
    switch (node.kind) {
      case 'number':
        return scalar(node.integer ? 'integer' : 'number');
      case 'string':
        return scalar('text');
      case 'boolean':
        return scalar('boolean');
      case 'error':
        return scalar('error');
      case 'name':
        return this.bareName(node);
      case 'ref':
        return this.ref(node);
      case 'omitted':
        return this.fail(msg('syntax.argumentMissing'), node);
      case 'array': {
        const r = arrayConstantType(node);
        return 'span' in r ? this.fail(r.detail, r.span) : r;
      }
      // Operators work on arrays value by value (Orders[Units] * 2), with the rules of single values.
      case 'unary': {
        const a = this.visit(node.arg);
        return this.lifted(eachValue(a, (x) => {
          if (!isNumeric(x.t)) return msg('type.negate', x);
          this.notUnion(a, node.arg);
          return scalar(x.t === 'boolean' ? 'integer' : x.t);
        }), node);
      }
      case 'percent': {
        const a = this.visit(node.arg);
        return this.lifted(eachValue(a, (x) => {
          if (!isNumeric(x.t)) return msg('type.percentSign', x);
          this.notUnion(a, node.arg);
          return scalar('percent');
        }), node);
      }
      case 'binary': {
        let a = this.visit(node.left);
        let b = this.visit(node.right);
        if (node.op === '&') return this.lifted(elementwise(a, b, () => scalar('text')), node);
        if (elementOf(a)?.t === 'date') b = this.asDate(node.right, b);
        if (elementOf(b)?.t === 'date') a = this.asDate(node.left, a);
        if (['=', '<>', '<', '>', '<=', '>='].includes(node.op)) {
          return this.lifted(elementwise(a, b, (x, y) => {
            // A union compares with what either of its parts compares with ([Stock or text] = "out").
            const ok = comparable(x.t, y.t) || (x.orText === true && comparable('text', y.t)) || (y.orText === true && comparable(x.t, 'text'));
            return ok ? scalar('boolean') : msg('type.compare', x, y);
          }), node);
        }
        return this.lifted(elementwise(a, b, (x, y) => {
          const r = arithmeticType(node.op, x.t, y.t);
          if (typeof r !== 'string') return r;
          this.notUnion(a, node.left);
          this.notUnion(b, node.right);
          return scalar(r);
        }), node);
      }
      case 'call':
        return this.call(node);
    }
  }

  private call(node: Extract<Node, { kind: 'call' }>): Ty {
    const def = getFunction(node.name);
    if (!def) {
      const hint = didYouMean(node.name, listFunctions().map((f) => f.name));
      this.fail(msg('fn.unknown', node.name, hint), { from: node.from, to: node.nameTo });
    }
    if (def.volatileToday) this.usesToday = true;
    if (def.volatileNow) this.usesNow = this.usesToday = true;
    if (def.name === 'LET') return this.let(node);
    const n = node.args.length;
    const rep = def.repeat ?? 0;
    const fixed = def.params.length - rep;
    const wrongCount = arityProblem(def, n);
    if (wrongCount) this.fail(wrongCount, node);
    const types: Ty[] = [];
    const literals: (Scalar | undefined)[] = [];
    const branches = new Set(def.branches?.(n) ?? []);
    node.args.forEach((arg, i) => {
      const p = i < fixed ? def.params[i] : def.params[fixed + ((i - fixed) % (rep || 1))];
      const param = p ?? def.params[def.params.length - 1] ?? { name: 'value', kind: 'any' };
      if (arg.kind === 'omitted') {
        // Left out as Excel allows (SORT(x, , -1)): the parameter's default.
        if (!param.optional) this.fail(msg('arg.omitted', { fn: def.name, index: i, param: param.name }), arg);
        types.push(this.typed(arg, scalar('error')));
      } else if (branches.has(i) && arg.kind === 'string' && arg.value === '') {
        // IF(x, [Price], ""): the empty text is a blank cell, typed as the other results.
        this.blanks.add(arg);
        types.push(this.typed(arg, scalar('error')));
      } else types.push(this.arg(def.name, param, arg, i));
      literals.push(literalOf(arg));
    });
    const result =
      typeof def.result === 'string'
        ? def.result
        : def.result({
            args: types,
            literals,
            fail: (i, detail) => this.fail(detail, node.args[i] ?? node),
          });
    if (typeof result === 'string') return scalar(result);
    if (isArrayType(result)) return result;
    // IF over arrays (MAX(IF(Products[Category] = "Lighting", Products[Margin]))) chooses value by value.
    if (def.name === 'IF' && types.some(isArrayType)) {
      const shape = types.reduce<Ty | FormulaMessage>((acc, ty) => (isRefusal(acc) ? acc : elementwise(acc, ty, () => result)), scalar('error'));
      return this.lifted(shape, node);
    }
    // Only blanks: a blank text.
    return result.t === 'error' && branches.size > 0 && [...branches].every((i) => this.blanks.has(node.args[i] as Node))
      ? scalar('text')
      : unionType(result.t, result.orText);
  }

  private typed(node: Node, ty: Ty): Ty {
    this.types.set(node, ty);
    return ty;
  }

  /** LET(name1, value1, [name2, value2, …], calculation): each name is bound to its value for what follows. */
  private let(node: Extract<Node, { kind: 'call' }>): Ty {
    const args = node.args;
    if (args.length < 3 || args.length % 2 === 0) {
      this.fail(msg('let.arity', args.length), node);
    }
    return this.lets.within(() => {
      for (let i = 0; i + 1 < args.length; i += 2) {
        const nameNode = args[i] as Node;
        const value = args[i + 1] as Node;
        const ty = this.visit(value);
        const b = nameNode.kind === 'name' && nameNode.ref.name !== undefined
          ? this.lets.bind(nameNode.ref.name, ty, (n) => getFunction(n) !== undefined)
          : this.lets.bind('', ty, () => false);
        if ('code' in b) this.fail(b, nameNode);
        this.refs.set(nameNode, { kind: 'local', index: b.index });
        this.typed(nameNode, ty);
      }
      return this.visit(args[args.length - 1] as Node);
    });
  }

  private arg(fn: string, p: Param, arg: Node, i: number): Ty {
    if (p.kind === 'table' || (p.kind === 'array' && this.namesSheet(arg))) return this.table(fn, arg);
    let ty = this.visit(arg);
    if (p.kind === 'array') return ty;
    const place: ArgPlace = { fn, index: i, param: p.name };
    const refuse = (): never => this.fail(msg('arg.kind', place, p.kind, ty), arg);
    const listKind = p.kind === 'list' || p.kind === 'numlist' || p.kind === 'numdatelist' || p.kind === 'conditions';
    // IF chooses value by value when its condition is an array.
    const lifts = fn === 'IF';
    if (ty.table && listKind) {
      // A table given where values are taken is read value by value: its columns must have one type.
      const e = elementOf(ty);
      ty = e ? this.typed(arg, wideOf(e)) : this.fail(msg('arg.tableMixed', fn), arg);
    }
    if (isArrayType(ty) && !listKind && !lifts) this.fail(msg('arg.single', place), arg);
    if (p.kind === 'date' || p.kind === 'numdate') ty = this.asDate(arg, ty);
    const t = ty.t;
    if (t === 'error') return ty;
    if (NEEDS_NON_TEXT.has(p.kind) && ty.orText && (isNumeric(t) || t === 'date' || t === 'boolean')) {
      this.notUnion(ty, arg, place);
    }
    switch (p.kind) {
      case 'number':
      case 'numlist':
        if (!isNumeric(t)) refuse();
        break;
      case 'date':
        if (t !== 'date') refuse();
        break;
      case 'numdate':
      case 'numdatelist':
        if (!isNumeric(t) && t !== 'date') refuse();
        break;
      case 'boolean':
      case 'conditions':
        // A number is a condition as in Excel: anything but 0 is TRUE (IF(COUNTIF(…), …)).
        if (!isNumeric(t)) refuse();
        break;
      default:
        break;
    }
    return ty;
  }
}

/** Checks a parsed formula; throws CheckError for what cannot be taken. */
export const checkTree = (ast: Node, options: CheckOptions): Checked => {
  const c = new Checker(options);
  const want = options.result ?? 'single';
  // A view sheet (or a cell, or the CLI) may show a whole sheet as it is: =Inventory.
  const type = want !== 'single' && c.namesSheet(ast) ? c.visit(ast, true) : c.visit(ast);
  const problem = resultProblem(ast, type, c.refs, want);
  if (problem) throw new CheckError(problem.detail, problem.span.from, problem.span.to);
  return { ast, type, types: c.types, refs: c.refs, dates: c.dates, blanks: c.blanks, usesToday: c.usesToday, usesNow: c.usesNow };
};
