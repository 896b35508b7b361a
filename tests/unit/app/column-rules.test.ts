/**
 * Rules a person puts on a column: a comparison on the column's type or a formula giving TRUE or
 * FALSE, a colour and a message. Checked as typed (in both languages), saved as one undoable edit,
 * shown on the matching cells, and a rule a peer wrote in a shape the app cannot use is set aside.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import type { CalcService } from '../../../src/app/calc-service.ts';
import { columnRules, removeColumnRule, saveColumnRule, type RuleContext } from '../../../src/app/column-rules.ts';
import { comparisonFormula, comparisonOf, type RuleComparison } from '../../../src/app/rule-conditions.ts';
import { Workbook } from '../../../src/model/index.ts';
import { DamageWatch } from '../../../src/model/damage-watch.ts';
import type { FormulaMessage } from '../../../src/formula/index.ts';
import { formulaZhCN } from '../../../src/ui/i18n/formula-zh-CN.ts';
import type { ColumnType } from '../../../src/schema/types.ts';
import { peerWrites } from '../../support/peer-write.ts';

let wb: Workbook;
let calc: CalcService;
let ctx: RuleContext;
const sheet = 'products';
let rows: string[];

beforeEach(() => {
  wb = Workbook.create({ name: 'Plan' });
  wb.addSheet({
    id: sheet,
    name: 'Products',
    columns: [
      { id: 'sku', name: 'SKU', type: 'text', options: { key: true } },
      { id: 'status', name: 'Status', type: 'choice', options: { choices: ['Active', 'Paused', 'Say "hi"'] } },
      { id: 'price', name: 'Price', type: 'currency' },
      { id: 'cost', name: 'Cost', type: 'currency' },
      { id: 'stock', name: 'Stock', type: 'integer' },
      { id: 'margin', name: 'Margin', type: 'percent', formula: '=([#price] - [#cost]) / [#price]' },
      { id: 'launch', name: 'Launch', type: 'date' },
      { id: 'online', name: 'Online', type: 'boolean' },
    ],
  });
  rows = wb.appendRows(sheet, ['sku', 'status', 'price', 'cost', 'stock', 'launch', 'online'], [
    ['A-1', 'Active', 10, 8, 3, '2027-01-05', true],
    ['A-2', 'Paused', 20, 10, 40, '2027-02-10', false],
    ['A-3', 'Say "hi"', 30, 12, null, '2027-03-15', true],
  ]);
  wb.clearHistory();
  calc = engineCalc(wb, () => 'en', { today: '2027-01-10' });
  ctx = { wb, calc, locale: 'en' };
});

/** The rows (by SKU) whose cell of `colId` a rule marks, with the colour. */
const marked = (colId: string): string[] =>
  rows.flatMap((r) => calc.alerts(sheet, r).filter((a) => a.colId === colId).map((a) => `${String(wb.cell(sheet, r, 'sku'))}:${a.color ?? a.level}`));

const save = (colId: string, condition: RuleComparison | { kind: 'formula'; text: string }, more: { id?: string; color?: 'red' | 'amber' | 'green' | 'blue' | 'purple'; message?: string } = {}) => {
  const r = saveColumnRule(ctx, sheet, colId, { condition, color: more.color ?? 'red', message: more.message ?? '', ...(more.id ? { id: more.id } : {}) });
  if (!r.ok) throw new Error(r.message);
  return r.id;
};

