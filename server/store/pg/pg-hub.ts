/**
 * How the instances of a PostgreSQL store hear of each other: one channel per workbook (appends:
 * `u <seq>`; presence: `a <instance> <base64>`) and one for the catalog (`c <instance>`), all on the
 * store's one listening connection (PgListener). A workbook's channel is listened to while a log of
 * it is subscribed in this process (a loaded room). As a safety net for notifications lost with a
 * connection, the hub also polls slowly: the heads of the subscribed workbooks and the catalog's
 * version, calling subscribers when either moved past what they were told.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Unsubscribe } from '../contract.ts';
import { errorMessage, type Logger } from '../../log.ts';
import type { PgDb, Queryable } from './pg-db.ts';
import { PgListener, type Listening } from './pg-listener.ts';

/** Presence updates larger than this (encoded) are not sent between relays: NOTIFY payloads stop at 8000 bytes. */
export const MAX_PRESENCE_BYTES = 5000;

const CATALOG_CHANNEL = 'owb.catalog';

/** The channel of a workbook: its id when that fits PostgreSQL's 63-byte names, else a hash of it. */
export const workbookChannel = (id: string): string =>
  id.length <= 57 ? `owb.w.${id}` : `owb.h.${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;

interface Subscribed {
  updates: Set<(seq: number | undefined) => void>;
  presence: Set<(update: Uint8Array) => void>;
  listening: Listening;
  /** The highest head this process was told of. */
  head: number;
}

/** The notification side of one store instance (see the module comment). */
export class PgHub {
  /** This instance's id: its own presence and catalog notifications come back and are skipped. */
  readonly instance = randomBytes(6).toString('hex');
  private readonly listener: PgListener;
  private readonly workbooks = new Map<string, Subscribed>();
  private readonly catalogWatchers = new Set<() => void>();
  private catalogListening: Listening | null = null;
  private catalogVersion = -1;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private pollFailed = false;

  constructor(
    private readonly db: PgDb,
    private readonly log: Logger,
    private readonly pollMs: number,
  ) {
    this.listener = new PgListener(db.url, log, () => this.catchUp());
  }

  /** Subscribes to a workbook's appends; `ready` resolves once notifications are listened for. */
  subscribe(id: string, listener: (seq: number | undefined) => void): { ready: Promise<void>; stop: Unsubscribe } {
    const sub = this.entry(id);
    sub.updates.add(listener);
    return { ready: sub.listening.ready, stop: () => this.drop(id, () => sub.updates.delete(listener)) };
  }

  /** Subscribes to the presence updates other instances send for a workbook. */
  onPresence(id: string, listener: (update: Uint8Array) => void): Unsubscribe {
    const sub = this.entry(id);
    sub.presence.add(listener);
    return () => this.drop(id, () => sub.presence.delete(listener));
  }

  /** Sends a presence update to the other instances (not stored; dropped when over MAX_PRESENCE_BYTES or when PostgreSQL cannot be reached). */
  sendPresence(id: string, update: Uint8Array): void {
    if (update.byteLength > MAX_PRESENCE_BYTES) return;
    const payload = `a ${this.instance} ${Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64')}`;
    this.db.query('SELECT pg_notify($1, $2)', [workbookChannel(id), payload]).catch((err: unknown) => {
      this.log.debug('store.pg_presence_failed', { workbook: id, message: errorMessage(err) });
    });
  }

  /** Calls `listener` after another instance changed the catalog. */
  watchCatalog(listener: () => void): Unsubscribe {
    this.catalogWatchers.add(listener);
    if (!this.catalogListening) {
      const listening = this.listener.listen(CATALOG_CHANNEL, (payload) => {
        if (payload !== `c ${this.instance}`) this.tellCatalog();
      });
      // A change committed between watch() and the LISTEN taking effect was not notified: one call covers it.
      void listening.ready.then(() => this.tellCatalog());
      this.catalogListening = listening;
    }
    this.ensureTimer();
    return () => {
      this.catalogWatchers.delete(listener);
      if (this.catalogWatchers.size === 0) {
        this.catalogListening?.stop();
        this.catalogListening = null;
      }
    };
  }

  /** Notifies a workbook's appends, inside the append's transaction (sent only if it commits). */
  static notifyAppend(tx: Queryable, id: string, head: number): Promise<unknown> {
    return tx.query('SELECT pg_notify($1, $2)', [workbookChannel(id), `u ${head}`]);
  }

  /** Notifies a catalog change and bumps the catalog's version, inside the change's transaction. */
  notifyCatalog(tx: Queryable): Promise<unknown> {
    return Promise.all([
      tx.query('UPDATE catalog_version SET version = version + 1'),
      tx.query('SELECT pg_notify($1, $2)', [CATALOG_CHANNEL, `c ${this.instance}`]),
    ]);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.workbooks.clear();
    this.catalogWatchers.clear();
    await this.listener.close();
  }

  private entry(id: string): Subscribed {
    let sub = this.workbooks.get(id);
    if (!sub) {
      const created: Subscribed = { updates: new Set(), presence: new Set(), head: 0, listening: { ready: Promise.resolve(), stop: () => {} } };
      created.listening = this.listener.listen(workbookChannel(id), (payload) => this.dispatch(created, payload));
      this.workbooks.set(id, created);
      sub = created;
    }
    this.ensureTimer();
    return sub;
  }

  private drop(id: string, remove: () => void): void {
    remove();
    const sub = this.workbooks.get(id);
    if (sub && sub.updates.size === 0 && sub.presence.size === 0) {
      sub.listening.stop();
      this.workbooks.delete(id);
    }
  }

  private dispatch(sub: Subscribed, payload: string): void {
    if (payload.startsWith('u ')) {
      const seq = Number(payload.slice(2));
      if (!Number.isSafeInteger(seq)) return;
      sub.head = Math.max(sub.head, seq);
      for (const l of [...sub.updates]) l(seq);
    } else if (payload.startsWith('a ')) {
      const space = payload.indexOf(' ', 2);
      if (space < 0 || payload.slice(2, space) === this.instance) return;
      const update = new Uint8Array(Buffer.from(payload.slice(space + 1), 'base64'));
      for (const l of [...sub.presence]) l(update);
    }
  }

  /** After the listening connection came back: everyone reads what they may have missed. */
  private catchUp(): void {
    for (const sub of this.workbooks.values()) for (const l of [...sub.updates]) l(undefined);
    this.tellCatalog();
  }

  private tellCatalog(): void {
    for (const w of [...this.catalogWatchers]) w();
  }

  private ensureTimer(): void {
    this.timer ??= setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  /** The safety net: heads and the catalog version, read every pollMs. */
  private async poll(): Promise<void> {
    if (this.polling) return;
    if (this.workbooks.size === 0 && this.catalogWatchers.size === 0) {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      return;
    }
    this.polling = true;
    try {
      const ids = [...this.workbooks.keys()];
      const heads = ids.length > 0 ? await this.db.query<{ id: string; head: number }>('SELECT id, head FROM workbooks WHERE id = ANY($1)', [ids]) : [];
      for (const { id, head } of heads) {
        const sub = this.workbooks.get(id);
        if (!sub || head <= sub.head) continue;
        sub.head = head;
        for (const l of [...sub.updates]) l(head);
      }
      if (this.catalogWatchers.size > 0) {
        const [row] = await this.db.query<{ version: number }>('SELECT version FROM catalog_version');
        const version = row?.version ?? 0;
        if (this.catalogVersion >= 0 && version !== this.catalogVersion) this.tellCatalog();
        this.catalogVersion = version;
      }
      if (this.pollFailed) this.log.info('store.pg_poll_restored', {});
      this.pollFailed = false;
    } catch (err) {
      if (!this.pollFailed) this.log.warn('store.pg_poll_failed', { message: errorMessage(err) });
      this.pollFailed = true;
    } finally {
      this.polling = false;
    }
  }
}
