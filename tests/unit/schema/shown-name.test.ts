/**
 * The one rule for showing a name another client wrote (cell history, timeline, "seen" marks,
 * presence): nothing in it may reorder the text around it, pose as another name, break the line
 * or cost more than a short name does.
 */
import { describe, expect, test } from 'vitest';
import { CONTROL_OR_BIDI, SHOWN_NAME_MAX, shownName } from '../../../src/schema/shown-name.ts';

describe('shownName', () => {
  test.each([
    { what: 'an English name', raw: 'Alice Smith', shown: 'Alice Smith' },
    { what: 'a Chinese name', raw: '张伟', shown: '张伟' },
    { what: 'a name with accents, emoji and a right-to-left script', raw: 'José 😀 مريم', shown: 'José 😀 مريم' },
    { what: 'a right-to-left override', raw: 'Alice\u202Eevil', shown: 'Aliceevil' },
    { what: 'every bidi embedding and override', raw: '\u202AA\u202BB\u202CC\u202DD\u202EE', shown: 'ABCDE' },
    { what: 'bidi isolates', raw: 'Bob\u2066x\u2067y\u2068z\u2069', shown: 'Bobxyz' },
    { what: 'bidi and Arabic letter marks', raw: '\u200EBob\u200F\u061C', shown: 'Bob' },
    { what: 'zero-width characters posing as another name', raw: 'Al\u200Bi\u200Cc\u200De\u2060\uFEFF', shown: 'Alice' },
    { what: 'a soft hyphen and Hangul fillers', raw: 'Ali\u00ADce\u3164\u115F', shown: 'Alice' },
    { what: 'C0 and C1 controls (a terminal escape, a bell, NEL)', raw: '\u001B[31mEve\u0007\u0085\u009B', shown: '[31mEve' },
    { what: 'a NUL and DEL', raw: 'A\u0000B\u007F', shown: 'AB' },
    { what: 'a newline', raw: 'Alice\nBob', shown: 'Alice Bob' },
    { what: 'tabs, carriage returns and Unicode line/paragraph separators', raw: ' Ana\t\r\n\u2028\u2029Lee ', shown: 'Ana Lee' },
    { what: 'runs of spaces, also around removed characters', raw: 'Ana \u200B  \u3000 Lee', shown: 'Ana Lee' },
    { what: 'an unpaired surrogate', raw: 'Ana\uD800', shown: 'Ana' },
    { what: 'a pile of combining marks', raw: `Z${'\u0301'.repeat(50)}oe`, shown: `Z${'\u0301'.repeat(4)}oe` },
    { what: 'an empty string', raw: '', shown: '' },
    { what: 'only invisible characters and spaces', raw: ' \u200B\u202E\n ', shown: '' },
    { what: 'a number', raw: 42, shown: '' },
    { what: 'null', raw: null, shown: '' },
    { what: 'undefined', raw: undefined, shown: '' },
    { what: 'an object', raw: { toString: () => 'Alice' }, shown: '' },
  ])('$what', ({ raw, shown }) => {
    expect(shownName(raw)).toBe(shown);
  });

  test('a name of exactly the maximum is shown whole; a longer one is cut to the maximum, ending in "…"', () => {
    const exact = 'a'.repeat(SHOWN_NAME_MAX);
    expect(shownName(exact)).toBe(exact);
    expect(shownName(`${exact}b`)).toBe(`${'a'.repeat(SHOWN_NAME_MAX - 1)}…`);
    // By characters, not UTF-16 units: 64 emoji are 128 units and still fit.
    const emoji = '😀'.repeat(SHOWN_NAME_MAX);
    expect(shownName(emoji)).toBe(emoji);
    expect([...shownName('张'.repeat(1000))]).toHaveLength(SHOWN_NAME_MAX);
  });

  test('a name of 50,000 characters is cut without reading it all, and never splits a character', () => {
    expect(shownName('😀'.repeat(25_000))).toBe(`${'😀'.repeat(SHOWN_NAME_MAX - 1)}…`);
    // Only a short prefix is read: hidden characters up front leave nothing to show, not the rest of the name.
    expect(shownName(`${'\u200B'.repeat(50_000)}Mallory`)).toBe('');
    expect(shownName(`Mallory${' '.repeat(50_000)}x`)).toBe('Mallory…');
  });

  test('the relay refuses what the rule drops as control or bidi characters, and nothing a normal name holds', () => {
    for (const c of ['\n', '\u0000', '\u001B', '\u0085', '\u202E', '\u2066', '\u200F', '\u061C']) expect(CONTROL_OR_BIDI.test(`a${c}b`)).toBe(true);
    for (const name of ['Alice Smith', '张伟', 'José 😀 مريم']) expect(CONTROL_OR_BIDI.test(name)).toBe(false);
  });
});
