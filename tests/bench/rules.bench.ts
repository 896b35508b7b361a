/**
 * Rules people put on columns (src/app/column-rules.ts), on a 100k × 10 Products sheet with the app's
 * engine adapter attached: the time to add one rule and have it computed over every row (a
 * comparison, then a formula over two columns), the time to read every row's alerts (a repaint of
 * all rows at once; the grid paints only the rows on screen), and one cell edit the rule reads,
 * until that row's alert is current, against the same edit with no rule. Medians of several runs.
 */
import { engineCalc } from '../../src/app/engine-calc.ts';
import { removeColumnRule, saveColumnRule, type RuleContext } from '../../src/app/column-rules.ts';
import { Workbook } from '../../src/model/index.ts';
import { median, since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';

const RUNS = 5;
const EDITS = 200;

export const rulesBench: Bench = {
  name: 'rules',
  title: 'Rules on a column: 100k × 10 Products, one rule added, then one edit',
  run: async () => {
    const wb = Workbook.create({ name: 'bench' });
    const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
    wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), benchRows());
    const col = (name: string): string => wb.columnByName(sheet, name)?.id ?? '';
    const onHand = col('On hand');
    const price = col('Price');
    const rowIds = wb.rowIds(sheet);
    const calc = engineCalc(wb, () => 'en', { today: '2026-11-29' });
    calc.value(sheet, rowIds[0] ?? '', onHand);
    const ctx: RuleContext = { wb, calc, locale: 'en' };
    const figs: Figure[] = [];

    /** Adds a rule and reads one row's alerts (the engine has then computed the rule's column); median of RUNS, removed after each. */
    const addTimed = (colId: string, condition: Parameters<typeof saveColumnRule>[3]['condition']): { ms: number; hits: number; readAll: number; removeMs: number } => {
      const times: number[] = [];
      const reads: number[] = [];
      const removes: number[] = [];
      let hits = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const r = saveColumnRule(ctx, sheet, colId, { condition, color: 'red', message: 'bench' });
        if (!r.ok) throw new Error(r.message);
        calc.alerts(sheet, rowIds[rowIds.length - 1] ?? '');
        times.push(since(t0));
        const t1 = performance.now();
        hits = 0;
        for (const rowId of rowIds) if (calc.alerts(sheet, rowId).length > 0) hits++;
        reads.push(since(t1));
        const t2 = performance.now();
        removeColumnRule(ctx, sheet, r.id);
        calc.alerts(sheet, rowIds[0] ?? '');
        removes.push(since(t2));
      }
      return { ms: median(times), hits, readAll: median(reads), removeMs: median(removes) };
    };

    const cmp = addTimed(onHand, { kind: 'compare', op: '<', value: 50 });
    figs.push({ what: 'add a comparison rule (On hand < 50) and compute it over 100k rows', value: cmp.ms, unit: 'ms', note: `${cmp.hits} rows match; median of ${RUNS}` });
    figs.push({ what: 'remove that rule', value: cmp.removeMs, unit: 'ms', note: `median of ${RUNS}` });
    figs.push({ what: 'read the alerts of all 100k rows (a repaint of every row at once)', value: cmp.readAll, unit: 'ms', note: 'the grid reads only the rows on screen' });
    // The same condition as a column formula of its own: what the engine costs for any new formula over 100k rows.
    const asColumn: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const c = wb.addColumn(sheet, { name: `Low ${i}`, type: 'boolean', formula: `=[#${onHand}] < 50` });
      calc.value(sheet, rowIds[rowIds.length - 1] ?? '', c);
      asColumn.push(since(t0));
      wb.deleteColumn(sheet, c);
    }
    figs.push({ what: 'the same condition added as a column formula instead (for comparison)', value: median(asColumn), unit: 'ms', note: `median of ${RUNS}` });
    const formula = addTimed(price, { kind: 'formula', text: '=[Price] < [Cost] * 1.5' });
    figs.push({ what: 'add a formula rule ([Price] < [Cost] * 1.5) and compute it over 100k rows', value: formula.ms, unit: 'ms', note: `${formula.hits} rows match; median of ${RUNS}` });

    /** One edit of On hand in a random-ish row, until that row's alerts are read: median over EDITS. */
    const editTimed = (): number => {
      const times: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const rowId = rowIds[(i * 7919) % rowIds.length] ?? '';
        const t0 = performance.now();
        wb.setCell(sheet, rowId, onHand, i % 100);
        calc.alerts(sheet, rowId);
        times.push(since(t0));
      }
      return median(times);
    };
    editTimed(); // warm-up: the first edits of a run pay for the JIT
    const bare = editTimed();
    figs.push({ what: 'one edit of On hand, its row read again, no rule', value: bare, unit: 'ms', note: `median of ${EDITS}` });
    const kept = saveColumnRule(ctx, sheet, onHand, { condition: { kind: 'compare', op: '<', value: 50 }, color: 'red', message: 'Low' });
    if (!kept.ok) throw new Error(kept.message);
    calc.alerts(sheet, rowIds[0] ?? '');
    const one = editTimed();
    figs.push({ what: 'one edit of On hand, its row’s alert current again, with the rule (On hand < 50)', value: one, unit: 'ms', budget: '≤ 0.5 ms', ok: one <= 0.5, note: `median of ${EDITS}; the leaf-edit budget` });
    for (let i = 0; i < 9; i++) {
      const r = saveColumnRule(ctx, sheet, onHand, { condition: { kind: 'compare', op: '>', value: i * 50 }, color: 'blue', message: `rule ${i}` });
      if (!r.ok) throw new Error(r.message);
    }
    calc.alerts(sheet, rowIds[0] ?? '');
    const ten = editTimed();
    figs.push({ what: 'the same edit with 10 rules on the column', value: ten, unit: 'ms', note: `median of ${EDITS}` });
    calc.dispose();
    return figs;
  },
};
