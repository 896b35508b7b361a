/**
 * Dating a kept history (src/model): when each change of a workbook was made, read from a document
 * that keeps deleted content (the relay's or the store's, gc off). Loaded with the versions panel
 * and the CLI's history commands, never with the grid.
 *
 * Marks. Each Yjs client (one replica: a browser tab, a CLI run) writes its changes with rising
 * clocks. Every timeline entry (timeline-log.ts) and every cell-history entry (edit-log.ts) is an
 * item of its writer, written in the transaction it describes, so "the writer's changes below this
 * clock were made by this time" — a mark. A change is dated by the first mark of its client above
 * it; a client's marks never go back in time (a clock set back is read as no time passing).
 * A change with no mark above it (a stock Yjs client, a program that keeps no history) is undated.
 *
 * Deletions are dated by the timeline entry that names them; else, for a map value, by the value
 * that replaced it; else by the deletion of what held it. A deletion nothing dates is undated.
 *
 * Rules: the state at time T holds every change dated at or before T, every undated change, and
 * every deletion dated at or before T or undated: what the log does not date is left as it is.
 * (A Yjs snapshot could say the same, but rebuilding one needs code of Yjs that the app's first
 * load would then carry; undoing what was done after T needs only its undo manager.)
 */
import * as Y from 'yjs';
import { KEPT_ROOTS } from './kept-roots.ts';
import { shownName } from '../schema/shown-name.ts';

/** A set of Yjs ids (client → ranges of clocks), as Yjs keeps deletions. */
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** A point on one client's timeline: its changes below `end` were made by `time`. */
export interface Mark {
  end: number;
  /** The writer's time, never earlier than the client's marks below it. */
  time: number;
  /** The writer's time as stored. */
  stamped: number;
  name: string;
  /** From a timeline entry (not a cell-history entry), with its kind ('' for an edit). */
  tick: boolean;
  kind: string;
}

/** A deletion a timeline entry names: clocks [clock, end) of one client, deleted by `by` at `time`. */
export interface Claim {
  clock: number;
  end: number;
  time: number;
  by: number;
}

