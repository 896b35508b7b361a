/**
 * The one connection on which a store LISTENs: a channel is listened to while something in this
 * process subscribes to it (a loaded room, a catalog watcher). The connection is opened on the
 * first subscription; when it is lost (a server restart, a network cut) it is opened again with
 * a growing delay, every channel is listened to again, and `onReconnect` is called so subscribers
 * read what they missed by sequence number. Notifications are delivered only for transactions
 * that committed, after they committed.
 */
import pg from 'pg';
import { errorMessage, type Logger } from '../../log.ts';
import { pgTypes } from './pg-db.ts';

/** A channel subscription: `ready` resolves once the server listens for it (or the connection is down: then the reconnect catches up). */
export interface Listening {
  ready: Promise<void>;
  stop: () => void;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2000;

/** The LISTEN connection of one store (see the module comment). */
export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client | null> | null = null;
  private readonly channels = new Map<string, { handlers: Set<(payload: string) => void>; ready: Promise<void> }>();
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  /** A connection failed or was lost since the last one was up: subscribers may have missed notifications. */
  private missed = false;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    /** Called after the connection came back: notifications may have been missed meanwhile. */
    private readonly onReconnect: () => void,
  ) {}

  /** True while the connection is up. */
  get up(): boolean {
    return this.client !== null;
  }

  /** Calls `handler` with the payload of each notification on `channel` (a name made by channels.ts). */
  listen(channel: string, handler: (payload: string) => void): Listening {
    let entry = this.channels.get(channel);
    if (!entry) {
      const created = { handlers: new Set<(payload: string) => void>(), ready: Promise.resolve() };
      this.channels.set(channel, created);
      created.ready = this.run(`LISTEN "${channel}"`);
      entry = created;
    }
    entry.handlers.add(handler);
    return {
      // A later subscriber of the channel waits for the same LISTEN as the first.
      ready: entry.ready,
      stop: () => {
        const current = this.channels.get(channel);
        if (!current?.handlers.delete(handler) || current.handlers.size > 0) return;
        this.channels.delete(channel);
        void this.run(`UNLISTEN "${channel}"`);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.channels.clear();
    const client = this.client ?? (await this.connecting);
    this.client = null;
    if (client) await client.end().catch(() => {});
  }

  /** Runs a LISTEN/UNLISTEN when connected; when not, the next connection listens to every channel anyway. */
  private async run(sql: string): Promise<void> {
    const client = await this.connected();
    if (!client) return;
    try {
      await client.query(sql);
    } catch (err) {
      this.log.warn('store.pg_listen_failed', { message: errorMessage(err) });
    }
  }

  private connected(): Promise<pg.Client | null> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client | null> {
    if (this.closed) return null;
    const client = new pg.Client({ connectionString: this.url, types: pgTypes, keepAlive: true, connectionTimeoutMillis: 5000, application_name: 'ops-workbook-listen' });
    client.on('notification', (n) => {
      const entry = this.channels.get(n.channel);
      if (entry) for (const h of [...entry.handlers]) h(n.payload ?? '');
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN "${channel}"`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.log.warn('store.pg_listen_unavailable', { message: errorMessage(err), retryMs: this.retryMs });
      this.missed = true;
      this.scheduleRetry();
      return null;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return null;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    if (this.missed) {
      this.missed = false;
      this.log.info('store.pg_listen_restored', { channels: this.channels.size });
      this.onReconnect();
    }
    return client;
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.closed) return;
    this.missed = true;
    this.log.warn('store.pg_listen_lost', { message: errorMessage(err) });
    client.end().catch(() => {});
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer || this.channels.size === 0) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connected();
    }, wait);
    this.retryTimer.unref();
  }
}
