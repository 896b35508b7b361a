/** Table tests of formulas against published values: `[formula, expected, type?, digits?]`, one test each. */
import { describe, expect, it } from 'vitest';
import { evaluateInWorkbook, type FormulaSource } from '../../../src/formula/index.ts';

/** [formula, expected value (numbers compared to `digits` decimals; "#…" an error code), expected type] */
export type Case = [string, string | number | boolean | null, string?, number?];

/** A describe block checking each case against `source`. */
export const table = (source: FormulaSource) => (name: string, cases: Case[]) =>
  describe(name, () => {
    it.each(cases)('%s → %s', (formula, want, type, digits) => {
      const got = evaluateInWorkbook(source, formula);
      if (typeof want === 'string' && want.startsWith('#')) {
        expect(got, JSON.stringify(got)).toMatchObject({ error: want });
        return;
      }
      expect(got, JSON.stringify(got)).toHaveProperty('value');
      if (!('value' in got)) return;
      if (typeof want === 'number') expect(got.value).toBeCloseTo(want, digits ?? 9);
      else expect(got.value).toBe(want);
      if (type) expect(got.type).toBe(type);
    });
  });
