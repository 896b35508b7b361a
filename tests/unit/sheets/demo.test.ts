/** The demo workbook tells a shop's story: the right amount of everything, and no errors but the ones it means to show. */
import { beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { opsHarness } from '../../support/ops-harness.ts';

const TODAY = '2026-11-29';
let h: ReturnType<typeof opsHarness>;

const rows = (kind: string) => h.wb.rowIds(h.sheetOf(kind).id);
const values = (kind: string, key: string) => rows(kind).map((r) => h.get(kind, r, key));
const firing = (kind: string, rule: string) => rows(kind).filter((r) => h.alerts(kind, r).includes(rule));

beforeAll(() => {
  h = opsHarness(TODAY, createDemoWorkbook(TODAY));
});

describe('demo workbook', () => {
  test('is deterministic: the same day gives the same content (ids aside)', () => {
    const content = () => {
      const wb = createDemoWorkbook(TODAY);
      return wb.sheets().map((s) => {
        const cols = wb.columns(s.id);
        return [s.name, cols.map((c) => c.name), wb.rowIds(s.id).map((r) => cols.map((c) => JSON.stringify(wb.cell(s.id, r, c.id)).replace(/#[0-9A-Za-z]{10}/g, '#id')))];
      });
    };
    expect(content()).toEqual(content());
  });

  test('has ~200 products over 8 categories and inventory for every one of them', () => {
    expect(rows('products')).toHaveLength(200);
    expect(new Set(values('products', 'category')).size).toBe(8);
    expect(new Set(values('inventory', 'sku'))).toEqual(new Set(values('products', 'sku')));
  });

  test('several SKUs need reordering, a few are at stock-out risk or overstocked', () => {
    const status = values('inventory', 'status');
    expect(status.filter((s) => s === 'Reorder').length).toBeGreaterThanOrEqual(8);
    expect(status.filter((s) => s === 'Stock-out risk').length).toBeGreaterThanOrEqual(2);
    expect(status.filter((s) => s === 'Overstock').length).toBeGreaterThanOrEqual(3);
    expect(status.filter((s) => s === 'OK').length).toBeGreaterThan(150);
  });

  test('20 campaigns over the next two months with exactly two real overlaps, and one clearance sale below cost', () => {
    expect(rows('campaigns')).toHaveLength(20);
    const ends = values('campaigns', 'end') as string[];
    expect(ends.every((e) => e <= '2027-01-31')).toBe(true);
    const overlapping = firing('campaigns', 'overlap');
    expect(overlapping).toHaveLength(4);
    const pairs = overlapping.map((r) => [h.get('campaigns', r, 'channel'), h.get('campaigns', r, 'category')]);
    const sameChannel = pairs.filter(([c]) => pairs.filter(([d]) => d === c).length === 2);
    const sameCategory = pairs.filter(([, c]) => pairs.filter(([, d]) => d === c).length === 2);
    expect(sameChannel.length + sameCategory.length).toBe(4);
    expect(firing('campaigns', 'belowCost')).toHaveLength(1);
    expect(values('campaigns', 'phase')).toEqual(expect.arrayContaining(['Done', 'Live', 'Planned']));
  });

  test('competitor prices for 50 SKUs, a few where we are more than 10% dearer', () => {
    expect(rows('competitors')).toHaveLength(50);
    expect(firing('competitors', 'dearer').length).toBeGreaterThanOrEqual(3);
  });

  test('6 A/B tests: some significant, some not, one under-powered, one with too little data', () => {
    expect(rows('abtests')).toHaveLength(6);
    const decisions = values('abtests', 'decision');
    expect(decisions).toEqual(expect.arrayContaining(['Ship B', 'Keep A', 'No difference', 'Keep running', 'Too little data']));
    expect(values('abtests', 'significant').filter((s) => s === true)).toHaveLength(2);
    expect(firing('abtests', 'underpowered')).toHaveLength(1);
    expect(firing('abtests', 'smallCounts')).toHaveLength(1);
  });

  test('segments, after-sales tickets and KPIs are filled, KPIs computed from the other sheets', () => {
    expect(rows('segments')).toHaveLength(7);
    expect(rows('aftersales')).toHaveLength(60);
    expect(firing('aftersales', 'breach').length).toBeGreaterThan(0);
    const kpi = values('kpis', 'value');
    expect(kpi).toHaveLength(11);
    expect(kpi.every((v) => typeof v === 'number')).toBe(true);
    expect(values('kpis', 'status')).toEqual(expect.arrayContaining(['On track', 'Behind']));
  });

  test('has no #errors: an under-powered A/B test is a state, not an error', () => {
    const errors: string[] = [];
    for (const s of h.wb.sheets()) {
      for (const c of h.wb.columns(s.id)) {
        h.engine.column(s.id, c.id).values.forEach((v, i) => {
          if (v !== null && typeof v === 'object') errors.push(`${s.name}[${c.name}] row ${i + 1}: ${v.code}`);
        });
      }
    }
    // (a product without a cost has a blank markup, not #DIV/0!: the "missing cost" alert says why)
    expect(errors).toEqual([]);
    // A test with fewer than 10 conversions: its statistics say it needs more data.
    const tooSmall = rows('abtests').find((r) => h.get('abtests', r, 'decision') === 'Too little data') ?? '';
    for (const key of ['z', 'p', 'ciLow', 'ciHigh', 'significant']) expect(h.get('abtests', tooSmall, key)).toBe('needs ≥ 10 conversions');
  });
});
