/**
 * Seeded hostile updates against the demo workbook: what a malicious editor (or a buggy script)
 * can send, as structurally valid Yjs updates made by a peer's Y.Doc. Each one puts wrong kinds,
 * prototype keys, huge text, unknown words, missing parts or deep nesting into one to three
 * entries of every kind of record (settings, sheets, columns, cells, rows, layouts, rules, charts,
 * dashboard tiles, history), and says which entries it touched, so that a test can check that
 * every other entry reads as before.
 */
import * as Y from 'yjs';
import type { Workbook } from '../../src/model/index.ts';
import { peerDoc, type PeerDoc } from './peer-write.ts';
import { seededRandom, type Random } from './random.ts';

/** An entry a hostile update may have changed. */
export type Touch =
  | { kind: 'settings' }
  | { kind: 'sheetMeta'; sheetId: string }
  | { kind: 'sheet'; sheetId: string }
  | { kind: 'column'; sheetId: string; colId: string }
  | { kind: 'row'; sheetId: string; rowId: string }
  | { kind: 'cell'; sheetId: string; rowId: string; colId: string }
  | { kind: 'layout'; layoutId: string }
  | { kind: 'rule'; sheetId: string; id: string }
  | { kind: 'chart'; sheetId: string; id: string }
  | { kind: 'tile'; id: string }
  | { kind: 'history' }
  | { kind: 'server' };

/** One hostile update and what it aimed at. */
export interface HostileCase {
  index: number;
  /** What it did, for the failure message. */
  label: string;
  update: Uint8Array;
  touched: Touch[];
  /** It writes the schema version only the relay may write (the relay refuses it). */
  forgesVersion: boolean;
}

/** What the generator knows of the demo workbook (read through the model, once). */
interface Shape {
  sheets: { id: string; columns: string[]; rows: string[]; rules: string[]; charts: string[] }[];
  tiles: string[];
  layouts: string[];
}

const shapeOf = (wb: Workbook): Shape => ({
  sheets: wb.sheets().map((s) => ({
    id: s.id,
    columns: wb.columns(s.id).map((c) => c.id),
    rows: [...wb.rowIds(s.id)],
    rules: wb.rules(s.id).map((r) => r.id),
    charts: wb.charts(s.id).map((c) => c.id),
  })),
  tiles: wb.dashboard().map((t) => t.chartId),
  layouts: [...wb.internals.layouts.keys()],
});

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const UNKNOWN_WORDS = ['money', 'radar', 'fatal', 'XBT', 'fr', 'median', 'like', 'everything', 'Infinity', 'NaN'];
/** Huge text, kept under the relay's 1 MiB message limit (a longer one is refused whole, as it should be). */
const HUGE = [40_000, 120_000, 400_000];

/** Nested lists `depth` deep (JSON-like content, which Yjs encodes recursively). */
const nestedList = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Shared maps nested `depth` deep. */
const nestedMaps = (depth: number): Y.Map<unknown> => {
  const top = new Y.Map<unknown>();
  let m = top;
  for (let i = 0; i < depth; i++) {
    const next = new Y.Map<unknown>();
    m.set('in', next);
    m.set('toString', i);
    m = next;
  }
  return top;
};

