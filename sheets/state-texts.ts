/**
 * States the templates' formulas give as text: where a number is computed (a test that is not ready
 * is not an error), and the words of a verdict (an A/B test's decision). A formula's value is one
 * text, in English: the key that formulas compare with (`COUNTIF(…, "Ship B")`) and that the CLI and
 * CSV exports write; the app shows a known state in the person's language (`stateText`, through
 * `cellText`, for computed values only).
 */
import type { Locale } from '../src/schema/types.ts';

/** An A/B test with too few conversions (or non-conversions) for the z-test's normal approximation. */
export const NEEDS_CONVERSIONS = 'needs ≥ 10 conversions';

/** An A/B test's decision (the A/B tests sheet's Decision column), by what its numbers say. */
export const DECISIONS = {
  /** Too few conversions to decide. */
  tooLittle: 'Too little data',
  /** B is significantly better. */
  shipB: 'Ship B',
  /** B is significantly worse. */
  keepA: 'Keep A',
  /** Full sample, no significant difference. */
  noDifference: 'No difference',
  /** Not significant yet, sample not reached. */
  keepRunning: 'Keep running',
} as const;

/** Each state's words in the other languages, by its English text (a Map: a cell's text is never looked up on a prototype). */
const STATES: ReadonlyMap<string, Readonly<Record<Exclude<Locale, 'en'>, string>>> = new Map([
  [NEEDS_CONVERSIONS, { 'zh-CN': '需要 ≥ 10 次转化' }],
  [DECISIONS.tooLittle, { 'zh-CN': '数据不足' }],
  [DECISIONS.shipB, { 'zh-CN': '上线 B' }],
  [DECISIONS.keepA, { 'zh-CN': '保留 A' }],
  [DECISIONS.noDifference, { 'zh-CN': '无差异' }],
  [DECISIONS.keepRunning, { 'zh-CN': '继续实验' }],
]);

/** A state text of a template in `locale`; any other text as it is. */
export const stateText = (text: string, locale: Locale): string => (locale === 'en' ? text : (STATES.get(text)?.[locale] ?? text));
