/**
 * The checkers of src/schema/stored, one table per kind of record: what a peer can write into the
 * document (wrong kinds, unknown words, prototype keys, huge text, missing parts) reads as a usable
 * record with the wrong part replaced, or as nothing, and never throws.
 */
import { generateKeyBetween } from 'fractional-indexing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  cellProblem,
  describeStoredProblem,
  isOrderKey,
  isRecordId,
  isStoredCell,
  ownFields,
  readChart,
  readColumn,
  readLogEntry,
  readRule,
  readSeenMark,
  readSettings,
  readSheetMeta,
  readTile,
  type StoredProblem,
} from '../../../src/schema/stored/index.ts';

/** A field reader over a plain record, as the model reads a Y.Map. */
const fields = (r: Record<string, unknown>) => ownFields(r);
/** An object whose prototype is what a stored `{"__proto__": …}` decodes to. */
const withProto = (proto: object, own: Record<string, unknown> = {}): object => Object.assign(Object.create(proto) as object, own);
const codes = (problems: StoredProblem[]) => problems.map((p) => `${p.code}:${p.field}`);

describe('settings', () => {
  test.each([
    ['good settings', { name: 'Plan', currency: 'USD', locale: 'zh-CN' }, { name: 'Plan', currency: 'USD', locale: 'zh-CN' }, []],
    ['nothing stored (a new document)', {}, { name: 'Untitled workbook', currency: 'CNY', locale: 'en' }, []],
    ['locale "__proto__"', { name: 'Plan', locale: '__proto__' }, { name: 'Plan', currency: 'CNY', locale: 'en' }, ['unknown:locale']],
    ['name as an object with toString', { name: { toString: 1 } }, { name: 'Untitled workbook', currency: 'CNY', locale: 'en' }, ['type:name']],
    ['unknown currency', { currency: 'XBT' }, { name: 'Untitled workbook', currency: 'CNY', locale: 'en' }, ['unknown:currency']],
    ['a 1 MB name', { name: 'x'.repeat(1 << 20) }, { name: 'Untitled workbook', currency: 'CNY', locale: 'en' }, ['tooLong:name']],
    ['a forged schema field is not read', { schema: 999 }, { name: 'Untitled workbook', currency: 'CNY', locale: 'en' }, []],
  ])('%s', (_what, stored, value, problems) => {
    const r = readSettings(fields(stored));
    expect(r.value).toEqual(value);
    expect(codes(r.problems)).toEqual(problems);
  });
});

describe('sheets', () => {
  test.each([
    ['good sheet', 'p1', { name: 'Products', kind: 'products', order: 'a1', labels: { en: 'Products', 'zh-CN': '商品' } }, 'Products', []],
    ['name {toString:1}', 'p1', { name: { toString: 1 }, kind: 'custom', order: 'a1' }, 'Sheet p1', ['type:name']],
    ['empty name', 'p1', { name: '  ', order: 'a1' }, 'Sheet p1', ['missing:name']],
    ['kind a number, labels a list', 'p1', { name: 'A', kind: 7, labels: ['x'], order: 'a1' }, 'A', ['type:kind', 'type:labels']],
    ['order key an object', 'p1', { name: 'A', order: { toString: 1 } }, 'A', ['type:order']],
    ['order key in no key form', 'p1', { name: 'A', order: 'a' }, 'A', ['format:order']],
  ])('%s', (_what, id, stored, name, problems) => {
    const r = readSheetMeta(id, fields(stored));
    expect(r.value?.info.name).toBe(name);
    expect(codes(r.problems)).toEqual(problems);
  });

  test.each(['__proto__', 'constructor', 'prototype', 'has space', '', 'x'.repeat(65)])('a sheet stored under "%s" is not shown', (id) => {
    expect(readSheetMeta(id, fields({ name: 'A', order: 'a1' })).value).toBeUndefined();
    expect(isRecordId(id)).toBe(false);
  });

  test('labels keep known languages only and never a prototype', () => {
    const r = readSheetMeta('p1', fields({ name: 'A', order: 'a1', labels: withProto({ en: 'inherited' }, { 'zh-CN': '甲', fr: 'A' }) }));
    // The prototype makes it no plain record: the labels are dropped, not inherited.
    expect(r.value?.info.labels).toBeUndefined();
    const plain = readSheetMeta('p1', fields({ name: 'A', order: 'a1', labels: { 'zh-CN': '甲', fr: 'A' } }));
    expect(plain.value?.info.labels).toEqual({ 'zh-CN': '甲' });
    expect(plain.problems).toEqual([]);
  });
});