/** A value of a kind no record holds there (new each call: a shared type can be placed once). */
export const hostileValue = (rnd: Random): unknown => {
  const makers: (() => unknown)[] = [
    () => rnd.int(2_000_000_000) - 1_000_000_000,
    () => 0.5,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => -0,
    () => rnd.chance(0.5),
    () => null,
    () => 9_007_199_254_740_993n,
    () => '',
    () => rnd.pick(PROTO_KEYS),
    () => rnd.pick(UNKNOWN_WORDS),
    () => 'x'.repeat(rnd.pick(HUGE)),
    () => [],
    () => [1, 'two', null, { three: 3 }],
    () => ({}),
    () => ({ toString: 1, valueOf: 'x' }),
    // A stored "__proto__" key: the Yjs decoder turns it into the prototype of what it reads.
    () => JSON.parse('{"__proto__": {"f": "=1", "toString": 1, "name": "inherited"}, "f": 5}') as unknown,
    () => JSON.parse('{"__proto__": null}') as unknown,
    // Yjs picks the content kind by `constructor`, so an own "constructor" can only be Object here; it is stored as undefined.
    () => ({ constructor: Object, prototype: 1, __defineGetter__: 2 }),
    () => [{ constructor: 'x', __proto__x: 1 }],
    () => ({ f: rnd.pick([5, '=', '=1+', 'no equals', '=' + '('.repeat(500)]) }),
    () => nestedList(1 + rnd.int(2000)),
    () => new Uint8Array([1, 2, 3, 255]),
    () => nestedMaps(1 + rnd.int(60)),
    () => new Y.Array(),
    () => new Y.Text('shared text'),
  ];
  return rnd.pick(makers)();
};

/** A key no record is stored under: prototype keys, spaces, empty, huge. */
const hostileKey = (rnd: Random): string => rnd.pick([...PROTO_KEYS, '', 'has space', 'a'.repeat(300), '\u0000', 'ünï']);

type Mutation = (rnd: Random, p: PeerDoc, shape: Shape) => { label: string; touched: Touch[]; forgesVersion?: boolean };

const sheetOf = (rnd: Random, shape: Shape) => rnd.pick(shape.sheets);
const withRows = (shape: Shape) => shape.sheets.filter((s) => s.rows.length > 0 && s.columns.length > 0);
const withRules = (shape: Shape) => shape.sheets.filter((s) => s.rules.length > 0);
const withCharts = (shape: Shape) => shape.sheets.filter((s) => s.charts.length > 0);

/** A plain copy of a stored record with one field replaced (or removed when `value` is undefined). */
const withField = (stored: unknown, field: string, value: unknown): Record<string, unknown> => {
  const copy: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy;
};

