/**
 * The update log of one workbook on its SQLite file (WorkbookFile), as the store contract wants it.
 * Writes never wait on the event loop for another connection's lock (the compaction worker's, the
 * CLI's): the file's busy timeout is 0, and a write that finds the file locked is tried again 2 ms
 * later, for up to 10 s, so one locked file holds up only its own room. Appends by other
 * connections are noticed by polling SQLite's data_version (see SqlitePoller).
 */
import type { ClientOwner, LogStats, StoredChanges, StoredState, Unsubscribe, WorkbookLog } from './contract.ts';
import type { SqlitePoller } from './sqlite-poller.ts';
import { isBusy, type WorkbookFile } from './workbook-file.ts';

/** How long a write keeps trying while another connection holds the file's lock. */
const BUSY_GIVE_UP_MS = 10_000;
const BUSY_RETRY_MS = 2;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn`, trying again while the file is locked by another connection (up to 10 s). */
export const retryWhileBusy = async <T,>(fn: () => T): Promise<T> => {
  const started = Date.now();
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() - started >= BUSY_GIVE_UP_MS) throw err;
    }
    await sleep(BUSY_RETRY_MS);
  }
};

/** A workbook's log on its open SQLite file. */
export class SqliteLog implements WorkbookLog {
  constructor(
    readonly workbook: string,
    private readonly file: WorkbookFile,
    private readonly poller: SqlitePoller,
  ) {
    file.setBusyTimeout(0);
  }

  get where(): string {
    return this.file.path;
  }

  async read(): Promise<StoredState> {
    return retryWhileBusy(() => this.file.readState());
  }

  async readSince(seq: number): Promise<StoredChanges> {
    return retryWhileBusy(() => this.file.readSince(seq));
  }

  async append(updates: readonly Uint8Array[], owners: readonly ClientOwner[] = []): Promise<number[]> {
    // The usual case commits at once, with no timer in between.
    return retryWhileBusy(() => this.file.appendAll(updates, owners));
  }

  async owners(): Promise<ClientOwner[]> {
    return retryWhileBusy(() => this.file.owners());
  }

  async stats(): Promise<LogStats> {
    return retryWhileBusy(() => this.file.stats());
  }

  subscribe(listener: (seq: number | undefined) => void): Unsubscribe {
    // Each subscription keeps its own count, taken now: what others commit from here on is news.
    const last = { version: -1 };
    this.file.changedElsewhere(last);
    return this.poller.add(
      () => this.file.changedElsewhere(last),
      () => listener(undefined),
    );
  }

  /** One relay per data folder: there is no other relay to tell. */
  sendPresence(): void {}

  onPresence(): Unsubscribe {
    return () => {};
  }

  async close(): Promise<void> {
    this.file.close();
  }
}