describe('columns', () => {
  const good = { name: 'Price', type: 'currency', options: { currency: 'USD', precision: 2, width: 120 }, order: 'a1', formula: '=[#c1]*2' };
  test('a good column reads as stored', () => {
    const r = readColumn('c2', fields(good));
    expect(r.value?.column).toEqual({ id: 'c2', name: 'Price', type: 'currency', options: { currency: 'USD', precision: 2, width: 120 }, formula: '=[#c1]*2' });
    expect(r.problems).toEqual([]);
  });
  test.each([
    ['unknown type', { ...good, type: 'money' }, false, ['unknown:type']],
    ['type missing', { ...good, type: undefined }, false, ['missing:type']],
    ['type as a record', { ...good, type: { toString: 1 } }, false, ['type:type']],
    ['options a string', { ...good, options: 'x' }, true, ['type:options']],
    ['precision 99 and width -1', { ...good, options: { precision: 99, width: -1 } }, true, ['range:options.precision', 'range:options.width']],
    ['choices with a number in them', { ...good, type: 'choice', options: { choices: ['a', 3, 'b'] } }, true, ['type:options.choices[1]']],
    ['refSheet "__proto__"', { ...good, options: { refSheet: '__proto__' } }, true, ['badKey:options.refSheet']],
    ['formula a number', { ...good, formula: 5 }, true, ['type:formula']],
    ['hidden and wrap as texts', { ...good, options: { hidden: 'yes', wrap: 1 } }, true, ['type:options.hidden', 'type:options.wrap']],
    ['name a 200-character text', { ...good, name: 'n'.repeat(200) }, true, ['tooLong:name']],
  ])('%s', (_what, stored, shown, problems) => {
    const r = readColumn('c2', fields(stored));
    expect(r.value !== undefined).toBe(shown);
    expect(codes(r.problems)).toEqual(problems);
  });
  test('a bad option leaves the good ones', () => {
    const r = readColumn('c2', fields({ ...good, type: 'choice', options: { choices: ['a', 3, 'b'], width: 'wide', pinned: true } }));
    expect(r.value?.column.options).toEqual({ choices: ['a', 'b'], pinned: true });
  });
  test('a hidden column and a wrapped one read back as stored', () => {
    const r = readColumn('c2', fields({ ...good, options: { hidden: true, wrap: true, width: 'wide' } }));
    expect(r.value?.column.options).toEqual({ hidden: true, wrap: true });
  });
});

describe('cell values', () => {
  test.each([
    [null, true],
    ['text', true],
    [12.5, true],
    [false, true],
    [{ f: '=1+1' }, true],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [undefined, false],
    [10n, false],
    [['list'], false],
    [{ toString: 1 }, false],
    [{ f: 5 }, false],
    [withProto({ f: '=1' }), false],
    [new Uint8Array([1]), false],
    ['x'.repeat(400_000), true],
  ])('case %# is a stored cell: %s', (v, ok) => {
    expect(isStoredCell(v)).toBe(ok);
  });

  test.each([
    ['number', 'abc', 'type:value'],
    ['integer', 1.5, 'type:value'],
    ['date', '2026-13-40', 'format:value'],
    ['date', 20260101, 'type:value'],
    ['boolean', 'yes', 'type:value'],
    ['text', 5, 'type:value'],
    ['text', { f: 'no equals sign' }, 'format:value'],
    ['currency', { nested: { deeper: [1] } }, 'type:value'],
  ] as const)('a %s column holding case %#: %s', (type, v, problem) => {
    const p = cellProblem({ type }, v);
    expect(p && `${p.code}:${p.field}`).toBe(problem);
    expect(p && describeStoredProblem(p)).toBeTruthy();
  });

  test.each([
    ['number', 3],
    ['date', '2026-02-28'],
    ['choice', 'not among the choices'],
    ['text', { f: '=1' }],
    ['boolean', null],
  ] as const)('a %s column holding %j is fine', (type, v) => {
    expect(cellProblem({ type }, v)).toBeNull();
  });
});

