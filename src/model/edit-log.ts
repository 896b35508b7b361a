/**
 * The document's history of cell writes (private to src/model): who changed which cell to what and
 * when, and which writes were concurrent, so that a value that lost against another one written at
 * the same time is kept and shown rather than silently gone.
 *
 *   edits: Y.Array (root)  one plain entry per logged write, appended in the writing transaction
 *     edit  { id, s: sheetId, k: "rowId colId", v: value, u: userId, n: name, t: ms, p: id | null }
 *           p is the entry this replica showed as the cell's latest when it wrote (its head): two
 *           entries with the same p were written without either seeing the other.
 *     bulk  { id, s, b: 'rows' | 'cells' | 'retype', count, c: clientId, from, to, u, n, t }
 *           one entry for an import, a big paste or a retype: the Yjs clock range [from, to) of the
 *           writer's transaction names every cell it wrote, so nothing is logged cell by cell.
 *   seen:  Y.Map (root)  lost entry id -> { s, k, u, n, t }: someone looked at that lost value.
 *
 * Both are root types (a sheet written before history existed needs no new nested map, which two
 * replicas could create concurrently and so lose one). The log is outside the undo scope: an undo
 * is logged as a write of its own, so entries are never removed and a predecessor is never missing.
 * The Yjs garbage collector stays on: lost values survive here, not as tombstones.
 */
import * as Y from 'yjs';
import type { CellHistoryEntry, HistoryKind, WorkbookUser } from './history-types.ts';
import type { CellValue } from './types.ts';

export const ROOT_EDITS = 'edits';
export const ROOT_SEEN = 'seen';

/** More cells than this in one write are logged as one bulk entry. */
export const LOG_CELL_LIMIT = 1000;

/** A logged write of one cell, as stored. */
export interface StoredEdit {
  id: string;
  s: string;
  k: string;
  v: CellValue;
  u: string;
  n: string;
  t: number;
  p: string | null;
}

/** A bulk write, as stored. */
export interface StoredBulk {
  id: string;
  s: string;
  b: Exclude<HistoryKind, 'edit'>;
  count: number;
  c: number;
  from: number;
  to: number;
  u: string;
  n: string;
  t: number;
}

export type StoredEntry = StoredEdit | StoredBulk;

/** Someone looked at a lost value. */
export interface SeenMark {
  s: string;
  k: string;
  u: string;
  n: string;
  t: number;
}

/** The Yjs id of the item that holds a cell's current value (its edit, or its row as inserted). */
export interface WriterId {
  client: number;
  clock: number;
}

const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Entries come from peers too: one that is not well formed is ignored rather than trusted. */
const wellFormed = (e: unknown): e is StoredEntry => {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Record<string, unknown>;
  if (!isStr(r.id) || !isStr(r.s) || !isStr(r.u) || !isStr(r.n) || !isNum(r.t)) return false;
  if ('b' in r) return isStr(r.b) && isNum(r.count) && isNum(r.c) && isNum(r.from) && isNum(r.to);
  return isStr(r.k) && (r.p === null || isStr(r.p)) && 'v' in r;
};

const isBulk = (e: StoredEntry): e is StoredBulk => 'b' in e;

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Newest first: by the writer's time, then by id (every replica orders alike). */
const newestFirst = (a: { t: number; id: string }, b: { t: number; id: string }): number => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** One sheet's entries: edits by cell, bulk writes in log order. */
interface SheetLog {
  cells: Map<string, StoredEdit[]>;
  bulks: StoredBulk[];
}

/** The entry a replica shows as a cell's latest: among entries nobody wrote after, the one holding the current value (else the newest). */
export const headOf = (list: readonly StoredEdit[], current: CellValue): StoredEdit | undefined => {
  if (list.length === 0) return undefined;
  const parents = new Set(list.map((e) => e.p));
  const frontier = list.filter((e) => !parents.has(e.id));
  const holding = frontier.filter((e) => same(e.v, current));
  return [...(holding.length > 0 ? holding : frontier)].sort(newestFirst)[0];
};

/**
 * Entries of one cell whose value was not kept: those off the line that leads to the head, whose
 * value differs from the one kept where that line went on (equal concurrent values lose nothing).
 */
