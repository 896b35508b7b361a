/**
 * What a workbook reads, entry by entry, as text: to check that a hostile update changed nothing
 * but the entries it touched (see hostile-updates.ts). Everything is read through the model.
 */
import type { Workbook } from '../../src/model/index.ts';
import type { Touch } from './hostile-updates.ts';

/** Entry key → what it reads (JSON). */
export type Readings = Map<string, string>;

/** The layout each row was added with (from the base document): a touched layout touches its rows. */
export type RowLayouts = Map<string, string>;

const j = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

/** Every entry of `wb` as it reads: settings, sheets, columns, rules, charts, tiles, cells, histories, and orders. */
export const readingsOf = (wb: Workbook, columnsOf: Workbook = wb): Readings => {
  const out: Readings = new Map();
  out.set('settings', j(wb.settings));
  for (const s of columnsOf.sheets()) {
    const info = wb.sheets().find((x) => x.id === s.id);
    out.set(`sheet|${s.id}`, j(info));
    // The history is kept by sheet id outside the sheets: it reads the same when a sheet is hidden.
    const log = wb.log.sheet(s.id);
    out.set(`hist|${s.id}`, j(log ? { cells: [...log.cells.entries()], bulks: log.bulks } : null));
    if (!info) continue;
    for (const c of wb.columns(s.id)) out.set(`col|${s.id}|${c.id}`, j(c));
    for (const r of wb.rules(s.id)) out.set(`rule|${s.id}|${r.id}`, j(r));
    for (const c of wb.charts(s.id)) out.set(`chart|${s.id}|${c.id}`, j(c));
    out.set(`rows|${s.id}`, j(wb.rowIds(s.id)));
    const cols = columnsOf.columns(s.id).map((c) => c.id);
    for (const r of wb.rowIds(s.id)) for (const c of cols) out.set(`cell|${s.id}|${r}|${c}`, j(wb.cell(s.id, r, c)));
  }
  out.set('sheets', j(wb.sheets().map((s) => s.id)));
  for (const t of wb.dashboard()) out.set(`tile|${t.chartId}`, j(t));
  out.set('tiles', j(wb.dashboard().map((t) => t.chartId)));
  return out;
};

/** The layout id of every row of `wb`, by "sheetId|rowId". */
export const rowLayoutsOf = (wb: Workbook): RowLayouts => {
  const out: RowLayouts = new Map();
  for (const s of wb.sheets()) {
    const rows = wb.cache(s.id).maps.rows;
    for (const r of wb.rowIds(s.id)) {
      const rec = rows.get(r);
      if (Array.isArray(rec)) out.set(`${s.id}|${r}`, String(rec[0]));
    }
  }
  return out;
};

const touches = (touched: readonly Touch[], layouts: RowLayouts, key: string, tileSheet: (id: string) => string | undefined): boolean => {
  const [kind, sheetId = '', a = '', b = ''] = key.split('|');
  const sheetGone = touched.some((t) => t.kind === 'sheet' && t.sheetId === sheetId);
  switch (kind) {
    case 'settings':
      return touched.some((t) => t.kind === 'settings');
    case 'sheet':
      return sheetGone || touched.some((t) => t.kind === 'sheetMeta' && t.sheetId === sheetId);
    case 'col':
      return sheetGone || touched.some((t) => t.kind === 'column' && t.sheetId === sheetId && t.colId === a);
    case 'rule':
      return sheetGone || touched.some((t) => t.kind === 'rule' && t.sheetId === sheetId && t.id === a);
    case 'chart':
      return sheetGone || touched.some((t) => t.kind === 'chart' && t.sheetId === sheetId && t.id === a);
    case 'tile': {
      // A tile shows while its chart does: a touched chart or sheet touches it.
      const on = tileSheet(sheetId);
      return touched.some(
        (t) =>
          (t.kind === 'tile' && t.id === sheetId) ||
          (t.kind === 'chart' && t.id === sheetId) ||
          (t.kind === 'sheet' && t.sheetId === on),
      );
    }
    case 'cell': {
      const layout = layouts.get(`${sheetId}|${a}`);
      return (
        sheetGone ||
        touched.some(
          (t) =>
            (t.kind === 'cell' && t.sheetId === sheetId && t.rowId === a && t.colId === b) ||
            (t.kind === 'row' && t.sheetId === sheetId && t.rowId === a) ||
            (t.kind === 'layout' && t.layoutId === layout),
        )
      );
    }
    case 'hist':
      return touched.some((t) => t.kind === 'history');
    default:
      return false;
  }
};

/** The ids of a list reading, without those that are touched or were not there before. */
const keptOrder = (json: string | undefined, keep: (id: string) => boolean): string => {
  const ids = json === undefined ? [] : (JSON.parse(json) as string[]);
  return JSON.stringify(ids.filter(keep));
};

/**
 * Entries that read differently after a hostile update though it did not touch them (each with
 * what it read before and after), or none. Orders (of rows, sheets, tiles) compare the untouched
 * ids that were there before.
 */
export const untouchedChanges = (before: Readings, after: Readings, touched: readonly Touch[], layouts: RowLayouts): string[] => {
  const tileSheet = (id: string): string | undefined => {
    const t = before.get(`tile|${id}`);
    return t === undefined ? undefined : (JSON.parse(t) as { sheetId: string }).sheetId;
  };
  const out: string[] = [];
  for (const [key, was] of before) {
    const [kind, sheetId = ''] = key.split('|');
    let now = after.get(key);
    let old = was;
    if (kind === 'rows') {
      if (touched.some((t) => t.kind === 'sheet' && t.sheetId === sheetId)) continue;
      const keep = (r: string) => was.includes(`"${r}"`) && !touched.some((t) => t.kind === 'row' && t.sheetId === sheetId && t.rowId === r);
      old = keptOrder(was, keep);
      now = keptOrder(now, keep);
    } else if (kind === 'sheets') {
      const keep = (s: string) => was.includes(`"${s}"`) && !touched.some((t) => (t.kind === 'sheet' || t.kind === 'sheetMeta') && t.sheetId === s);
      old = keptOrder(was, keep);
      now = keptOrder(now, keep);
    } else if (kind === 'tiles') {
      const keep = (id: string) => was.includes(`"${id}"`) && !touches(touched, layouts, `tile|${id}`, tileSheet);
      old = keptOrder(was, keep);
      now = keptOrder(now, keep);
    } else if (touches(touched, layouts, key, tileSheet)) continue;
    if (now !== old) out.push(`${key}: ${old.slice(0, 120)} → ${String(now).slice(0, 120)}`);
  }
  return out;
};
