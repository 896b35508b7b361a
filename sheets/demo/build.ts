/** Builds the demo workbook: the ops templates filled with a plausible shop's plan, generated from a seed. */
import { type CellValue } from '../../src/schema/index.ts';
import { Workbook, type WorkbookOptions } from '../../src/model/index.ts';
import { applyTemplates, type AppliedSheet, type FormulaCompiler } from '../apply-template.ts';
import { addKpiRows } from '../kpi-rows.ts';
import { OPS_TEMPLATES } from '../templates.ts';
import { demoCampaigns } from './campaigns.ts';
import { demoInventory } from './inventory.ts';
import { demoAbTests, demoAfterSales, demoCompetitors, demoSegments, demoSwot } from './others.ts';
import { demoProducts } from './products.ts';
import { demoRandom } from './random.ts';

/** Options of the demo: the day it is built for (campaign dates follow it) and the seed. */
export interface DemoOptions {
  today: string;
  seed?: number;
  compile: FormulaCompiler;
  /** Ids and the Yjs client id from these (a test that needs the same document every run). */
  ids?: WorkbookOptions;
}

type Keyed = Record<string, CellValue | undefined>;

/** Appends rows given by template column key to an applied sheet (one transaction). */
const fill = (wb: Workbook, sheet: AppliedSheet | undefined, rows: readonly Keyed[]): void => {
  if (!sheet || rows.length === 0) return;
  const keys = [...sheet.columns.keys()].filter((k) => rows.some((r) => r[k] !== undefined));
  wb.appendRows(sheet.sheetId, keys.map((k) => sheet.columns.get(k) ?? ''), rows.map((r) => keys.map((k) => r[k] ?? null)));
};

/** The demo workbook `demo`: ~200 products, their inventory, 20 campaigns, prices of 50 SKUs at competitors, 6 A/B tests … */
export const buildDemoWorkbook = ({ today, seed = 2026, compile, ids = {} }: DemoOptions): Workbook => {
  const wb = Workbook.create({ name: 'Demo shop — ops plan', currency: 'CNY', locale: 'en' }, ids);
  const rnd = demoRandom(seed);
  const applied = applyTemplates(wb, OPS_TEMPLATES, compile);
  const products = demoProducts(rnd, today);
  fill(wb, applied.get('products'), products as unknown as Keyed[]);
  fill(wb, applied.get('inventory'), demoInventory(rnd, products) as unknown as Keyed[]);
  fill(wb, applied.get('campaigns'), demoCampaigns(rnd, today) as unknown as Keyed[]);
  fill(wb, applied.get('competitors'), demoCompetitors(rnd, products, today));
  fill(wb, applied.get('swot'), demoSwot());
  fill(wb, applied.get('abtests'), demoAbTests(today));
  fill(wb, applied.get('segments'), demoSegments());
  fill(wb, applied.get('aftersales'), demoAfterSales(rnd, products, today));
  const kpi = applied.get('kpis');
  if (kpi) addKpiRows(wb, kpi, compile);
  wb.clearHistory();
  return wb;
};