export const lostOf = (list: readonly StoredEdit[], current: CellValue): StoredEdit[] => {
  const head = headOf(list, current);
  if (!head) return [];
  const byId = new Map(list.map((e) => [e.id, e]));
  const line = new Set<string>();
  const keptAfter = new Map<string | null, StoredEdit>();
  for (let e: StoredEdit | undefined = head; e && !line.has(e.id); e = e.p === null ? undefined : byId.get(e.p)) {
    line.add(e.id);
    keptAfter.set(e.p, e);
  }
  return list.filter((e) => !line.has(e.id) && !same(e.v, keptAfter.get(e.p)?.v ?? current));
};

/** The in-memory index over the log: entries by sheet and cell, and each sheet's unseen conflicts. */
export class EditLog {
  private index: Map<string, SheetLog> | null = null;
  private conflicts = new Map<string, Map<string, StoredEdit[]>>();

  constructor(
    readonly edits: Y.Array<StoredEntry>,
    readonly seen: Y.Map<SeenMark>,
  ) {}

  /** Entries appended by a transaction; `removed` when any left (trimmed): then the index is rebuilt. */
  applied(added: readonly unknown[], removed: boolean): void {
    this.conflicts.clear();
    if (removed) this.index = null;
    if (!this.index) return;
    for (const e of added) if (wellFormed(e)) this.add(this.index, e);
  }

  /** Forgets computed conflicts (of one sheet, or all): cell values or seen marks changed. */
  invalidate(sheetId?: string): void {
    if (sheetId === undefined) this.conflicts.clear();
    else this.conflicts.delete(sheetId);
  }

  private add(index: Map<string, SheetLog>, e: StoredEntry): void {
    let sheet = index.get(e.s);
    if (!sheet) {
      sheet = { cells: new Map(), bulks: [] };
      index.set(e.s, sheet);
    }
    if (isBulk(e)) sheet.bulks.push(e);
    else {
      const list = sheet.cells.get(e.k);
      if (list) list.push(e);
      else sheet.cells.set(e.k, [e]);
    }
  }

  private sheet(sheetId: string): SheetLog | undefined {
    if (!this.index) {
      const index = new Map<string, SheetLog>();
      for (const e of this.edits.toArray()) if (wellFormed(e)) this.add(index, e);
      this.index = index;
    }
    return this.index.get(sheetId);
  }

  /** The logged edits of one cell, in log order. */
  cellEdits(sheetId: string, key: string): readonly StoredEdit[] {
    return this.sheet(sheetId)?.cells.get(key) ?? [];
  }

  /** The id of the entry this replica shows as the cell's latest (the predecessor of a new write). */
  headId(sheetId: string, key: string, current: CellValue): string | null {
    return headOf(this.cellEdits(sheetId, key), current)?.id ?? null;
  }

  /**
   * Appends edit entries (inside the writing transaction). Each entry's id is the Yjs id its array
   * slot gets (client and clock): unique, and the same on every replica, with no random draw.
   */
  logEdits(sheetId: string, entries: readonly { key: string; value: CellValue; pred: string | null }[], user: WorkbookUser): void {
    if (entries.length === 0) return;
    const doc = this.edits.doc;
    if (!doc) return;
    const base = clockOf(doc);
    const t = Date.now();
    // insert at the end, not push: push walks the whole list from its start, insert uses the search markers.
    this.edits.insert(this.edits.length, entries.map((e, i): StoredEdit => ({ id: `${doc.clientID}.${base + i}`, s: sheetId, k: e.key, v: e.value, u: user.id, n: user.name, t, p: e.pred })));
  }

  /** Appends one bulk entry naming the clock range of a transaction's writes. */
  logBulk(sheetId: string, kind: StoredBulk['b'], count: number, range: { c: number; from: number; to: number }, user: WorkbookUser): void {
    const doc = this.edits.doc;
    if (!doc || range.to <= range.from) return;
    this.edits.insert(this.edits.length, [{ id: `${doc.clientID}.${clockOf(doc)}`, s: sheetId, b: kind, count, ...range, u: user.id, n: user.name, t: Date.now() }]);
  }

