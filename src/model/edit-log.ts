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
 *
 * This module keeps the index and writes entries (needed for every edit); reading a cell's history
 * and finding conflicts is history.ts, which loads with the parts of the app that show them.
 */
import * as Y from 'yjs';
import type { WorkbookUser } from '../schema/history-types.ts';
import { readLogEntry, readSeenMark, type SeenMark, type StoredBulk, type StoredEdit, type StoredEntry } from '../schema/stored/read-log-entry.ts';
import type { CellValue } from '../schema/types.ts';

export const ROOT_EDITS = 'edits';
export const ROOT_SEEN = 'seen';

/** More cells than this in one write are logged as one bulk entry. */
export const LOG_CELL_LIMIT = 1000;

export type { SeenMark, StoredBulk, StoredEdit, StoredEntry };

/** The Yjs id of the item that holds a cell's current value (its edit, or its row as inserted). */
export interface WriterId {
  client: number;
  clock: number;
}


const isBulk = (e: StoredEntry): e is StoredBulk => 'b' in e;

/** True when two stored values are the same value. */
export const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Newest first: by the writer's time, then by id (every replica orders alike). */
export const newestFirst = (a: { t: number; id: string }, b: { t: number; id: string }): number => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** One sheet's entries: edits by cell, bulk writes in log order. */
export interface SheetLog {
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

/** The in-memory index over the log: entries by sheet and cell (and a cache of each sheet's unseen conflicts, filled by history.ts). */
export class EditLog {
  private index: Map<string, SheetLog> | null = null;
  /** Sheet id → cells (by key) with lost values nobody has looked at; cleared whenever that may change. */
  readonly conflicts = new Map<string, Map<string, StoredEdit[]>>();

  constructor(
    /** The stored entries, unchecked: read through `sheet()`, which leaves out any that cannot be used. */
    readonly edits: Y.Array<unknown>,
    /** Lost entry id → who looked at it, unchecked: read through `seenMark`. */
    readonly seen: Y.Map<unknown>,
  ) {}

  /** Who looked at a lost entry, when someone did (a mark that cannot be read counts as none). */
  seenMark(entryId: string): SeenMark | undefined {
    return readSeenMark(this.seen.get(entryId)).value;
  }

  /** Entries appended by a transaction; `removed` when any left (trimmed): then the index is rebuilt. */
  applied(added: readonly unknown[], removed: boolean): void {
    this.conflicts.clear();
    if (removed) this.index = null;
    if (!this.index) return;
    for (const e of added) {
      const entry = readLogEntry(e).value;
      if (entry) this.add(this.index, entry);
    }
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

  /** One sheet's entries (the index is built on first use). */
  sheet(sheetId: string): SheetLog | undefined {
    if (!this.index) {
      const index = new Map<string, SheetLog>();
      for (const e of this.edits.toArray()) {
        const entry = readLogEntry(e).value;
        if (entry) this.add(index, entry);
      }
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
}

/**
 * What a transaction did to the log: the entries it added and whether it removed any. Found from
 * the structs the transaction created and its delete set, because an array event's own `changes`
 * walk the whole log on every transaction (quadratic over a session's edits).
 */
export const transactionEntries = (edits: Y.Array<unknown>, txn: Y.Transaction): { added: unknown[]; removed: boolean } => {
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
