/** A small ops workbook for formula tests: Products, 库存 (inventory, referencing Products), Campaigns, Data. */
import { Workbook } from '../../../src/model/index.ts';
import type { CellValue } from '../../../src/schema/index.ts';
import { seededRandom } from '../../support/random.ts';

/** Fixed ids so stored formulas read plainly in tests. */
export const ids = {
  products: 'products',
  inventory: 'inventory',
  campaigns: 'campaigns',
  data: 'data',
} as const;

export interface Fixture {
  wb: Workbook;
  products: string[];
  inventory: string[];
  campaigns: string[];
  data: string[];
}

/** Builds the fixture workbook (seeded ids). */
export const buildFixture = (locale: 'en' | 'zh-CN' = 'en'): Fixture => {
  const rnd = seededRandom(42);
  const wb = Workbook.create({ name: 'Fixture', locale }, { random: (k) => rnd.bytes(k) });
  wb.addSheet({
    id: ids.products, name: 'Products', labels: { en: 'Products', 'zh-CN': '商品' },
    columns: [
      { id: 'sku', name: 'SKU', type: 'text', options: { key: true } },
      { id: 'cat', name: 'Category', type: 'choice', options: { choices: ['Kitchen', 'Home', 'Garden'] }, labels: { 'zh-CN': '类目' } },
      { id: 'cost', name: 'Cost', type: 'currency', labels: { 'zh-CN': '成本' } },
      { id: 'price', name: 'Price', type: 'currency', labels: { 'zh-CN': '售价' } },
      { id: 'launch', name: 'Launch', type: 'date' },
      { id: 'active', name: 'Active', type: 'boolean' },
      { id: 'margin', name: 'Margin', type: 'percent', formula: '=([#price] - [#cost]) / [#price]' },
    ],
  });
  const products = wb.appendRows(ids.products, ['sku', 'cat', 'cost', 'price', 'launch', 'active'], [
    ['SKU-001', 'Kitchen', 5, 10, '2026-01-15', true],
    ['SKU-002', 'Home', 6, 8, '2026-03-01', true],
    ['SKU-003', 'Kitchen', 1, 4, '2026-02-10', false],
    ['SKU-004', 'Garden', 20, 25, '2025-12-01', true],
  ] as CellValue[][]);
  wb.addSheet({
    id: ids.inventory, name: '库存',
    columns: [
      { id: 'prod', name: 'Product', type: 'reference', options: { refSheet: ids.products }, labels: { 'zh-CN': '商品' } },
      { id: 'onhand', name: 'On hand', type: 'integer' },
      { id: 'daily', name: 'Daily sales', type: 'number' },
      { id: 'lead', name: 'Lead time', type: 'integer' },
      { id: 'cover', name: 'Days of cover', type: 'number', formula: '=[#onhand] / [#daily]' },
      { id: 'value', name: 'Stock value', type: 'currency', formula: '=[#prod].[#cost] * [#onhand]' },
    ],
  });
  const inventory = wb.appendRows(ids.inventory, ['prod', 'onhand', 'daily', 'lead'], [
    ['SKU-001', 100, 4, 7],
    ['SKU-003', 30, 0, 14],
    ['SKU-009', 5, 1, 3],
  ]);
  wb.addSheet({
    id: ids.campaigns, name: 'Campaign calendar',
    columns: [
      { id: 'cname', name: 'Campaign', type: 'text' },
      { id: 'channel', name: 'Channel', type: 'choice', options: { choices: ['App', 'Web'] } },
      { id: 'budget', name: 'Budget', type: 'currency' },
      { id: 'start', name: 'Start', type: 'date' },
      { id: 'end', name: 'End', type: 'date' },
    ],
  });
  const campaigns = wb.appendRows(ids.campaigns, ['cname', 'channel', 'budget', 'start', 'end'], [
    ['Spring sale', 'App', 1000, '2026-03-01', '2026-03-07'],
    ['618', 'Web', 5000, '2026-06-01', '2026-06-18'],
    ['Double 11', 'App', 8000, '2026-11-01', '2026-11-11'],
  ]);
  wb.addSheet({
    id: ids.data, name: 'Data',
    columns: [
      { id: 'a', name: 'A', type: 'number' },
      { id: 'b', name: 'B', type: 'number' },
      { id: 'c', name: 'C', type: 'number' },
      { id: 'd', name: 'D', type: 'number' },
      { id: 't', name: 'T', type: 'text' },
      { id: 'n', name: 'N', type: 'number' },
      { id: 'e', name: 'E', type: 'number' },
      { id: 'f', name: 'F', type: 'number' },
    ],
  });
  // Columns of Excel's documentation examples, padded with blanks (blanks are skipped by aggregates).
  const A = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];
  const B = [3, 2, 4, 5, 6];
  const C = [9, 7, 12, 15, 17];
  const D = [1, 3, 2, 4];
  const T = ['apples', 'oranges', 'peaches', 'apples'];
  const N = [32, 54, 75, 86];
  const E = [6, 7, 9, 15, 21];
  const F = [20, 28, 31, 38, 40];
  const data = wb.appendRows(
    ids.data,
    ['a', 'b', 'c', 'd', 't', 'n', 'e', 'f'],
    A.map((a, i) => [a, B[i] ?? null, C[i] ?? null, D[i] ?? null, T[i] ?? null, N[i] ?? null, E[i] ?? null, F[i] ?? null]),
  );
  return { wb, products, inventory, campaigns, data };
};