  /**
   * A cell's history, newest first. `cell` is the item of its edited value (when edited since its
   * row was added), `row` the item of its row with `base` the value the row came with: a bulk
   * write whose clock range holds either item is the cell's entry for that write.
   */
  history(sheetId: string, key: string, current: CellValue, items: { cell: WriterId | null; row: WriterId | null; base: CellValue }): CellHistoryEntry[] {
    const list = this.cellEdits(sheetId, key);
    const head = headOf(list, current);
    const lost = new Set(lostOf(list, current).map((e) => e.id));
    const out: CellHistoryEntry[] = list.map((e) => {
      const entry: CellHistoryEntry = { id: e.id, kind: 'edit', value: e.v, userId: e.u, userName: e.n, time: e.t, current: false, lost: lost.has(e.id) };
      const mark = this.seen.get(e.id);
      if (entry.lost && mark) entry.seenBy = { userName: mark.n, time: mark.t };
      return entry;
    });
    const bulks = this.sheet(sheetId)?.bulks ?? [];
    const bulkOf = (w: WriterId | null) => (w ? bulks.find((b) => b.c === w.client && w.clock >= b.from && w.clock < b.to) : undefined);
    const rowBulk = bulkOf(items.row);
    if (rowBulk) out.push({ id: rowBulk.id, kind: rowBulk.b, value: items.base, userId: rowBulk.u, userName: rowBulk.n, time: rowBulk.t, count: rowBulk.count, current: false, lost: false });
    const cellBulk = bulkOf(items.cell);
    if (cellBulk) out.push({ id: cellBulk.id, kind: cellBulk.b, value: current, userId: cellBulk.u, userName: cellBulk.n, time: cellBulk.t, count: cellBulk.count, current: false, lost: false });
    const bulk = items.cell ? cellBulk : rowBulk;
    // What the cell shows came from the newest of: its head edit (when it holds that value) and the bulk write of its item.
    const candidates = out.filter((h) => (h.id === head?.id && same(h.value, current)) || h.id === bulk?.id);
    const now = candidates.sort((a, b) => newestFirst({ t: a.time, id: a.id }, { t: b.time, id: b.id }))[0];
    if (now) now.current = true;
    return out.sort((a, b) => newestFirst({ t: a.time, id: a.id }, { t: b.time, id: b.id }));
  }

  /** Cells of a sheet (by key) that lost a concurrent write nobody has looked at, with those entries. */
  sheetConflicts(sheetId: string, current: (key: string) => CellValue | undefined): ReadonlyMap<string, StoredEdit[]> {
    let found = this.conflicts.get(sheetId);
    if (found) return found;
    found = new Map();
    for (const [key, list] of this.sheet(sheetId)?.cells ?? []) {
      if (list.length < 2) continue;
      // Only a cell where two entries share a predecessor can have lost a value.
      const preds = new Set(list.map((e) => e.p));
      if (preds.size === list.length) continue;
      const value = current(key);
      if (value === undefined) continue; // its row or column is gone
      const lost = lostOf(list, value).filter((e) => !this.seen.has(e.id));
      if (lost.length > 0) found.set(key, lost.sort(newestFirst));
    }
    this.conflicts.set(sheetId, found);
    return found;
  }

  /** Marks the lost entries of a cell as seen (inside a transaction); returns how many. */
  markSeen(sheetId: string, key: string, current: CellValue, user: WorkbookUser): number {
    const lost = lostOf(this.cellEdits(sheetId, key), current).filter((e) => !this.seen.has(e.id));
    for (const e of lost) this.seen.set(e.id, { s: sheetId, k: key, u: user.id, n: user.name, t: Date.now() });
    return lost.length;
  }
}

/**
 * What a transaction did to the log: the entries it added and whether it removed any. Found from
 * the structs the transaction created and its delete set, because an array event's own `changes`
 * walk the whole log on every transaction (quadratic over a session's edits).
 */
export const transactionEntries = (edits: Y.Array<StoredEntry>, txn: Y.Transaction): { added: unknown[]; removed: boolean } => {
  const added: unknown[] = [];
  txn.afterState.forEach((after, client) => {
    const before = txn.beforeState.get(client) ?? 0;
    const structs = txn.doc.store.clients.get(client);
    if (after <= before || !structs) return;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const s = structs[i];
      if (!s || s.id.clock >= after) break;
      if (s instanceof Y.Item && s.parent === edits && !s.deleted) added.push(...(s.content.getContent() as unknown[]));
    }
  });
  let removed = false;
  Y.iterateDeletedStructs(txn, txn.deleteSet, (s) => {
    if (s instanceof Y.Item && s.parent === edits) removed = true;
  });
  return { added, removed };
};

/** The clock of this replica's next write (the start or end of a bulk entry's range). */
export const clockOf = (doc: Y.Doc): number => Y.getState(doc.store, doc.clientID);

/** The item holding a key's value in a map, when it is there. */
export const itemIdOf = (map: Y.Map<unknown>, key: string): WriterId | null => {
  const item = map._map.get(key);
  return item && !item.deleted ? { client: item.id.client, clock: item.id.clock } : null;
};
