/**
 * The moments and devices of a kept history (src/model): what a person picks from to restore the
 * workbook ("as it was at 14:31") or to revert someone's changes ("Mallory's, since 14:33").
 *
 * A moment is the end of one device's burst of changes: its changes in a row, with no change of
 * another device between them and no pause of more than five minutes. Both the app and the CLI
 * list these, computed here from the same history, so they agree; the CLI prints each moment's
 * exact time, which `restore --to` takes, so the moment right before a vandal's burst is listed.
 */
import type { ChangeCounts, Device, Moment } from '../schema/moment-types.ts';
import type { KeptHistory } from './kept-history.ts';
import { keptSheets, keyItems } from './kept-maps.ts';
import type { Timeline } from './timeline.ts';

/** A pause longer than this ends a burst of changes. */
export const BURST_GAP_MS = 5 * 60_000;

/**
 * Which device a Yjs client id belongs to, as a key: today the name its changes carry (one
 * person's tabs and visits are one device); a client that dated nothing is a device of its own.
 * The one place this is decided, so that the relay's record of who owns each client id (issue #16
 * part 4) can take over here.
 */
export const deviceOf = (client: number, name: string | undefined): string => (name === undefined ? `client:${client}` : `name:${name}`);

const noCounts = (): ChangeCounts => ({ cells: 0, rowsAdded: 0, rowsDeleted: 0, changes: 0 });

interface Burst {
  moment: Moment;
  cells: Set<string>;
}

/** The devices of a history and their bursts; each change is credited to its device and burst. */
class Tally {
  readonly devices = new Map<string, Device & { cellKeys: Set<string> }>();
  private readonly deviceOfClient = new Map<number, string>();
  private readonly bursts = new Map<string, Burst[]>();

  constructor(private readonly timeline: Timeline) {
    const named = timeline.clients();
    for (const client of timeline.allClients()) {
      const marks = named.get(client);
      const name = marks?.at(-1)?.name;
      const key = deviceOf(client, name);
      this.deviceOfClient.set(client, key);
      let d = this.devices.get(key);
      if (!d) {
        d = { key, name: name ?? '', clients: [], first: null, last: null, counts: noCounts(), cellKeys: new Set() };
        this.devices.set(key, d);
      }
      d.clients.push(client);
    }
    // Bursts in time order: the next change of the same device within the gap extends a burst;
    // a change of another device in between, or a longer pause, starts a new one.
    const all = [...this.devices.values()].flatMap((d) => d.clients.flatMap((c) => (named.get(c) ?? []).map((m) => ({ m, d }))));
    all.sort((x, y) => x.m.time - y.m.time || (x.d.key < y.d.key ? -1 : x.d.key > y.d.key ? 1 : 0) || x.m.end - y.m.end);
    let last: Burst | undefined;
    for (const { m, d } of all) {
      if (!last || last.moment.device !== d.key || m.time - last.moment.time > BURST_GAP_MS) {
        last = { moment: { time: m.time, start: m.time, device: d.key, name: d.name, kinds: [], counts: noCounts() }, cells: new Set() };
        const list = this.bursts.get(d.key);
        if (list) list.push(last);
        else this.bursts.set(d.key, [last]);
      }
      last.moment.time = m.time;
      if (m.tick) last.moment.counts.changes++;
      if (m.kind && !last.moment.kinds.includes(m.kind)) last.moment.kinds.push(m.kind);
    }
    for (const d of this.devices.values()) {
      const list = this.bursts.get(d.key) ?? [];
      d.first = list[0]?.moment.start ?? null;
      d.last = list.at(-1)?.moment.time ?? null;
      d.counts.changes = list.reduce((n, b) => n + b.moment.counts.changes, 0);
    }
  }

  private burstOf(device: string, time: number | undefined): Burst | undefined {
    if (time === undefined) return undefined;
    return this.bursts.get(device)?.find((b) => b.moment.start <= time && time <= b.moment.time);
  }

  /** Credits a change of `client` at `clock` (or a deletion it made at `time`). */
  credit(client: number, clock: number, what: 'cells' | 'rowsAdded' | 'rowsDeleted', cell?: string, time?: number): void {
    const key = this.deviceOfClient.get(client);
    const d = key === undefined ? undefined : this.devices.get(key);
    if (!key || !d) return;
    const burst = this.burstOf(key, time ?? this.timeline.dateOf(client, clock));
    if (what === 'cells' && cell !== undefined) {
      if (!d.cellKeys.has(cell)) {
        d.cellKeys.add(cell);
        d.counts.cells++;
      }
      if (burst && !burst.cells.has(cell)) {
        burst.cells.add(cell);
        burst.moment.counts.cells++;
      }
      return;
    }
    d.counts[what]++;
    if (burst) burst.moment.counts[what]++;
  }

  moments(): Moment[] {
    return [...this.bursts.values()].flat().map((b) => b.moment);
  }
}

/** The moments of a history, newest first, and its devices, most recently active first. */
export const listHistory = (history: KeptHistory): { moments: Moment[]; devices: Device[] } => {
  const timeline = history.timeline;
  const tally = new Tally(timeline);
  for (const sheet of keptSheets(history.doc)) {
    for (const key of sheet.cells._map.keys()) {
      for (const it of keyItems(sheet.cells, key)) tally.credit(it.id.client, it.id.clock, 'cells', `${sheet.id} ${key}`);
    }
    for (const rowId of sheet.rows._map.keys()) {
      for (const it of keyItems(sheet.rows, rowId)) {
        tally.credit(it.id.client, it.id.clock, 'rowsAdded');
        const claim = it.deleted ? timeline.claimsOn(it.id.client, it.id.clock).sort((a, b) => a.time - b.time)[0] : undefined;
        if (claim) tally.credit(claim.by, 0, 'rowsDeleted', undefined, claim.time);
      }
    }
  }
  const devices = [...tally.devices.values()].map(({ cellKeys: _cells, ...d }): Device => d);
  const recent = (d: Device) => d.last ?? -Infinity;
  return {
    moments: tally.moments().sort((a, b) => b.time - a.time || (a.device < b.device ? -1 : 1)),
    devices: devices.sort((a, b) => recent(b) - recent(a) || (a.key < b.key ? -1 : 1)),
  };
};

/**
 * The Yjs client ids that `wanted` names: a device's key or name (all its clients), or one client
 * id. Names nothing matches are returned in `unknown`.
 */
export const clientsOf = (devices: readonly Device[], wanted: readonly string[]): { clients: Set<number>; unknown: string[] } => {
  const clients = new Set<number>();
  const unknown: string[] = [];
  for (const w of wanted) {
    const t = w.trim();
    const named = devices.filter((d) => d.key === t || d.name.toLowerCase() === t.toLowerCase());
    const client = /^\d+$/.test(t) && devices.some((d) => d.clients.includes(Number(t))) ? Number(t) : null;
    if (named.length === 0 && client === null) unknown.push(w);
    for (const d of named) for (const c of d.clients) clients.add(c);
    if (client !== null) clients.add(client);
  }
  return { clients, unknown };
};
