/**
 * Parses formula text into a syntax tree, with Excel's precedence: comparisons < & < + − < * / < ^ <
 * % < unary minus (so -2^2 is 4, as in Excel); binary operators associate to the left (2^3^2 is 64).
 */
import { FormulaSyntaxError, type BinaryOp, type Literal, type NameRef, type Node } from './ast.ts';
import { tokenize, type FormulaForm, type Token } from './lexer.ts';
import { checkFormulaLength, FORMULA_LIMITS, tooDeep, treeSize } from './limits.ts';
import { msg } from './messages.ts';

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

class Parser {
  private at = 0;
  /** Parentheses, calls and signs open around the current position: the parser recurses once for each. */
  private level = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly form: FormulaForm,
  ) {}

  private peek(offset = 0): Token {
    const t = this.tokens[Math.min(this.at + offset, this.tokens.length - 1)];
    if (!t) throw new FormulaSyntaxError(msg('syntax.empty'), 0, 0);
    return t;
  }
  private next(): Token {
    const t = this.peek();
    if (this.at < this.tokens.length - 1) this.at++;
    return t;
  }
  /** Parses something nested one level deeper, refusing to go past the depth limit. */
  private nested<T>(t: Token, inner: () => T): T {
    if (++this.level > FORMULA_LIMITS.maxDepth) throw tooDeep(t.from, t.to);
    const r = inner();
    this.level--;
    return r;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  parseFormula(): Node {
    if (this.peek().kind === 'end') throw new FormulaSyntaxError(msg('syntax.emptyAfterEquals'), 0, 1);
    const node = this.comparison();
    const t = this.peek();
    if (t.kind !== 'end') {
      const what = t.kind === ')' ? msg('syntax.unmatchedClose') : msg('syntax.unexpected', t.text || t.kind);
      throw new FormulaSyntaxError(what, t.from, t.to);
    }
    return node;
  }

  private binaryLevel(ops: (t: string) => boolean, inner: () => Node): Node {
    let left = inner();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !ops(t.text)) return left;
      this.next();
      const right = inner();
      left = { kind: 'binary', op: t.text as BinaryOp, left, right, from: left.from, to: right.to, opFrom: t.from };
    }
  }

  private comparison = (): Node => this.binaryLevel((t) => COMPARISONS.has(t), this.concat);
  private concat = (): Node => this.binaryLevel((t) => t === '&', this.additive);
  private additive = (): Node => this.binaryLevel((t) => t === '+' || t === '-', this.multiplicative);
  private multiplicative = (): Node => this.binaryLevel((t) => t === '*' || t === '/', this.power);
  private power = (): Node => this.binaryLevel((t) => t === '^', this.prefix);

  private prefix = (): Node => {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      const arg = this.nested(t, this.prefix);
      return { kind: 'unary', op: t.text, arg, from: t.from, to: arg.to };
    }
    let node = this.primary();
    while (this.isOp('%')) {
      const p = this.next();
      node = { kind: 'percent', arg: node, from: node.from, to: p.to };
    }
    return node;
  };

  private nameOf(t: Token): NameRef {
    if (t.kind === 'sheetId' || (t.kind === 'bracket' && t.isId)) return { id: t.text, from: t.from, to: t.to };
    if (t.kind === 'bracket' && t.text === '') throw new FormulaSyntaxError(msg('syntax.emptyColumnName'), t.from, t.to);
    if (t.kind === 'bracket' && this.form === 'stored') {
      throw new FormulaSyntaxError(msg('syntax.storedIds'), t.from, t.to);
    }
    return { name: t.text, from: t.from, to: t.to };
  }

  /** `[Col]` or `[Ref].[Col]`, the bracket token already taken. */
  private sameRow(t: Token): Node {
    const column = this.nameOf(t);
    if (this.peek().kind === '.' && this.peek(1).kind === 'bracket') {
      this.next();
      const f = this.next();
      return { kind: 'ref', column, follow: this.nameOf(f), from: t.from, to: f.to };
    }
    return { kind: 'ref', column, from: t.from, to: t.to };
  }

  /** `Sheet[Col]`, the sheet token already taken and a bracket next. */
  private wholeColumn(s: Token): Node {
    const c = this.next();
    const sheet = this.nameOf(s);
    if (this.peek().kind === '.' && this.peek(1).kind === 'bracket') {
      throw new FormulaSyntaxError(msg('syntax.followSameRow'), this.peek().from, this.peek(1).to);
    }
    return { kind: 'ref', sheet, column: this.nameOf(c), from: s.from, to: c.to };
  }

  private primary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'number': {
        const value = Number(t.text);
        return { kind: 'number', value, integer: /^\d+$/.test(t.text) && Number.isSafeInteger(value), from: t.from, to: t.to };
      }
      case 'string':
        return { kind: 'string', value: t.text, from: t.from, to: t.to };
      case 'error':
        return { kind: 'error', code: t.text as Extract<Node, { kind: 'error' }>['code'], from: t.from, to: t.to };
      case 'bracket':
        return this.sameRow(t);
      case 'quoted':
      case 'sheetId':
        if (this.peek().kind === 'bracket') return this.wholeColumn(t);
        return { kind: 'name', ref: this.nameOf(t), from: t.from, to: t.to };
      case '(': {
        const inner = this.nested(t, this.comparison);
        const close = this.next();
        if (close.kind !== ')') throw new FormulaSyntaxError(msg('syntax.missingClose'), t.from, close.from);
        // A parenthesised reference keeps its own range, so rewriting it keeps the parentheses.
        return inner.kind === 'ref' || inner.kind === 'name' ? inner : { ...inner, from: t.from, to: close.to };
      }
      case 'ident': {
        const nt = this.peek();
        if (nt.kind === '(' ) return this.call(t);
        if (nt.kind === 'bracket' && nt.from === t.to) return this.wholeColumn(t);
        const upper = t.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', from: t.from, to: t.to };
        return { kind: 'name', ref: { name: t.text, from: t.from, to: t.to }, from: t.from, to: t.to };
      }
      case '{':
        return this.arrayConstant(t);
      case 'end':
        throw new FormulaSyntaxError(msg('syntax.endsEarly'), t.from, t.to);
      default:
        throw new FormulaSyntaxError(msg('syntax.valueMissing', t.text), t.from, t.to);
    }
  }

  /** `{1,2;3,4}`, the "{" already taken: "," between the values of a row, ";" between rows. */
  private arrayConstant(open: Token): Node {
    const rows: Literal[][] = [[]];
    for (;;) {
      const row = rows[rows.length - 1] ?? [];
      row.push(this.arrayValue());
      const sep = this.next();
      if (sep.kind === '}') {
        const width = rows[0]?.length ?? 0;
        const ragged = rows.find((r) => r.length !== width);
        if (ragged) {
          throw new FormulaSyntaxError(msg('syntax.arrayRagged', width), ragged[0]?.from ?? open.from, sep.to);
        }
        return { kind: 'array', rows, from: open.from, to: sep.to };
      }
      if (sep.kind === ';') rows.push([]);
      else if (sep.kind !== ',') {
        if (sep.kind === 'end') throw new FormulaSyntaxError(msg('syntax.arrayNotClosed'), open.from, sep.from);
        throw new FormulaSyntaxError(msg('syntax.arraySeparator', sep.text), sep.from, sep.to);
      }
    }
  }

  /** One value of an array constant: a number (with its sign), a text, TRUE, FALSE or an error value. */
  private arrayValue(): Literal {
    const t = this.next();
    const sign = t.kind === 'op' && (t.text === '-' || t.text === '+') ? t : undefined;
    const v = sign ? this.next() : t;
    if (v.kind === 'number') {
      const value = Number(v.text) * (sign?.text === '-' ? -1 : 1);
      return { kind: 'number', value, integer: /^\d+$/.test(v.text) && Number.isSafeInteger(value), from: t.from, to: v.to };
    }
    if (!sign) {
      if (v.kind === 'string') return { kind: 'string', value: v.text, from: v.from, to: v.to };
      if (v.kind === 'error') return { kind: 'error', code: v.text as Extract<Literal, { kind: 'error' }>['code'], from: v.from, to: v.to };
      const upper = v.kind === 'ident' ? v.text.toUpperCase() : '';
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', from: v.from, to: v.to };
    }
    throw new FormulaSyntaxError(msg('syntax.arrayValue'), v.from, v.to);
  }

  private call(name: Token): Node {
    this.next(); // (
    const args: Node[] = [];
    if (this.peek().kind === ')') {
      const close = this.next();
      return { kind: 'call', name: name.text.toUpperCase(), nameTo: name.to, args, from: name.from, to: close.to };
    }
    for (;;) {
      const at = this.peek();
      let sep: Token;
      if (at.kind === ',' || at.kind === ';') {
        // Left out (the checker takes it where the parameter is optional); the separator marks where.
        args.push({ kind: 'omitted', from: at.from, to: at.to });
        sep = this.next();
      } else {
        if (at.kind === ')') throw new FormulaSyntaxError(msg('syntax.argumentMissing'), at.from, at.to);
        args.push(this.nested(name, this.comparison));
        sep = this.next();
      }
      if (sep.kind === ')') return { kind: 'call', name: name.text.toUpperCase(), nameTo: name.to, args, from: name.from, to: sep.to };
      if (sep.kind !== ',' && sep.kind !== ';') {
        if (sep.kind === 'end') throw new FormulaSyntaxError(msg('syntax.callNotClosed', name.text), name.from, sep.from);
        throw new FormulaSyntaxError(msg('syntax.commaMissing', sep.text), sep.from, sep.to);
      }
    }
  }
}

/**
 * Parses a formula (with or without its leading "="). Throws FormulaSyntaxError with the range of the
 * problem, and FormulaLimitError (one of them) for a formula too long or nested too deep.
 */
export const parseFormula = (text: string, form: FormulaForm = 'display'): Node => {
  checkFormulaLength(text, form === 'stored');
  const ast = new Parser(tokenize(text, form), form).parseFormula();
  treeSize(ast);
  return ast;
};
