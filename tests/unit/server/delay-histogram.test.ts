import { describe, expect, test } from 'vitest';
import { DelayHistogram, delayMax, delayPercentile } from '../../../server/relay/delay-histogram.ts';

describe('relay delay histogram', () => {
  test('counts delays by bucket and reads percentiles from the difference of two readings', () => {
    const h = new DelayHistogram();
    for (let i = 0; i < 500; i++) h.record(30); // before: slow ones
    const before = h.toJSON();
    for (let i = 0; i < 98; i++) h.record(0.4);
    h.record(3);
    h.record(120);
    const after = h.toJSON();
    expect(after['≤1']).toBe(98);
    expect(after['≤50']).toBe(500);
    expect(after['>500']).toBe(0);
    expect(delayPercentile(before, after, 50)).toBe(1);
    expect(delayPercentile(before, after, 99)).toBe(5);
    expect(delayPercentile(before, after, 100)).toBe(200);
    // The worst between the readings: the 120 ms one, not the older 30 ms ones.
    expect(delayMax(before, after)).toBe(200);
    expect(delayMax(after, after)).toBe(0);
  });
});
