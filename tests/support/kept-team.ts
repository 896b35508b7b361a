/**
 * People editing one workbook through a relay that keeps deleted content (gc off), as the real
 * relay and store do, for the tests of restoring moments and reverting devices. Each person's
 * edits reach the relay and the others as they are made (as y-websocket sends each update) while
 * they are online; going online again exchanges what each side lacks. Time is the test's: `tick`
 * moves Date.now (fake timers), so the timeline's dates are exact.
 */
import { vi } from 'vitest';
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import { KeptHistory } from '../../src/model/kept-history.ts';
import type { WorkbookUser } from '../../src/schema/index.ts';
import type { Random } from './random.ts';

const NET = 'network';

/** A team of replicas and the relay's kept copy. */
export class KeptTeam {
  readonly relay = new Y.Doc({ gc: false });
  readonly people: Workbook[] = [];
  private readonly online: boolean[] = [];
  /** The test's clock (ms since 1970). */
  now = Date.UTC(2026, 2, 4, 9, 0, 0);

  /**
   * `users[i]` edits on replica i (client id `base + i`, or `base - i` when `descending`, so that
   * concurrent writes resolve the other way round). The first creates the workbook.
   */
  constructor(users: readonly WorkbookUser[], rnd: Random, { descending = false }: { descending?: boolean } = {}) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(this.now);
    const base = 1000 + rnd.seed * 16;
    users.forEach((user, i) => {
      const clientId = descending ? base + users.length - i : base + i;
      const wb = i === 0 ? Workbook.create({ name: 'Shop' }, { clientId, random: rnd.bytes, user }) : new Workbook(new Y.Doc(), { clientId, random: rnd.bytes, user });
      this.people.push(wb);
      this.online.push(true);
    });
    const first = this.people[0];
    if (first) this.exchange(first);
    this.people.forEach((wb, i) => {
      wb.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NET || !this.online[i]) return;
        Y.applyUpdate(this.relay, update, NET);
        this.people.forEach((other, j) => j !== i && this.online[j] && Y.applyUpdate(other.doc, update, NET));
      });
    });
    for (const wb of this.people) if (wb !== first) this.exchange(wb);
  }

  /** Moves the clock on by `ms` (default one second). */
  tick(ms = 1000): number {
    this.now += ms;
    vi.setSystemTime(this.now);
    return this.now;
  }

  /** Takes a person off the network (their edits stay on their device). */
  goOffline(i: number): void {
    this.online[i] = false;
  }

  /** Brings a person back: they and the relay (then everyone) exchange what each lacks. */
  goOnline(i: number): void {
    this.online[i] = true;
    const wb = this.people[i];
    if (wb) this.exchange(wb);
    for (const other of this.people) if (other !== wb && this.online[this.people.indexOf(other)]) this.exchange(other);
  }

  private exchange(wb: Workbook): void {
    Y.applyUpdate(this.relay, Y.encodeStateAsUpdate(wb.doc, Y.encodeStateVector(this.relay)), NET);
    Y.applyUpdate(wb.doc, Y.encodeStateAsUpdate(this.relay, Y.encodeStateVector(wb.doc)), NET);
  }

  /** The relay's kept copy as the app fetches it (GET /api/workbooks/:id/state). */
  history(): KeptHistory {
    return KeptHistory.fromUpdate(Y.encodeStateAsUpdate(this.relay));
  }

  /** Every replica's content, as JSON text. */
  contents(): string[] {
    return this.people.map((wb) => JSON.stringify(wb.toJSON()));
  }

  /** Puts the real clock back. */
  done(): void {
    vi.useRealTimers();
  }
}