const MAX_TEXT = 500;
const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT;
const isClock = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Each element of a root array with its Yjs id; deleted ones too (a kept history still has them). */
const elements = (arr: Y.Array<unknown>, f: (value: unknown, client: number, clock: number) => void): void => {
  for (let item = arr._start; item; item = item.right) {
    const { content, id } = item;
    if (content instanceof Y.ContentAny) content.arr.forEach((v: unknown, i: number) => f(v, id.client, id.clock + i));
  }
};

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** The first index of `list` where `holds` is true (it is false before that index and true from it on). */
const firstWhere = <T,>(list: readonly T[], holds: (t: T) => boolean): number => {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(list[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

/** When each change of a kept history was made, and by which client (see the module comment). */
export class Timeline {
  private readonly marks = new Map<number, Mark[]>();
  /** By the client of the deleted items: claims sorted by clock, with the furthest end so far. */
  private readonly claims = new Map<number, { list: Claim[]; reach: number[] }>();
  private readonly deletions = new Map<Y.Item, number | null>();

  constructor(readonly doc: Y.Doc) {
    const add = (client: number, m: Mark) => {
      const list = this.marks.get(client);
      if (list) list.push(m);
      else this.marks.set(client, [m]);
    };
    const claims: { client: number; claim: Claim; mark: Mark }[] = [];
    elements(doc.getArray(KEPT_ROOTS.timeline), (v, client, clock) => {
      const e = record(v);
      if (!e || !isTime(e.t) || !Array.isArray(e.d) || e.d.length % 3 !== 0) return;
      // The name is its writer's claim, shown through shownName: a long one does not hide the entry.
      if (typeof e.n !== 'string' || (e.k !== undefined && !isText(e.k))) return;
      const d = e.d as unknown[];
      if (!d.every(isClock)) return;
      const mark: Mark = { end: clock + 1, time: e.t, stamped: e.t, name: shownName(e.n), tick: true, kind: typeof e.k === 'string' ? e.k : '' };
      add(client, mark);
      for (let i = 0; i + 2 < d.length; i += 3) {
        const [c, k, n] = [d[i], d[i + 1], d[i + 2]] as [number, number, number];
        if (n > 0) claims.push({ client: c, claim: { clock: k, end: k + n, time: e.t, by: client }, mark });
      }
    });
    elements(doc.getArray(KEPT_ROOTS.edits), (v, client, clock) => {
      const e = record(v);
      if (e && isTime(e.t) && typeof e.n === 'string') add(client, { end: clock + 1, time: e.t, stamped: e.t, name: shownName(e.n), tick: false, kind: '' });
    });
    for (const list of this.marks.values()) {
      list.sort((a, b) => a.end - b.end);
      let latest = -Infinity;
      for (const m of list) m.time = latest = Math.max(latest, m.time);
    }
    // A deletion is as late as its entry's mark says (its stored time may be earlier than that).
    for (const { client, claim, mark } of claims) {
      claim.time = mark.time;
      const c = this.claims.get(client);
      if (c) c.list.push(claim);
      else this.claims.set(client, { list: [claim], reach: [] });
    }
    for (const c of this.claims.values()) {
      c.list.sort((a, b) => a.clock - b.clock);
      let reach = 0;
      c.reach = c.list.map((x) => (reach = Math.max(reach, x.end)));
    }
  }

  /** Clients that dated any change, with their marks (by clock). */
  clients(): ReadonlyMap<number, readonly Mark[]> {
    return this.marks;
  }

  /** Every client of the document (dated or not). */
  allClients(): number[] {
    return [...this.doc.store.clients.keys()];
  }

  /** The mark that dates the change with this Yjs id, or undefined when nothing does. */
  markOf(client: number, clock: number): Mark | undefined {
    const list = this.marks.get(client);
    return list ? list[firstWhere(list, (m) => m.end > clock)] : undefined;
  }

  /** By when the change with this Yjs id was made, or undefined when nothing dates it. */
  dateOf(client: number, clock: number): number | undefined {
    return this.markOf(client, clock)?.time;
  }

  /** The clock below which a client's changes were made at or before `time` (with its undated ones after its last mark). */
  cutAt(client: number, time: number): number {
    const list = this.marks.get(client) ?? [];
    const i = firstWhere(list, (m) => m.time > time);
    return i < list.length ? (list[i - 1]?.end ?? 0) : Y.getState(this.doc.store, client);
  }

  /** The clock from which a client's changes were made at `time` or later, or are undated. */
  cutSince(client: number, time: number): number {
    const list = this.marks.get(client) ?? [];
    const i = firstWhere(list, (m) => m.time >= time);
    return i < list.length ? (list[i - 1]?.end ?? 0) : (list.at(-1)?.end ?? 0);
  }

  /** The timeline entries that say they deleted the item with this Yjs id. */
  claimsOn(client: number, clock: number): Claim[] {
    const c = this.claims.get(client);
    if (!c) return [];
    const out: Claim[] = [];
    for (let i = firstWhere(c.list, (x) => x.clock > clock) - 1; i >= 0 && (c.reach[i] ?? 0) > clock; i--) {
      const x = c.list[i];
      if (x && x.end > clock) out.push(x);
    }
    return out;
  }

  /** When a deleted item was deleted, or undefined when nothing dates it (see the module comment). */
  deletedAt(item: Y.Item): number | undefined {
    const known = this.deletions.get(item);
    if (known !== undefined) return known ?? undefined;
    let at: number | undefined;
    const claims = this.claimsOn(item.id.client, item.id.clock);
    if (claims.length > 0) at = Math.min(...claims.map((c) => c.time));
    else if (item.parentSub !== null && item.right) at = this.dateOf(item.right.id.client, item.right.id.clock);
    else {
      const holder = (item.parent as Y.AbstractType<unknown> | null)?._item;
      if (holder?.deleted) at = this.deletedAt(holder);
    }
    const made = this.dateOf(item.id.client, item.id.clock);
    if (at !== undefined && made !== undefined && at < made) at = made;
    this.deletions.set(item, at ?? null);
    return at;
  }

  /**
   * What was done after `time`, as two sets of Yjs ids: the items made after it, and the items
   * made by then that were deleted after it (with how many of those the history no longer holds:
   * deleted before history was kept, they cannot come back). Undoing both gives the workbook as
   * it was at `time` (restore-moment.ts).
   */
  changesAfter(time: number): { insertions: DeleteSet; deletions: DeleteSet; lost: number } {
    const insertions = Y.createDeleteSet();
    const deletions = Y.createDeleteSet();
    let lost = 0;
    for (const [client, structs] of this.doc.store.clients) {
      const bound = this.cutAt(client, time);
      const end = Y.getState(this.doc.store, client);
      if (bound < end) insertions.clients.set(client, [{ clock: bound, len: end - bound }]);
      const ranges: { clock: number; len: number }[] = [];
      for (const s of structs) {
        const start = s.id.clock;
        if (start >= bound) break;
        if (!(s instanceof Y.Item) || !s.deleted) continue;
        const at = this.deletedAt(s);
        if (at === undefined || at <= time) continue;
        if (s.content instanceof Y.ContentDeleted) lost++;
        const len = Math.min(start + s.length, bound) - start;
        const last = ranges.at(-1);
        if (last && last.clock + last.len === start) last.len += len;
        else ranges.push({ clock: start, len });
      }
      if (ranges.length > 0) deletions.clients.set(client, ranges);
    }
    return { insertions, deletions, lost };
  }
}