describe('comparisons on the column\'s type', () => {
  const cases: [string, ColumnType, RuleComparison, string, string[]][] = [
    // An empty cell compares as 0, as Excel's conditional formatting does ("is empty" says it apart).
    ['stock', 'integer', { kind: 'compare', op: '<', value: 10 }, '=[#stock] < 10', ['A-1', 'A-3']],
    ['stock', 'integer', { kind: 'compare', op: '>=', value: -5 }, '=[#stock] >= -5', ['A-1', 'A-2', 'A-3']],
    ['stock', 'integer', { kind: 'compare', op: '>', value: 3 }, '=[#stock] > 3', ['A-2']],
    ['price', 'currency', { kind: 'between', low: 15, high: 30 }, '=AND([#price] >= 15, [#price] <= 30)', ['A-2', 'A-3']],
    ['margin', 'percent', { kind: 'compare', op: '>', value: 0.5 }, '=[#margin] > 0.5', ['A-3']],
    ['status', 'choice', { kind: 'compare', op: '=', value: 'Paused' }, '=[#status] = "Paused"', ['A-2']],
    ['status', 'choice', { kind: 'compare', op: '=', value: 'Say "hi"' }, '=[#status] = "Say ""hi"""', ['A-3']],
    ['status', 'choice', { kind: 'compare', op: '<>', value: 'Active' }, '=[#status] <> "Active"', ['A-2', 'A-3']],
    ['launch', 'date', { kind: 'compare', op: '<', value: '2027-02-01' }, '=[#launch] < DATE(2027, 2, 1)', ['A-1']],
    ['launch', 'date', { kind: 'between', low: '2027-02-01', high: '2027-03-31' }, '=AND([#launch] >= DATE(2027, 2, 1), [#launch] <= DATE(2027, 3, 31))', ['A-2', 'A-3']],
    ['online', 'boolean', { kind: 'compare', op: '=', value: false }, '=[#online] = FALSE', ['A-2']],
    ['stock', 'integer', { kind: 'blank' }, '=ISBLANK([#stock])', ['A-3']],
    ['stock', 'integer', { kind: 'notBlank' }, '=NOT(ISBLANK([#stock]))', ['A-1', 'A-2']],
  ];
  test.each(cases)('%s (%s): %j is stored as %s, read back the same, and marks %j', (colId, type, c, stored, hits) => {
    expect(comparisonFormula(colId, type, c)).toBe(stored);
    expect(comparisonOf(stored, colId)).toEqual(c);
    const id = save(colId, c);
    expect(wb.rules(sheet).find((r) => r.id === id)).toMatchObject({ when: stored, columns: [colId], color: 'red', level: 'error' });
    expect(marked(colId)).toEqual(hits.map((h) => `${h}:red`));
    expect(columnRules(ctx, sheet, colId)).toEqual([expect.objectContaining({ editable: true, condition: c })]);
  });

  test('a formula of another shape is not read as a comparison (it is shown as the formula it is)', () => {
    for (const f of ['=[#stock] < [#price]', '=[#price] < 10', '=AND([#stock] >= 1, [#stock] >= 2)', '=DATE(2027, 13, 1) > [#launch]', '=[#stock] <', 'nonsense']) {
      expect(comparisonOf(f, 'stock')).toBeUndefined();
    }
  });
});

describe('formula conditions', () => {
  test('a formula giving TRUE or FALSE is saved; the rule follows every edit of what it reads', () => {
    save('price', { kind: 'formula', text: '=[Price] < [Cost] * 1.5' }, { color: 'amber', message: 'Thin margin' });
    expect(marked('price')).toEqual(['A-1:amber']);
    const a1 = rows[0] ?? '';
    expect(calc.alerts(sheet, a1)).toEqual([{ colId: 'price', message: 'Thin margin', color: 'amber', level: 'warning' }]);
    wb.setCell(sheet, a1, 'price', 50);
    expect(marked('price')).toEqual([]);
    wb.setCell(sheet, rows[1] ?? '', 'cost', 19);
    expect(marked('price')).toEqual(['A-2:amber']);
    expect(columnRules(ctx, sheet, 'price')[0]?.condition).toEqual({ kind: 'formula', text: '=[Price] < [Cost] * 1.5' });
  });

  test.each([
    ['=[Price] + 1', "a rule's condition must give TRUE or FALSE, not currency; compare it, as in [Stock] < 10"],
    ['=[Price] + [SKU]', 'cannot add currency and text'],
    ['=[Prce] > 1', 'no column "Prce"; did you mean "Price"?'],
    ['Price > 1', 'a formula starts with "="'],
  ])('%s is refused as typed, with the checker\'s reason, and nothing is written', (text, message) => {
    const r = saveColumnRule(ctx, sheet, 'price', { condition: { kind: 'formula', text }, color: 'red', message: '' });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain(message);
    expect(wb.rules(sheet)).toEqual([]);
  });

  test('the refusal is written in Chinese for a Chinese screen', () => {
    const zh = engineCalc(wb, () => 'zh-CN', { messageText: (m: FormulaMessage) => (formulaZhCN[m.code] as (...args: readonly unknown[]) => string)(...m.args) });
    const r = saveColumnRule({ wb, calc: zh, locale: 'zh-CN' }, sheet, 'price', { condition: { kind: 'formula', text: '=[Price] * 2' }, color: 'red', message: '' });
    expect(r).toEqual({ ok: false, message: '规则的条件必须得出 TRUE 或 FALSE，而不是金额；请写成比较，例如 [库存] < 10', from: 0, to: 12 });
    zh.dispose();
  });
});

