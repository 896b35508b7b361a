/**
 * States the templates' formulas give as text where a number is computed: a test that is not ready
 * is not an error. A formula's value is one text, in English (what the CLI and a raw CSV export
 * write); the app shows a known state in the person's language (`stateText`, through `cellText`).
 */
import type { Locale } from '../src/schema/types.ts';

/** An A/B test with too few conversions (or non-conversions) for the z-test's normal approximation. */
export const NEEDS_CONVERSIONS = 'needs ≥ 10 conversions';

/** Each state's words in the other languages, by its English text (a Map: a cell's text is never looked up on a prototype). */
const STATES: ReadonlyMap<string, Readonly<Record<Exclude<Locale, 'en'>, string>>> = new Map([[NEEDS_CONVERSIONS, { 'zh-CN': '需要 ≥ 10 次转化' }]]);

/** A state text of a template in `locale`; any other text as it is. */
export const stateText = (text: string, locale: Locale): string => (locale === 'en' ? text : (STATES.get(text)?.[locale] ?? text));
