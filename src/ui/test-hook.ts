/**
 * The test and benchmark hook, loaded only behind `?test` or `?bench=ROWS`: builds the workbook
 * to open and exposes `window.__wb` (the workbook and the app state) so browser tests and the
 * grid benchmark can set up states and read what the model holds.
 */
import { createDemoWorkbook } from '../../sheets/demo.ts';
import { type ComputedValue } from '../schema/computed-value.ts';
import { isCellFormula, type CellValue, type ColumnSpec } from '../schema/types.ts';
import { Workbook } from '../model/index.ts';
import { localIsoDay } from '../schema/calendar-day.ts';
import type { AppState } from './app-context.ts';
import { storedValuesCalc, type CalcService, type RecalcListener } from '../app/calc-service.ts';
import { exampleWorkbook } from '../app/example-workbook.ts';

declare global {
  interface Window {
    __wb?: { wb: Workbook; app: AppState };
    /** `?engine=scripted`: sets computed values and announces them as one recalculation. */
    __calc?: { recalc: (sheetId: string, cells: { rowId: string; colId: string; value: ComputedValue }[]) => void };
  }
}

/** Columns of the benchmark sheet: one of each kind the grid formats. */
const BENCH_COLUMNS: ColumnSpec[] = [
  { id: 'sku', name: 'SKU', type: 'text', options: { key: true } },
  { id: 'name', name: 'Name', type: 'text' },
  { id: 'cat', name: 'Category', type: 'choice', options: { choices: ['Kitchen', 'Home', 'Garden', 'Toys', 'Beauty', 'Sports', 'Books', 'Pets'] } },
  { id: 'cost', name: 'Cost', type: 'currency' },
  { id: 'price', name: 'Price', type: 'currency' },
  { id: 'margin', name: 'Margin', type: 'percent' },
  { id: 'onhand', name: 'On hand', type: 'integer' },
  { id: 'daily', name: 'Daily sales', type: 'number' },
  { id: 'launch', name: 'Launch', type: 'date' },
  { id: 'active', name: 'Active', type: 'boolean' },
];

