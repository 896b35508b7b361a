import { describe, expect, test } from 'vitest';
import { extendBy, inRect, rectOf, rectSize, rowSelection, sameSelection, single } from '../../../src/app/selection.ts';

describe('the selected range', () => {
  test('a selection made upwards and leftwards covers the same rectangle', () => {
    const r = rectOf({ anchor: { row: 5, col: 3 }, focus: { row: 2, col: 1 } });
    expect(r).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(rectSize(r)).toBe(12);
    expect(inRect(r, 4, 2)).toBe(true);
    expect(inRect(r, 6, 2)).toBe(false);
  });

  test('Shift+arrows move the far corner and stop at the edges', () => {
    let s = single({ row: 0, col: 0 });
    s = extendBy(s, -1, 0, 10, 4);
    expect(s.focus).toEqual({ row: 0, col: 0 });
    s = extendBy(extendBy(s, 1, 0, 10, 4), 0, 9, 10, 4);
    expect(s).toEqual({ anchor: { row: 0, col: 0 }, focus: { row: 1, col: 3 }, rows: undefined });
  });

  test('whole rows span every column', () => {
    expect(rectOf(rowSelection(4, 2, 6))).toEqual({ top: 2, bottom: 4, left: 0, right: 5 });
    expect(sameSelection(rowSelection(1, 1, 3), rowSelection(1, 1, 3))).toBe(true);
    expect(sameSelection(rowSelection(1, 1, 3), single({ row: 1, col: 0 }))).toBe(false);
  });
});
