/** Overlays stay on screen and off what they talk about. */
import { describe, expect, test } from 'vitest';
import { boundingBox, cornerBox, overlapArea, shiftInto, toastCorner } from '../../../src/app/overlay-place.ts';

const viewport = { width: 1280, height: 720 };
const insets = { side: 16, top: 16, bottom: 68 };
const toast = { width: 440, height: 80 };

describe('a message under a cell', () => {
  test.each([
    ['fits: stays', 100, 360, 0, 1280, 0],
    ['under the right-most column: moved left until its right edge is the grid’s', 1100, 360, 0, 1280, -180],
    ['starts left of the grid: moved right', -20, 100, 0, 1280, 20],
    ['longer than the room: its start at the left edge', 300, 500, 100, 400, -200],
  ])('%s', (_name, start, size, min, max, shift) => {
    expect(shiftInto(start, size, min, max)).toBe(shift);
    const moved = start + shift;
    if (size <= max - min) expect(moved >= min && moved + size <= max).toBe(true);
  });
});

describe('a toast about cells just pasted', () => {
  test('nothing to avoid, or cells far from the corner: bottom right as always', () => {
    expect(toastCorner(null, toast, viewport, insets)).toBe('bottom-right');
    expect(toastCorner({ left: 50, top: 100, width: 300, height: 100 }, toast, viewport, insets)).toBe('bottom-right');
  });

  test('cells at the bottom right: the toast goes bottom left; a full-width bottom block sends it to the top', () => {
    expect(toastCorner({ left: 900, top: 560, width: 300, height: 60 }, toast, viewport, insets)).toBe('bottom-left');
    expect(toastCorner({ left: 0, top: 560, width: 1280, height: 60 }, toast, viewport, insets)).toBe('top-right');
  });

  test('cells everywhere: the corner that covers least of them', () => {
    const avoid = { left: 0, top: 0, width: 1000, height: 720 };
    expect(toastCorner(avoid, toast, viewport, insets)).toBe('bottom-right');
    expect(overlapArea(cornerBox('bottom-right', toast, viewport, insets), avoid)).toBeLessThan(overlapArea(cornerBox('bottom-left', toast, viewport, insets), avoid));
  });

  test('each corner’s box lies inside the window', () => {
    for (const c of ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const) {
      const b = cornerBox(c, toast, viewport, insets);
      expect(b.left >= 0 && b.top >= 0 && b.left + b.width <= viewport.width && b.top + b.height <= viewport.height).toBe(true);
    }
  });

  test('the cells’ box is cut to the grid; cells out of sight give none', () => {
    const grid = { left: 0, top: 100, width: 800, height: 500 };
    expect(boundingBox([{ left: 700, top: 550, width: 200, height: 30 }, { left: 700, top: 580, width: 200, height: 30 }], grid)).toEqual({ left: 700, top: 550, width: 100, height: 50 });
    expect(boundingBox([{ left: 900, top: 50, width: 10, height: 10 }], grid)).toBeNull();
    expect(boundingBox([], grid)).toBeNull();
  });
});