const MUTATIONS: Record<string, Mutation> = {
  settingsField: (rnd, p) => {
    const field = rnd.pick(['name', 'currency', 'locale', 'schema']);
    p.settings.set(field, field === 'locale' && rnd.chance(0.3) ? '__proto__' : hostileValue(rnd));
    return { label: `settings.${field}`, touched: [{ kind: 'settings' }] };
  },
  settingsMissing: (rnd, p) => {
    const field = rnd.pick(['name', 'currency', 'locale']);
    p.settings.delete(field);
    return { label: `settings.${field} deleted`, touched: [{ kind: 'settings' }] };
  },
  sheetField: (rnd, p, shape) => {
    const s = sheetOf(rnd, shape);
    const field = rnd.pick(['name', 'kind', 'labels', 'order']);
    p.sheet(s.id).set(field, field === 'name' && rnd.chance(0.3) ? { toString: 1 } : hostileValue(rnd));
    return { label: `sheet ${s.id}.${field}`, touched: [{ kind: 'sheetMeta', sheetId: s.id }] };
  },
  sheetPart: (rnd, p, shape) => {
    const s = sheetOf(rnd, shape);
    const part = rnd.pick(['columns', 'rows', 'rowOrder', 'cells', 'rules', 'charts']);
    if (rnd.chance(0.5)) p.sheet(s.id).delete(part);
    else p.sheet(s.id).set(part, hostileValue(rnd));
    return { label: `sheet ${s.id} part ${part}`, touched: [{ kind: 'sheet', sheetId: s.id }] };
  },
  sheetReplaced: (rnd, p, shape) => {
    const s = sheetOf(rnd, shape);
    p.sheets.set(s.id, hostileValue(rnd));
    return { label: `sheet ${s.id} replaced`, touched: [{ kind: 'sheet', sheetId: s.id }] };
  },
  sheetAdded: (rnd, p) => {
    const m = new Y.Map<unknown>();
    m.set('name', hostileValue(rnd));
    if (rnd.chance(0.5)) for (const part of ['columns', 'rows', 'rowOrder', 'cells', 'rules']) m.set(part, new Y.Map());
    const key = rnd.chance(0.5) ? hostileKey(rnd) : `evil${rnd.int(1000)}`;
    p.sheets.set(key, rnd.chance(0.8) ? m : hostileValue(rnd));
    return { label: `sheet added under "${key.slice(0, 12)}"`, touched: [] };
  },
  columnField: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const c = rnd.pick(s.columns);
    const field = rnd.pick(['name', 'type', 'options', 'formula', 'labels', 'order']);
    const value = field === 'type' && rnd.chance(0.5) ? rnd.pick(UNKNOWN_WORDS) : hostileValue(rnd);
    p.column(s.id, c).set(field, value);
    return { label: `column ${s.id}/${c}.${field}`, touched: [{ kind: 'column', sheetId: s.id, colId: c }] };
  },
  columnOptions: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const c = rnd.pick(s.columns);
    const option = rnd.pick(['choices', 'currency', 'precision', 'refSheet', 'key', 'width', 'pinned']);
    const value = option === 'refSheet' && rnd.chance(0.5) ? '__proto__' : option === 'currency' ? rnd.pick(['XBT', '__proto__', 5]) : hostileValue(rnd);
    p.column(s.id, c).set('options', withField(p.column(s.id, c).get('options'), option, value));
    return { label: `column ${s.id}/${c}.options.${option}`, touched: [{ kind: 'column', sheetId: s.id, colId: c }] };
  },
  columnMissing: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const c = rnd.pick(s.columns);
    const field = rnd.pick(['name', 'type', 'options', 'order']);
    p.column(s.id, c).delete(field);
    return { label: `column ${s.id}/${c}.${field} deleted`, touched: [{ kind: 'column', sheetId: s.id, colId: c }] };
  },
  columnReplaced: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    if (rnd.chance(0.5)) {
      const c = rnd.pick(s.columns);
      p.part(s.id, 'columns').set(c, hostileValue(rnd));
      return { label: `column ${s.id}/${c} replaced`, touched: [{ kind: 'column', sheetId: s.id, colId: c }] };
    }
    const m = new Y.Map<unknown>();
    m.set('name', rnd.pick(PROTO_KEYS));
    m.set('type', rnd.pick(['text', 'money', '__proto__']));
    p.part(s.id, 'columns').set(hostileKey(rnd), m);
    return { label: `column added to ${s.id}`, touched: [] };
  },
  cellShape: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const [r, c] = [rnd.pick(s.rows), rnd.pick(s.columns)];
    p.part(s.id, 'cells').set(`${r} ${c}`, hostileValue(rnd));
    return { label: `cell ${s.id}/${r}/${c}`, touched: [{ kind: 'cell', sheetId: s.id, rowId: r, colId: c }] };
  },
  cellKind: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const [r, c] = [rnd.pick(s.rows), rnd.pick(s.columns)];
    p.part(s.id, 'cells').set(`${r} ${c}`, rnd.pick(['abc', 12.5, -3, true, '2026-13-45', '', 'x'.repeat(33_000), { f: '=1/0' }]));
    return { label: `cell ${s.id}/${r}/${c} of another kind`, touched: [{ kind: 'cell', sheetId: s.id, rowId: r, colId: c }] };
  },
  cellKey: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    p.part(s.id, 'cells').set(rnd.pick([hostileKey(rnd), `${rnd.pick(s.rows)} __proto__`, `__proto__ ${rnd.pick(s.columns)}`]), hostileValue(rnd));
    return { label: `cell under a hostile key in ${s.id}`, touched: [] };
  },
  rowRecord: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const r = rnd.pick(s.rows);
    p.part(s.id, 'rows').set(r, hostileValue(rnd));
    return { label: `row ${s.id}/${r} replaced`, touched: [{ kind: 'row', sheetId: s.id, rowId: r }] };
  },
  rowSlot: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const r = rnd.pick(s.rows);
    const rec = p.part(s.id, 'rows').get(r);
    if (!Array.isArray(rec) || rec.length < 2) return { label: 'row slot (none)', touched: [] };
    const at = 1 + rnd.int(rec.length - 1);
    const layout = p.layouts.get(String(rec[0]));
    const colId = Array.isArray(layout) ? String(layout[at - 1]) : '';
    const copy = [...rec];
    copy[at] = hostileValue(rnd);
    p.part(s.id, 'rows').set(r, copy);
    return { label: `row ${s.id}/${r} slot ${at}`, touched: [{ kind: 'cell', sheetId: s.id, rowId: r, colId }] };
  },
  rowLayoutId: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const r = rnd.pick(s.rows);
    const rec = p.part(s.id, 'rows').get(r);
    const copy = Array.isArray(rec) ? [...rec] : [];
    copy[0] = rnd.chance(0.5) ? rnd.pick(PROTO_KEYS) : hostileValue(rnd);
    p.part(s.id, 'rows').set(r, copy);
    return { label: `row ${s.id}/${r} layout id`, touched: [{ kind: 'row', sheetId: s.id, rowId: r }] };
  },
  rowOrder: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const r = rnd.pick(s.rows);
    p.part(s.id, 'rowOrder').set(r, rnd.chance(0.3) ? { toString: 1 } : hostileValue(rnd));
    return { label: `row ${s.id}/${r} order key`, touched: [{ kind: 'row', sheetId: s.id, rowId: r }] };
  },
  rowAdded: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    p.part(s.id, 'rows').set(rnd.chance(0.5) ? hostileKey(rnd) : `new${rnd.int(1e6)}`, hostileValue(rnd));
    return { label: `row added to ${s.id}`, touched: [] };
  },
  layout: (rnd, p, shape) => {
    const l = rnd.pick(shape.layouts);
    p.layouts.set(l, rnd.chance(0.3) ? ['__proto__', 5, null] : hostileValue(rnd));
    return { label: `layout ${l}`, touched: [{ kind: 'layout', layoutId: l }] };
  },
  rule: (rnd, p, shape) => {
    const s = rnd.pick(withRules(shape));
    const id = rnd.pick(s.rules);
    const rules = p.part(s.id, 'rules');
    const field = rnd.pick(['name', 'when', 'level', 'message', 'columns', 'labels', 'messageLabels', '(whole)']);
    rules.set(id, field === '(whole)' ? hostileValue(rnd) : withField(rules.get(id), field, field === 'level' ? rnd.pick(UNKNOWN_WORDS) : hostileValue(rnd)));
    return { label: `rule ${s.id}/${id}.${field}`, touched: [{ kind: 'rule', sheetId: s.id, id }] };
  },
  chart: (rnd, p, shape) => {
    const s = rnd.pick(withCharts(shape));
    const id = rnd.pick(s.charts);
    const charts = p.part(s.id, 'charts');
    const stored = charts.get(id) as Record<string, unknown>;
    const field = rnd.pick(['title', 'kind', 'x', 'series', 'filters', 'threshold', 'labels', 'series[0]', '(whole)']);
    let value: unknown;
    if (field === '(whole)') value = hostileValue(rnd);
    else if (field === 'series[0]') {
      const series = Array.isArray(stored.series) ? [...(stored.series as unknown[])] : [];
      series[0] = withField(series[0], rnd.pick(['column', 'aggregate', 'error', 'as']), rnd.chance(0.5) ? rnd.pick(UNKNOWN_WORDS) : hostileValue(rnd));
      value = withField(stored, 'series', series);
    } else value = withField(stored, field, field === 'kind' ? rnd.pick(UNKNOWN_WORDS) : hostileValue(rnd));
    charts.set(id, value);
    return { label: `chart ${s.id}/${id}.${field}`, touched: [{ kind: 'chart', sheetId: s.id, id }] };
  },
  tile: (rnd, p, shape) => {
    if (shape.tiles.length === 0 || rnd.chance(0.3)) {
      p.dashboard.set(rnd.chance(0.5) ? hostileKey(rnd) : `tile${rnd.int(1000)}`, hostileValue(rnd));
      return { label: 'tile added', touched: [] };
    }
    const id = rnd.pick(shape.tiles);
    const field = rnd.pick(['sheetId', 'order', 'w', 'h', '(whole)']);
    p.dashboard.set(id, field === '(whole)' ? hostileValue(rnd) : withField(p.dashboard.get(id), field, hostileValue(rnd)));
    return { label: `tile ${id}.${field}`, touched: [{ kind: 'tile', id }] };
  },
  history: (rnd, p, shape) => {
    const s = rnd.pick(withRows(shape));
    const entry = rnd.chance(0.5)
      ? hostileValue(rnd)
      : { id: '1.1', s: s.id, k: `${rnd.pick(s.rows)} ${rnd.pick(s.columns)}`, v: hostileValue(rnd), u: hostileValue(rnd), n: 'Mallory', t: hostileValue(rnd), p: null };
    // A list takes no bare big integer (Yjs refuses it there): such a value goes in a list of its own.
    const item = typeof entry === 'bigint' ? [entry] : entry;
    if (rnd.chance(0.5)) p.edits.push([item]);
    else p.edits.insert(0, [item]);
    if (rnd.chance(0.3)) p.seen.set(hostileKey(rnd), hostileValue(rnd));
    return { label: 'history entry', touched: [{ kind: 'history' }] };
  },
  version: (rnd, p) => {
    p.server.set('schema', rnd.chance(0.5) ? 999 : hostileValue(rnd));
    return { label: 'schema version forged', touched: [{ kind: 'server' }], forgesVersion: true };
  },
};

