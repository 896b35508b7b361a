/** Wrapped text: how many lines a cell's text takes at a width (each character 10 px wide here). */
import { describe, expect, test } from 'vitest';
import { wrappedLineCount } from '../../../src/app/wrap-lines.ts';

const measure = (s: string): number => s.length * 10;

describe('wrapped line count', () => {
  test.each([
    ['empty text', '', 100, 1],
    ['a word that fits', 'mug', 100, 1],
    ['words that fit on one line', 'blue mug', 100, 1],
    ['a word that does not fit moves to the next line', 'ceramic mug', 100, 2],
    ['exactly the width', 'abcd efghi', 100, 1],
    ['three lines of words', 'aaaa bbbb cccc dddd eeee', 100, 3],
    ['a word longer than a line breaks inside it', 'x'.repeat(25), 100, 3],
    ['a word exactly two lines long', 'x'.repeat(20), 100, 2],
    ['a long word after a short one', `ab ${'x'.repeat(15)}`, 100, 3],
    ['line breaks in the text count', 'one\ntwo\n\nfour', 100, 4],
    ['no room at all', 'anything', 0, 1],
  ])('%s', (_what, text, width, lines) => {
    expect(wrappedLineCount(text, width, measure)).toBe(lines);
  });

  test('a very long text stops at the most lines a row shows', () => {
    expect(wrappedLineCount('word '.repeat(10_000), 100, measure, 20)).toBe(20);
  });
});
