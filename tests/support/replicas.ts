/**
 * Several replicas of one workbook joined by a simulated network that can hold messages back,
 * deliver them partially and out of order, and drop a replica off and on (as Yjs's own tests do).
 */
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import type { Random } from './random.ts';

const NET = 'network';

/** A simulated network of replicas. */
export class Network {
  readonly replicas: Workbook[] = [];
  /** queues[from][to]: updates sent from one replica, not yet received by the other. */
  private queues: Uint8Array[][][] = [];
  private online: boolean[] = [];

  /** `descending` gives the first replica the highest Yjs client id (conflicts then resolve the other way). */
  constructor(
    count: number,
    readonly rnd: Random,
    { descending = false }: { descending?: boolean } = {},
  ) {
    const clientId = (i: number) => rnd.seed * 16 + 1 + (descending ? count - 1 - i : i);
    const first = Workbook.create({ name: 'Fuzz' }, { clientId: clientId(0), random: rnd.bytes });
    const init = first.encode();
    for (let i = 0; i < count; i++) {
      const wb = i === 0 ? first : new Workbook(new Y.Doc(), { clientId: clientId(i), random: rnd.bytes });
      if (i > 0) wb.applyUpdate(init, NET);
      this.replicas.push(wb);
      this.online.push(true);
    }
    this.queues = this.replicas.map(() => this.replicas.map(() => []));
    this.replicas.forEach((wb, from) => {
      wb.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NET || !this.online[from]) return;
        this.replicas.forEach((_r, to) => {
          if (to !== from && this.online[to]) this.queues[from]?.[to]?.push(update);
        });
      });
    });
  }

  /** Delivers up to `max` queued messages picked at random (links in any order, a link's messages in order or not). */
  deliverSome(max: number): void {
    for (let k = 0; k < max; k++) {
      const links: [number, number][] = [];
      this.queues.forEach((row, from) => row.forEach((q, to) => q.length && links.push([from, to])));
      if (links.length === 0) return;
      const [from, to] = this.rnd.pick(links);
      const q = this.queues[from]?.[to] ?? [];
      const at = this.rnd.chance(0.8) ? 0 : this.rnd.int(q.length);
      const [u] = q.splice(at, 1);
      if (u) this.replicas[to]?.applyUpdate(u, NET);
    }
  }

  /** Takes a replica off the network: what was queued to and from it is lost. */
  disconnect(i: number): void {
    this.online[i] = false;
    this.queues[i] = this.replicas.map(() => []);
    this.queues.forEach((row) => {
      if (row[i]) row[i] = [];
    });
  }

  /** Brings a replica back: it exchanges state-vector diffs with every online peer (sync step 1/2). */
  reconnect(i: number): void {
    this.online[i] = true;
    const me = this.replicas[i];
    if (!me) return;
    this.replicas.forEach((peer, j) => {
      if (j === i || !this.online[j]) return;
      peer.applyUpdate(Y.encodeStateAsUpdate(me.doc, Y.encodeStateVector(peer.doc)), NET);
      me.applyUpdate(Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(me.doc)), NET);
    });
  }

  isOnline(i: number): boolean {
    return this.online[i] ?? false;
  }

  /** Everyone online, every message delivered, every pair fully synced. */
  settle(): void {
    this.replicas.forEach((_r, i) => {
      if (!this.online[i]) this.reconnect(i);
    });
    this.deliverSome(Number.MAX_SAFE_INTEGER);
    for (const a of this.replicas) {
      for (const b of this.replicas) {
        if (a !== b) b.applyUpdate(Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), NET);
      }
    }
  }
}

/** Two replicas that sync only when told to (for merge-semantics tests). */
export const pair = (rnd: Random, descending = false): { a: Workbook; b: Workbook; sync: () => void } => {
  const net = new Network(2, rnd, { descending });
  net.disconnect(0);
  net.disconnect(1);
  const [a, b] = net.replicas as [Workbook, Workbook];
  return {
    a,
    b,
    sync: () => {
      net.reconnect(0);
      net.reconnect(1);
      net.settle();
      net.disconnect(0);
      net.disconnect(1);
    },
  };
};
