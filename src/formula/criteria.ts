/**
 * Criteria of SUMIF / COUNTIFS …, with Excel's semantics: `5`, `"Kitchen"` (case-insensitive),
 * `">=10"`, `"<>Home"`, wildcards `*` and `?` (`~` escapes), `""` for blank cells. An equality
 * criterion has a key, so aggregate indexes can answer it without scanning.
 */
import { serialFromIso } from './dates.ts';
import { isError } from './errors.ts';
import { compare15, round15 } from './numbers.ts';
import type { Scalar } from './values.ts';

/** A parsed criterion: a test on one cell, and the key of the cells it matches when it is a plain equality. */
export interface Criterion {
  test: (v: Scalar) => boolean;
  /** Set for equality criteria: exactly the cells whose `cellKey` equals it match. */
  key?: string;
}

/** The equality key of a cell (what an index groups rows by). */
export const cellKey = (v: Scalar): string => {
  if (v === null || v === '') return 'e';
  if (typeof v === 'number') return `n${round15(v)}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  if (isError(v)) return `x${v.code}`;
  return `t${v.toLowerCase()}`;
};

const wildcardRe = (pattern: string): RegExp => {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '~' && i + 1 < pattern.length) re += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
};

const numberOperand = (s: string): number | undefined => {
  const t = s.trim();
  if (t === '') return undefined;
  const iso = serialFromIso(t);
  if (iso !== undefined) return iso;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

const compareOp = (op: string, c: number): boolean =>
  op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : op === '>=' ? c >= 0 : op === '<>' ? c !== 0 : c === 0;

/** Parses a criterion value. */
export const parseCriterion = (crit: Scalar): Criterion => {
  if (isError(crit)) return { test: () => false };
  if (typeof crit === 'number' || typeof crit === 'boolean' || crit === null) {
    const key = cellKey(crit === null ? '' : crit);
    return { key, test: (v) => cellKey(v) === key };
  }
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(crit);
  const op = m?.[1] ?? '=';
  const operand = m?.[2] ?? '';
  const num = numberOperand(operand);
  if (num !== undefined) {
    if (op === '=') return { key: cellKey(num), test: (v) => typeof v === 'number' && compare15(v, num) === 0 };
    if (op === '<>') return { test: (v) => !(typeof v === 'number' && compare15(v, num) === 0) };
    return { test: (v) => typeof v === 'number' && compareOp(op, compare15(v, num)) };
  }
  if (op === '=' || op === '<>') {
    const re = /[*?~]/.test(operand) ? wildcardRe(operand) : null;
    const lowered = operand.toLowerCase();
    const eq = (v: Scalar): boolean => {
      if (operand === '') return v === null || v === '';
      if (typeof v !== 'string') return false;
      return re ? re.test(v) : v.toLowerCase() === lowered;
    };
    if (op === '<>') return { test: (v) => !eq(v) };
    if (re) return { test: eq };
    return { key: cellKey(operand), test: eq };
  }
  const lower = operand.toLowerCase();
  return {
    test: (v) => typeof v === 'string' && compareOp(op, v.toLowerCase() < lower ? -1 : v.toLowerCase() > lower ? 1 : 0),
  };
};
