/** A backup imported as a new workbook is named as a restored copy, never as its original. */
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { nameRestoredCopy, restoredName } from '../../../src/app/restored-copy.ts';

const en = (day: string) => ` (restored ${day})`;

describe('restored copy: its name says it is a copy and when it was restored', () => {
  test('the name gets the restore date after it, in the words given', () => {
    expect(restoredName('Shop plan', '2026-12-05', en)).toBe('Shop plan (restored 2026-12-05)');
    expect(restoredName('店铺计划', '2026-12-05', (d) => `（恢复于 ${d}）`)).toBe('店铺计划（恢复于 2026-12-05）');
  });

  test('a long name is shortened so the whole fits the 100 characters a name may have', () => {
    const name = restoredName('x'.repeat(100), '2026-12-05', en);
    expect([...name]).toHaveLength(100);
    expect(name.endsWith(' (restored 2026-12-05)')).toBe(true);
    // Cut between characters, never inside one (an emoji is two UTF-16 units).
    expect(restoredName('🎉'.repeat(99), '2026-12-05', en)).toBe(`${'🎉'.repeat(78)} (restored 2026-12-05)`);
  });

  test('the workbook itself is renamed (as one change in the document), dated by the local day', () => {
    const wb = Workbook.create({ name: 'Demo shop — ops plan' });
    const name = nameRestoredCopy(wb, en, new Date(2026, 11, 5, 23, 59));
    expect(name).toBe('Demo shop — ops plan (restored 2026-12-05)');
    expect(Workbook.load(wb.encode()).settings.name).toBe(name);
  });
});
