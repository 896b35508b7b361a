/** The "Differences from Excel" list: complete in both languages, and the repo's page is generated from it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCEL_DIFFERENCES } from '../../../src/formula/index.ts';
import { DIFFERENCES_DOC, differencesMarkdown } from '../../tools/differences-doc.ts';

describe('differences from Excel', () => {
  it('says what, why and what to write instead for every difference, in English and Chinese', () => {
    expect(new Set(EXCEL_DIFFERENCES.map((d) => d.id)).size).toBe(EXCEL_DIFFERENCES.length);
    for (const d of EXCEL_DIFFERENCES) {
      for (const part of [d.title, d.what, d.why, d.instead]) {
        expect(part.en.length, d.id).toBeGreaterThan(10);
        expect(part['zh-CN'], d.id).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('lists what issue 18 asks for', () => {
    const ids = EXCEL_DIFFERENCES.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['text-as-number', 'text-vs-number', 'union', 'blank-inputs', 'date-as-text', 'rand']));
  });

  it('docs/differences-from-excel.md is the same list (run npx tsx tests/tools/differences-doc.ts after a change)', () => {
    expect(readFileSync(DIFFERENCES_DOC, 'utf8')).toBe(differencesMarkdown());
  });
});