describe('editing, removing, undo', () => {
  test('a rule is edited in place, removed, and every step is undone and redone', () => {
    const id = save('stock', { kind: 'compare', op: '<', value: 4 }, { color: 'red', message: 'Low stock' });
    expect(wb.rules(sheet)).toEqual([expect.objectContaining({ id, name: 'Low stock', message: 'Low stock', color: 'red' })]);
    expect(save('stock', { kind: 'compare', op: '>', value: 10 }, { id, color: 'green', message: '' })).toBe(id);
    // Without a message the rule is named by its condition, and that is what the cell's hover says.
    expect(wb.rules(sheet)).toEqual([expect.objectContaining({ id, name: '[Stock] > 10', message: '', color: 'green', level: 'warning' })]);
    expect(calc.alerts(sheet, rows[1] ?? '')).toEqual([{ colId: 'stock', message: '[Stock] > 10', color: 'green' }]);
    removeColumnRule(ctx, sheet, id);
    expect(wb.rules(sheet)).toEqual([]);
    expect(marked('stock')).toEqual([]);
    wb.undo();
    expect(wb.rules(sheet)).toEqual([expect.objectContaining({ id, color: 'green' })]);
    expect(marked('stock')).toEqual(['A-2:green']);
    wb.undo();
    expect(wb.rules(sheet)).toEqual([expect.objectContaining({ id, color: 'red', message: 'Low stock' })]);
    expect(marked('stock')).toEqual(['A-1:red', 'A-3:red']);
    wb.undo();
    expect(wb.rules(sheet)).toEqual([]);
    wb.redo();
    expect(marked('stock')).toEqual(['A-1:red', 'A-3:red']);
  });

  test('a change of colour or message alone (no value changes) still asks the grid to paint the sheet again', () => {
    const id = save('stock', { kind: 'compare', op: '>', value: 10 }, { color: 'red' });
    const repaints: string[] = [];
    const off = calc.onRecalc((m) => {
      for (const [s, r] of m) repaints.push(`${s}:${String(r.all)}`);
    });
    save('stock', { kind: 'compare', op: '>', value: 10 }, { id, color: 'blue', message: 'Plenty' });
    expect(repaints).toContain(`${sheet}:true`);
    off();
    repaints.length = 0;
    save('stock', { kind: 'compare', op: '>', value: 10 }, { id, color: 'green' });
    expect(repaints).toEqual([]);
  });

  test('template alerts are listed after a person\'s rules, not editable, and can be removed', () => {
    wb.setRule(sheet, { id: 'tpl', name: 'Below cost', when: '=[#price] < [#cost]', level: 'error', message: 'Below cost', columns: ['price', 'cost'] });
    const id = save('price', { kind: 'compare', op: '>', value: 25 }, { color: 'blue' });
    expect(columnRules(ctx, sheet, 'price').map((r) => [r.rule.id, r.editable])).toEqual([[id, true], ['tpl', false]]);
    expect(columnRules(ctx, sheet, 'price')[1]?.condition).toEqual({ kind: 'formula', text: '=[Price] < [Cost]' });
    removeColumnRule(ctx, sheet, 'tpl');
    expect(columnRules(ctx, sheet, 'price').map((r) => r.rule.id)).toEqual([id]);
  });
});

