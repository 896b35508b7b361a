/** People present get colours far enough apart to tell them apart, the same in every browser. */
import { describe, expect, test } from 'vitest';
import { PRESENCE_COLORS } from '../../../src/sync/identity.ts';
import { colorDistance, presenceColors, TOO_CLOSE } from '../../../src/sync/presence-colors.ts';
import { seededRandom } from '../../support/random.ts';

const apart = (colors: Iterable<string>): number => {
  const list = [...colors];
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) min = Math.min(min, colorDistance(list[i] ?? '', list[j] ?? ''));
  return min;
};

describe('presence colours', () => {
  test('the palette’s colours are far apart (the two oranges it once had were ΔE 7.7)', () => {
    expect(apart(PRESENCE_COLORS)).toBeGreaterThanOrEqual(TOO_CLOSE);
    expect(colorDistance('#d9480f', '#e8590c')).toBeLessThan(TOO_CLOSE);
    expect(colorDistance('#ffffff', '#ffffff')).toBe(0);
  });

  test('distinct choices are kept as chosen', () => {
    const m = presenceColors([
      { userId: 'u-ana', color: '#d9480f' },
      { userId: 'u-bo', color: '#2b8a3e' },
    ]);
    expect(m).toEqual(new Map([['u-ana', '#d9480f'], ['u-bo', '#2b8a3e']]));
  });

  test('almost the same orange twice: the first by id keeps it, the other gets a colour far from it', () => {
    const m = presenceColors([
      { userId: 'u-bo', color: '#e8590c' },
      { userId: 'u-ana', color: '#d9480f' },
      { userId: 'u-cy', color: '#d9480f' },
      { userId: 'u-di', color: '#2b8a3e' },
    ]);
    expect(m.get('u-ana')).toBe('#d9480f');
    expect(m.get('u-di')).toBe('#2b8a3e');
    expect(apart(m.values())).toBeGreaterThanOrEqual(TOO_CLOSE);
  });

  test('every browser gets the same answer whatever order it sees people in; one person with two tabs is one person', () => {
    const people = [
      { userId: 'u-ana', color: '#d9480f' },
      { userId: 'u-bo', color: '#d9480f' },
      { userId: 'u-cy', color: 'red' },
      { userId: 'u-ana', color: '#d9480f' },
    ];
    const a = presenceColors(people);
    const b = presenceColors([...people].reverse());
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    expect(a.size).toBe(3);
    // A colour that is not #rrggbb (from a peer) is replaced by a palette colour.
    expect(PRESENCE_COLORS).toContain(a.get('u-cy'));
  });

  test('random groups of up to the palette’s size are always far apart (seeded; the seed is printed on failure)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = seededRandom(seed);
      const n = 1 + rnd.int(PRESENCE_COLORS.length);
      const people = Array.from({ length: n }, (_, i) => ({ userId: `u-${seed}-${i}-${rnd.int(1000)}`, color: rnd.pick([...PRESENCE_COLORS, '#e8590c', '#d9480e']) }));
      const m = presenceColors(people);
      expect(apart(m.values()), `seed ${seed}`).toBeGreaterThanOrEqual(TOO_CLOSE);
    }
  });
});