const KINDS = Object.keys(MUTATIONS);

/**
 * `count` hostile updates against the workbook encoded in `base`, from `seed`. Each is made by a
 * fresh peer from `base` alone (they do not build on each other). `versionForgeries: false` leaves
 * out updates that write the schema version (the relay closes their sender).
 */
export const hostileCases = (base: Uint8Array, baseWorkbook: Workbook, seed: number, count: number, opts: { versionForgeries?: boolean } = {}): HostileCase[] => {
  const rnd = seededRandom(seed);
  const shape = shapeOf(baseWorkbook);
  const kinds = opts.versionForgeries === false ? KINDS.filter((k) => k !== 'version') : KINDS;
  const out: HostileCase[] = [];
  for (let index = 0; index < count; index++) {
    const p = peerDoc(base);
    p.doc.clientID = 1_000_000 + seed * 1000 + index;
    const before = Y.encodeStateVector(p.doc);
    const labels: string[] = [];
    const touched: Touch[] = [];
    let forgesVersion = false;
    // Every kind in turn first, so that each is covered whatever the count; then one to three at random.
    const picks = index < kinds.length ? [kinds[index] ?? 'cellShape'] : Array.from({ length: 1 + rnd.int(3) }, () => rnd.pick(kinds));
    p.doc.transact(() => {
      for (const kind of picks) {
        const m = MUTATIONS[kind];
        if (!m) continue;
        let r: ReturnType<Mutation>;
        try {
          r = m(rnd, p, shape);
        } catch {
          // An earlier mutation of this update took away what this one reads (a replaced sheet, say).
          labels.push(`${kind} (nothing left to change)`);
          continue;
        }
        labels.push(r.label);
        touched.push(...r.touched);
        forgesVersion ||= r.forgesVersion === true;
      }
    });
    out.push({ index, label: labels.join('; '), update: Y.encodeStateAsUpdate(p.doc, before), touched, forgesVersion });
    p.doc.destroy();
  }
  return out;
};
