/** What the app reads of the relay's answers: the stored size is used only when both numbers are sane. */
import { describe, expect, test } from 'vitest';
import { storedSizeOf } from '../../../src/sync/relay-api.ts';

describe('the stored size the relay tells', () => {
  test.each([
    ['two numbers', 5_000_000, 6_291_456, { bytes: 5_000_000, maxBytes: 6_291_456 }],
    ['an empty workbook', 0, 65_536, { bytes: 0, maxBytes: 65_536 }],
    ['no size recorded yet', null, 6_291_456, undefined],
    ['numbers as text', '5000000', '6291456', undefined],
    ['no limit', 5, 0, undefined],
    ['a negative size', -1, 6_291_456, undefined],
    ['not a number', Number.NaN, 6_291_456, undefined],
    ['an infinite limit', 5, Number.POSITIVE_INFINITY, undefined],
  ])('%s', (_what, bytes, maxBytes, want) => {
    expect(storedSizeOf(bytes, maxBytes)).toEqual(want);
  });
});
