/**
 * The formatter writes numbers without Intl, so that every runtime writes the same characters; on
 * what Intl and ICU agree on everywhere (English digits, grouping and rounding of the shortest
 * decimal form), it writes exactly what Intl writes. Seeded; the seed prints on failure.
 */
import { describe, expect, test } from 'vitest';
import { compactText, currencyText, decimalText, generalText } from '../../../src/schema/index.ts';
import { seededRandom } from '../../support/random.ts';

const SEED = 20_271;

/** Random numbers of every size, a third of them with two decimals (money). */
const numbers = (count: number): number[] => {
  const rnd = seededRandom(SEED);
  const out = [0, 1.005, 1.015, 2.5, -2.5, 0.5, 99.995, 999_999.5, 1e21, 1e-7, 123_456_789.125];
  for (let i = 0; i < count; i++) {
    const v = (rnd.next() - 0.5) * 10 ** (rnd.int(24) - 10);
    out.push(rnd.chance(0.3) ? Math.round(v * 100) / 100 : v);
  }
  return out;
};

/** Intl writes -0 for a negative value that rounds to zero; the formatter writes no sign there. */
const unsigned = (s: string): string => s.replace(/^-(?=[0.,]*%?$)/, '');

describe('numbers as text, without Intl', () => {
  test(`decimals and percentages match Intl "en" for 5,000 numbers (seed ${SEED})`, { timeout: 60_000 }, () => {
    const styles = ([[0, 6], [2, 2], [0, 0], [1, 1]] as const).map(([min, max]) => ({
      min,
      max,
      plain: new Intl.NumberFormat('en', { minimumFractionDigits: min, maximumFractionDigits: max }),
      percent: new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: min, maximumFractionDigits: max }),
    }));
    for (const v of numbers(5000)) {
      for (const { min, max, plain, percent } of styles) {
        expect(decimalText(v, { min, max }), `${v} ${min}-${max}`).toBe(unsigned(plain.format(v)));
        expect(`${decimalText(v, { min, max, shift: 2 })}%`, `${v} % ${min}-${max}`).toBe(unsigned(percent.format(v)));
      }
    }
  });

  test(`short forms of big numbers match Intl's compact notation in both languages (seed ${SEED})`, { timeout: 60_000 }, () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const intl = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 });
      for (const v of numbers(3000).filter((n) => Math.abs(n) >= 10_000)) expect(compactText(v, locale, { max: 2 }), `${locale} ${v}`).toBe(intl.format(v));
    }
  });

  test.each([
    ['the sign before the symbol; Node 20 Intl would write CN¥', () => currencyText(-1234.5, 'CNY', { min: 2, max: 2 }), '-¥1,234.50'],
    ['an amount that rounds to zero has no sign', () => currencyText(-0.001, 'USD', { min: 2, max: 2 }), '$0.00'],
    ['rounding works on the decimal a person wrote, not its binary neighbour', () => decimalText(1.005, { max: 2 }), '1.01'],
    ['Excel General: ten significant digits', () => generalText(1 / 3), '0.3333333333'],
    ['tiny numbers keep their exponent', () => generalText(-1e-7), '-1e-7'],
    ['grouped', () => generalText(1234567.891), '1,234,567.891'],
    ['万 and 亿 in Chinese', () => compactText(3_200_000, 'zh-CN', { max: 2 }), '320万'],
    ['a value that rounds up to the next unit takes it', () => compactText(999_999, 'en', { max: 2 }), '1M'],
  ] as const)('%s', (_why, write, text) => {
    expect(write()).toBe(text);
  });
});
