/**
 * Where small overlays go so that they stay on screen and off what they talk about: a message
 * under a cell is moved left rather than running off the right edge; a toast about cells just
 * pasted goes to a corner of the window where it does not cover them. Screen geometry only
 * (numbers in CSS pixels): the UI measures, this decides.
 *
 * @example
 *   shiftInto(900, 360, 0, 1024) // → -236: moved left so that its right edge is at 1024
 *   toastCorner(pasted, { width: 440, height: 60 }, { width: 1280, height: 720 }, insets) // 'bottom-left'
 */

/** A rectangle on screen. */
export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A size on screen. */
export interface ScreenSize {
  width: number;
  height: number;
}

/** A corner of the window a toast stack can sit in; the first is where it goes by default. */
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** The corners in the order they are tried. */
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/** How far a toast stack keeps from the window's edges (the header above, the tabs below). */
export interface CornerInsets {
  side: number;
  top: number;
  bottom: number;
}

/**
 * How far to move something that starts at `start` and is `size` long so that it lies within
 * [min, max]: 0 when it fits; negative to move it back; when it is longer than the room, its
 * start goes to `min` (its beginning is what is read first).
 */
export const shiftInto = (start: number, size: number, min: number, max: number): number => {
  if (start + size > max) return Math.max(min, max - size) - start;
  if (start < min) return min - start;
  return 0;
};

/** The box a stack of `size` takes in `corner` of a window of `viewport`. */
export const cornerBox = (corner: Corner, size: ScreenSize, viewport: ScreenSize, insets: CornerInsets): ScreenBox => {
  const width = Math.min(size.width, Math.max(0, viewport.width - 2 * insets.side));
  const left = corner.endsWith('right') ? viewport.width - insets.side - width : insets.side;
  const top = corner.startsWith('bottom') ? viewport.height - insets.bottom - size.height : insets.top;
  return { left, top, width, height: size.height };
};

/** The area two boxes share (0 when they do not meet). */
export const overlapArea = (a: ScreenBox, b: ScreenBox): number => {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
};

/**
 * The first corner (in CORNERS order) where a toast stack of `size` covers nothing of `avoid`;
 * when every corner would, the one covering least of it.
 */
export const toastCorner = (avoid: ScreenBox | null, size: ScreenSize, viewport: ScreenSize, insets: CornerInsets): Corner => {
  if (!avoid) return 'bottom-right';
  let best: Corner = 'bottom-right';
  let least = Number.POSITIVE_INFINITY;
  for (const corner of CORNERS) {
    const covered = overlapArea(cornerBox(corner, size, viewport, insets), avoid);
    if (covered === 0) return corner;
    if (covered < least) [best, least] = [corner, covered];
  }
  return best;
};

/** The smallest box holding all of `boxes`, cut to `within`; null when nothing of it is inside. */
export const boundingBox = (boxes: readonly ScreenBox[], within: ScreenBox): ScreenBox | null => {
  if (boxes.length === 0) return null;
  const left = Math.max(within.left, Math.min(...boxes.map((b) => b.left)));
  const top = Math.max(within.top, Math.min(...boxes.map((b) => b.top)));
  const right = Math.min(within.left + within.width, Math.max(...boxes.map((b) => b.left + b.width)));
  const bottom = Math.min(within.top + within.height, Math.max(...boxes.map((b) => b.top + b.height)));
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
};
