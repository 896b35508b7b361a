/**
 * The colour each person present is shown in: the one they chose, unless it is the same or almost
 * the same as that of someone before them (people in the order of their ids), who keeps theirs;
 * then the first palette colour, from a place fixed by their id, that is far from every colour
 * kept or given so far. Every browser in the workbook sees the same people, so every browser shows the
 * same colours; ids and choices are kept in each browser, so a reload changes nothing.
 *
 * @example
 *   presenceColors([{ userId: 'u-ana', color: '#d9480f' }, { userId: 'u-bo', color: '#e8590c' }])
 *   // → Map { 'u-ana' → '#d9480f', 'u-bo' → another palette colour, far from orange }
 */
import { PRESENCE_COLORS } from './identity.ts';

/** Someone present and the colour they chose. */
export interface Present {
  userId: string;
  color: string;
}

/** Below this CIE76 ΔE two colours read as the same person at a glance (the two oranges were 7.7). */
export const TOO_CLOSE = 20;

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A #rrggbb colour in CIE L*a*b* (sRGB, D65). */
const lab = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r = 0, g = 0, b = 0] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
};

/** How different two #rrggbb colours look (CIE76 ΔE: 0 the same, about 2.3 just noticeable). */
export const colorDistance = (a: string, b: string): number => {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

/** A number fixed by an id (FNV-1a), to start each person's palette search at their own place. */
const idHash = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/** The colour that stands furthest from all of `taken` (the first of the best, from `start`). */
const farthest = (taken: readonly string[], start: number): string => {
  let best: string = PRESENCE_COLORS[0];
  let bestGap = -1;
  for (let k = 0; k < PRESENCE_COLORS.length; k++) {
    const c = PRESENCE_COLORS[(start + k) % PRESENCE_COLORS.length] ?? best;
    const gap = Math.min(Number.POSITIVE_INFINITY, ...taken.map((t) => colorDistance(c, t)));
    if (gap >= TOO_CLOSE) return c;
    if (gap > bestGap) [best, bestGap] = [c, gap];
  }
  return best;
};

/** The colour to show each person in, by user id (one person with two tabs is one person). */
export const presenceColors = (people: readonly Present[]): Map<string, string> => {
  const wanted = new Map<string, string>();
  for (const p of people) if (!wanted.has(p.userId)) wanted.set(p.userId, p.color);
  const ids = [...wanted.keys()].sort();
  const out = new Map<string, string>();
  const taken: string[] = [];
  // First everyone whose choice stands apart keeps it, so a new colour never takes someone's own.
  for (const id of ids) {
    const want = wanted.get(id) ?? '';
    if (HEX.test(want) && taken.every((t) => colorDistance(want, t) >= TOO_CLOSE)) {
      out.set(id, want);
      taken.push(want);
    }
  }
  for (const id of ids) {
    if (out.has(id)) continue;
    const color = farthest(taken, idHash(id) % PRESENCE_COLORS.length);
    out.set(id, color);
    taken.push(color);
  }
  return out;
};