/** `rows` deterministic product rows (a linear congruential sequence: same rows every run). */
const benchRows = (rows: number): CellValue[][] => {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const cats = BENCH_COLUMNS[2]?.options?.choices ?? [];
  const out: CellValue[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const cost = Math.round(next() * 20000) / 100 + 1;
    const price = Math.round(cost * (1.3 + next()) * 100) / 100;
    out[i] = [
      `SKU-${String(i).padStart(6, '0')}`,
      `Product ${i}`,
      cats[i % cats.length] ?? 'Home',
      cost,
      price,
      Math.round(((price - cost) / price) * 1000) / 1000,
      Math.floor(next() * 500),
      Math.round(next() * 4000) / 100,
      `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      next() > 0.1,
    ];
  }
  return out;
};

/** `?demo`: the demo shop built for today, its formulas compiled by the engine (as `npm start` builds it). */
const demoWorkbook = (): Workbook => createDemoWorkbook(localIsoDay());

/**
 * The workbook for this page: `?demo` the demo shop; `?bench=ROWS` a sheet of that many rows
 * (loaded from its encoded update, as storage would).
 */
export const workbookFor = (params: URLSearchParams): Workbook => {
  if (params.has('demo')) return demoWorkbook();
  const rows = Number(params.get('bench') ?? 0);
  if (!rows) return exampleWorkbook();
  const built = Workbook.create({ name: `Benchmark ${rows} rows`, currency: 'CNY', locale: 'en' });
  const sheet = built.addSheet({ id: 'bench', name: 'Products', columns: BENCH_COLUMNS });
  built.appendRows(sheet, BENCH_COLUMNS.map((c) => c.id ?? ''), benchRows(rows));
  const update = built.encode();
  built.doc.destroy();
  const wb = Workbook.load(update);
  wb.rowIds(sheet);
  return wb;
};

/** Storage key of the workbook (per-user view state): each test or bench run may pass its own. */
export const workbookKey = (params: URLSearchParams): string => params.get('key') ?? (params.has('bench') ? 'bench' : 'example');

/** `?viewer`: the app opens the workbook for viewing only, as a viewer's token will. */
export const readOnly = (params: URLSearchParams): boolean => params.has('viewer');

/** Exposes the workbook and the app to the test driver. */
export const install = (app: AppState): void => {
  window.__wb = { wb: app.wb, app };
};

/**
 * `?engine=stub`: a stand-in engine with known results, so tests can tell computed values from
 * stored formulas: a formula computes to 10 × its row number, or #DIV/0! when it divides by zero;
 * a formula column's result type is currency.
 */
const stubEngine = (wb: Workbook): CalcService => {
  const base = storedValuesCalc(wb, { notComputed: () => 'not computed', notAvailable: () => 'no engine' });
  const formulaOf = (sheetId: string, rowId: string, colId: string): string | undefined => {
    const stored = wb.cell(sheetId, rowId, colId);
    return isCellFormula(stored) ? stored.f : wb.column(sheetId, colId)?.formula;
  };
  const value: CalcService['value'] = (sheetId, rowId, colId) => {
    const f = formulaOf(sheetId, rowId, colId);
    if (f === undefined) return base.value(sheetId, rowId, colId);
    if (/\/\s*0\b/.test(f)) return { error: '#DIV/0!', message: 'Division by zero.' };
    return 10 * (wb.rowIndex(sheetId, rowId) + 1);
  };
  return {
    ...base,
    value,
    columnValues: (sheetId, colId) => wb.rowIds(sheetId).map((rowId) => value(sheetId, rowId, colId)),
    resultType: (sheetId, colId) => (wb.column(sheetId, colId)?.formula === undefined ? undefined : 'currency'),
  };
};

/**
 * `?engine=scripted`: a stand-in whose computed values a test sets through `window.__calc`, each
 * set announced as a recalculation naming its cells, as the engine does: a test decides exactly
 * which cells a recalculation changed.
 */
const scriptedCalc = (wb: Workbook): CalcService => {
  const base = storedValuesCalc(wb, { notComputed: () => 'Not computed by the scripted engine.', notAvailable: () => 'The scripted engine saves no formulas.' });
  const results = new Map<string, ComputedValue>();
  const listeners = new Set<RecalcListener>();
  const key = (sheetId: string, rowId: string, colId: string) => `${sheetId} ${rowId} ${colId}`;
  const calc: CalcService = {
    ...base,
    value: (sheetId, rowId, colId) => {
      const k = key(sheetId, rowId, colId);
      return results.has(k) ? (results.get(k) ?? null) : base.value(sheetId, rowId, colId);
    },
    columnValues: (sheetId, colId) => wb.rowIds(sheetId).map((rowId) => calc.value(sheetId, rowId, colId)),
    onRecalc: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  window.__calc = {
    recalc: (sheetId, cells) => {
      const changed = new Map<string, Set<string>>();
      for (const c of cells) {
        results.set(key(sheetId, c.rowId, c.colId), c.value);
        changed.set(c.rowId, (changed.get(c.rowId) ?? new Set()).add(c.colId));
      }
      for (const l of listeners) l(new Map([[sheetId, { cells: changed }]]));
    },
  };
  return calc;
};

/**
 * `?engine=late`: a second stand-in handed over as if it were the engine loading after the first
 * paint, so the hand-over itself (grids re-subscribing and repainting) is tested before the engine
 * exists; `?engine=scripted` hands over the scripted one the same way; `?engine=stub` at once.
 */
export const engineFor = (params: URLSearchParams): ((wb: Workbook) => Promise<CalcService>) | undefined => {
  const which = params.get('engine');
  if (which === 'stub') return (wb) => Promise.resolve(stubEngine(wb));
  if (which !== 'late' && which !== 'scripted') return undefined;
  return (wb) =>
    new Promise((resolve) =>
      setTimeout(
        () =>
          resolve(
            which === 'scripted'
              ? scriptedCalc(wb)
              : storedValuesCalc(wb, {
                  notComputed: () => 'Computed by the engine that loaded after the first paint.',
                  notAvailable: () => 'The late engine does not save formulas either.',
                }),
          ),
        300,
      ),
    );
};