describe('rules, charts, tiles', () => {
  const rule = { name: 'Below cost', when: '=[#p] < [#c]', level: 'error', message: 'Price below cost', columns: ['p'] };
  test.each([
    ['good rule', rule, true, []],
    ['unknown level', { ...rule, level: 'fatal' }, false, ['unknown:level']],
    ['condition without "="', { ...rule, when: 'TRUE' }, false, ['format:when']],
    ['columns not a list', { ...rule, columns: 'p' }, true, ['type:columns']],
    ['a list as the rule', [rule], false, ['type:rule']],
  ])('rule: %s', (_what, stored, shown, problems) => {
    const r = readRule('r1', stored);
    expect(r.value !== undefined).toBe(shown);
    expect(codes(r.problems)).toEqual(problems);
  });

  const chart = { title: 'Margin', kind: 'bar', x: 'sku', series: [{ column: 'm', aggregate: 'sum' }], filters: [] };
  test.each([
    ['good chart', chart, true, []],
    ['unknown kind', { ...chart, kind: 'radar' }, false, ['unknown:kind']],
    ['no series', { ...chart, series: [] }, false, ['missing:series']],
    ['one bad series of two', { ...chart, series: [{ column: 'm', aggregate: 'median' }, { column: 'n', aggregate: 'sum' }] }, true, ['unknown:series[0].aggregate']],
    ['a bad filter', { ...chart, filters: [{ column: 'm', op: 'like' }] }, true, ['unknown:filters[0].op']],
    ['threshold not a number', { ...chart, threshold: { value: '10', label: 'x' } }, true, ['type:threshold.value']],
  ])('chart: %s', (_what, stored, shown, problems) => {
    const r = readChart('ch1', stored);
    expect(r.value !== undefined).toBe(shown);
    expect(codes(r.problems)).toEqual(problems);
  });

  test.each([
    ['good tile', { sheetId: 's1', order: 'a0', w: 2, h: 1 }, { w: 2, h: 1 }, []],
    ['size out of range', { sheetId: 's1', order: 'a0', w: 9, h: 0 }, { w: 2, h: 1 }, ['range:w', 'range:h']],
    ['a string as the tile', 'tile', undefined, ['type:tile']],
    ['sheet id "__proto__"', { sheetId: '__proto__', order: 'a0', w: 1, h: 1 }, undefined, ['badKey:sheetId']],
  ])('tile: %s', (_what, stored, size, problems) => {
    const r = readTile('ch1', stored);
    expect(r.value ? { w: r.value.tile.w, h: r.value.tile.h } : undefined).toEqual(size);
    expect(codes(r.problems)).toEqual(problems);
  });
});

describe('history entries', () => {
  const edit = { id: '7.3', s: 's1', k: 'r1 c1', v: 5, u: 'u-ana', n: 'Ana', t: 1, p: null };
  test.each([
    ['good edit', edit, true],
    ['value an object', { ...edit, v: { toString: 1 } }, false],
    ['value missing', { ...edit, v: undefined }, false],
    ['name a number', { ...edit, n: 5 }, false],
    ['good bulk', { id: '7.9', s: 's1', b: 'rows', count: 3, c: 7, from: 0, to: 9, u: 'u', n: 'A', t: 2 }, true],
    ['bulk of an unknown kind', { id: '7.9', s: 's1', b: 'everything', count: 3, c: 7, from: 0, to: 9, u: 'u', n: 'A', t: 2 }, false],
  ])('%s', (_what, stored, ok) => {
    expect(readLogEntry(stored).value !== undefined).toBe(ok);
  });
  test('a name past 200 characters is cut there, whole characters only; the entry stays', () => {
    expect(readLogEntry({ ...edit, n: 'n'.repeat(50_000) }).value?.n).toBe('n'.repeat(200));
    // An emoji across the cut (two UTF-16 units) is left out whole.
    expect(readLogEntry({ ...edit, n: `${'n'.repeat(199)}😀tail` }).value?.n).toBe('n'.repeat(199));
    expect(readSeenMark({ s: 's1', k: 'r c', u: 'u', n: 'm'.repeat(300), t: 1 }).value?.n).toBe('m'.repeat(200));
  });
  test('a seen mark with a prototype is ignored', () => {
    expect(readSeenMark(withProto({ s: 's1', k: 'r c', u: 'u', n: 'n', t: 1 })).value).toBeUndefined();
    expect(readSeenMark({ s: 's1', k: 'r c', u: 'u', n: 'n', t: 1 }).value).toBeDefined();
  });
});

describe('order keys', () => {
  /** What fractional-indexing itself takes as a key. */
  const packageTakes = (key: string): boolean => {
    try {
      generateKeyBetween(key, null);
      return true;
    } catch {
      return false;
    }
  };
  test('every key isOrderKey takes, fractional-indexing takes; every key the package makes, isOrderKey takes', () => {
    fc.assert(
      // The package itself does not look at the digits (it takes "S" and eight spaces): ours is stricter.
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[A-Za-z][0-9A-Za-z]{0,29}$/)), (key) => !isOrderKey(key) || packageTakes(key)),
      { seed: 16, numRuns: 3000 },
    );
    let k: string | null = null;
    let lo = 'a0';
    for (let i = 0; i < 500; i++) {
      k = generateKeyBetween(k, null);
      lo = generateKeyBetween(null, lo);
      expect(isOrderKey(k) && isOrderKey(lo) && isOrderKey(generateKeyBetween(lo, k))).toBe(true);
    }
  });
});