describe('computed incrementally', () => {
  const SEED = 19;
  test(`rules added, changed and removed while cells change read as an engine started afresh reads them (seed ${SEED})`, () => {
    let state = SEED;
    const rnd = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * n);
    };
    const all = (c: CalcService): string => JSON.stringify(rows.map((r) => c.alerts(sheet, r)));
    for (let step = 0; step < 40; step++) {
      const ids = wb.rules(sheet).map((r) => r.id);
      const pick = rnd(5);
      if (pick === 0 || ids.length === 0) save('stock', { kind: 'compare', op: rnd(2) ? '<' : '>=', value: rnd(50) }, { color: rnd(2) ? 'red' : 'green' });
      else if (pick === 1) save('price', { kind: 'formula', text: `=[Price] > [Cost] * ${1 + rnd(3)}` }, { color: 'blue' });
      else if (pick === 2) removeColumnRule(ctx, sheet, ids[rnd(ids.length)] ?? '');
      else if (pick === 3) wb.setCell(sheet, rows[rnd(rows.length)] ?? '', rnd(2) ? 'stock' : 'cost', rnd(60));
      else wb.undo();
      const fresh = engineCalc(wb, () => 'en', { today: '2027-01-10' });
      expect(all(calc), `seed ${SEED}, step ${step}`).toBe(all(fresh));
      fresh.dispose();
    }
  });
});

describe('rules written by another client', () => {
  const damaged = (): string[] => {
    const watch = new DamageWatch(wb);
    const out = watch.report().entries.map((e) => `${e.kind}:${e.id}:${e.problems.map((p) => p.field).join(',')}`);
    watch.dispose();
    return out;
  };

  test('a colour outside the palette reads as none: the rule still alerts in its level\'s style, and is listed for repair', () => {
    peerWrites(wb, (p) => p.part(sheet, 'rules').set('odd', { name: 'Odd', when: '=[#stock] > 5', level: 'warning', message: 'odd', columns: ['stock'], color: 'hotpink' }));
    expect(wb.rules(sheet)).toEqual([expect.objectContaining({ id: 'odd', level: 'warning' })]);
    expect(wb.rules(sheet)[0]).not.toHaveProperty('color');
    expect(marked('stock')).toEqual(['A-2:warning']);
    expect(damaged()).toEqual(['rule:odd:color']);
  });

  test.each([
    ['a condition that is not a formula', { name: 'X', when: 'TRUE', level: 'error', columns: ['stock'], color: 'red' }],
    ['a condition of the wrong kind', { name: 'X', when: 42, level: 'error', columns: ['stock'], color: 'red' }],
    ['no name', { when: '=TRUE', level: 'error', columns: ['stock'], color: 'red' }],
    ['not a record at all', ['=TRUE']],
    ['a prototype trick', JSON.parse('{"__proto__": {"name": "x"}, "when": "=TRUE", "level": "error"}') as unknown],
  ])('%s: set aside, never thrown; the other rules and cells work', (_what, stored) => {
    save('stock', { kind: 'compare', op: '>', value: 10 }, { color: 'purple' });
    peerWrites(wb, (p) => p.part(sheet, 'rules').set('bad', stored));
    expect(wb.rules(sheet).map((r) => r.color)).toEqual(['purple']);
    expect(marked('stock')).toEqual(['A-2:purple']);
    expect(columnRules(ctx, sheet, 'stock')).toHaveLength(1);
    expect(damaged().map((d) => d.split(':').slice(0, 2).join(':'))).toEqual(['rule:bad']);
  });

  test('a rule whose formula a peer made unreadable is shown as its text and marks nothing', () => {
    peerWrites(wb, (p) => p.part(sheet, 'rules').set('junk', { name: 'Junk', when: '=[#stock] <<< 1', level: 'error', message: '', columns: ['stock'], color: 'red' }));
    expect(marked('stock')).toEqual([]);
    expect(columnRules(ctx, sheet, 'stock')).toEqual([expect.objectContaining({ editable: true, condition: { kind: 'formula', text: expect.any(String) } })]);
  });
});
