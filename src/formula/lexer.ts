/** Splits formula text into tokens. Stored form (`[#colId]`, `#sheetId[…]`) and display form (names) differ only here. */
import { FormulaSyntaxError } from './ast.ts';
import type { ErrorCode } from './errors.ts';
import { msg, type FormulaMessage } from './messages.ts';

/** Kinds of tokens. */
export type TokenKind =
  | 'number'
  | 'string'
  | 'ident'
  | 'bracket' // [name] or [#id]
  | 'quoted' // 'Sheet name'
  | 'sheetId' // #id in stored form
  | 'error' // #REF! …
  | 'op'
  | '('
  | ')'
  | ','
  | ';' // between arguments (as ","), or between the rows of an array constant
  | '{'
  | '}'
  | '.'
  | 'end';

/** One token with its range in the text. */
export interface Token {
  kind: TokenKind;
  text: string;
  from: number;
  to: number;
  /** bracket tokens in stored form: the content is an id. */
  isId?: boolean;
}

/** Which form a formula text is in. */
export type FormulaForm = 'display' | 'stored';

const ERROR_LITERALS: readonly ErrorCode[] = ['#DIV/0!', '#N/A', '#REF!', '#CYCLE!', '#NUM!', '#VALUE!'];
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_.]/u;
const ID_PART = /[A-Za-z0-9_-]/;
/** Full-width punctuation that Chinese input methods type. */
const WIDE: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '；': ';', '｛': '{', '｝': '}', '＋': '+', '－': '-', '＊': '*', '／': '/', '＝': '=',
};

/** Tokens of `text` (which starts with "="; the "=" is skipped). */
/**
 * Reads a delimited name or text from `from` (just after its opening mark) up to the closing mark,
 * a doubled `escaped` standing for itself; returns the text and the index after the closing mark.
 */
const readDelimited = (text: string, from: number, closes: (ch: string) => boolean, escaped: string, unclosed: FormulaMessage, start: number): [string, number] => {
  let s = '';
  let i = from;
  for (;;) {
    if (i >= text.length) throw new FormulaSyntaxError(unclosed, start, text.length);
    const ch = text[i] ?? '';
    if (closes(ch)) {
      if (text[i + 1] === escaped) {
        s += escaped;
        i += 2;
        continue;
      }
      return [s, i + 1];
    }
    s += ch;
    i++;
  }
};

export const tokenize = (text: string, form: FormulaForm): Token[] => {
  const out: Token[] = [];
  let i = text.startsWith('=') ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const raw = text[i] ?? '';
    const c = WIDE[raw] ?? raw;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i));
      const s = m?.[0] ?? c;
      i += s.length;
      out.push({ kind: 'number', text: s, from: start, to: i });
      continue;
    }
    if (c === '"' || c === '“' || c === '”') {
      let s: string;
      [s, i] = readDelimited(text, i + 1, (ch) => ch === '"' || ch === '”' || ch === '“', '"', msg('syntax.unclosedText'), start);
      out.push({ kind: 'string', text: s, from: start, to: i });
      continue;
    }
    if (c === '[') {
      let s: string;
      [s, i] = readDelimited(text, i + 1, (ch) => ch === ']', ']', msg('syntax.unclosedColumn'), start);
      const isId = form === 'stored' && s.startsWith('#');
      out.push({ kind: 'bracket', text: isId ? s.slice(1) : s.trim(), from: start, to: i, isId });
      continue;
    }
    if (c === "'") {
      let s: string;
      [s, i] = readDelimited(text, i + 1, (ch) => ch === "'", "'", msg('syntax.unclosedSheet'), start);
      out.push({ kind: 'quoted', text: s, from: start, to: i });
      continue;
    }
    if (c === '#') {
      // Only the few characters that could be the literal are upper-cased (not the whole text, once per "#").
      const lit = ERROR_LITERALS.find((e) => text.slice(i, i + e.length).toUpperCase() === e);
      if (lit) {
        i += lit.length;
        out.push({ kind: 'error', text: lit, from: start, to: i });
        continue;
      }
      if (form === 'stored') {
        i++;
        while (i < n && ID_PART.test(text[i] ?? '')) i++;
        out.push({ kind: 'sheetId', text: text.slice(start + 1, i), from: start, to: i });
        continue;
      }
      throw new FormulaSyntaxError(msg('syntax.hash'), start, start + 1);
    }
    if (IDENT_START.test(c)) {
      while (i < n && IDENT_PART.test(text[i] ?? '')) i++;
      out.push({ kind: 'ident', text: text.slice(start, i), from: start, to: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      i += 2;
      out.push({ kind: 'op', text: two, from: start, to: i });
      continue;
    }
    if ('+-*/^&%=<>'.includes(c)) {
      i++;
      out.push({ kind: 'op', text: c, from: start, to: i });
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '.' || c === ';' || c === '{' || c === '}') {
      i++;
      out.push({ kind: c, text: c, from: start, to: i });
      continue;
    }
    throw new FormulaSyntaxError(msg('syntax.character', raw), start, start + 1);
  }
  out.push({ kind: 'end', text: '', from: n, to: n });
  return out;
};
