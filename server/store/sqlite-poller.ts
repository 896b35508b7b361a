/**
 * How a SQLite store hears of other writers: SQLite tells no one, but each connection can ask
 * whether another one committed since it last asked (PRAGMA data_version), which costs no disk
 * read. One timer asks for every watched connection; it runs only while something is watched and
 * never keeps the process alive.
 */
import { errorMessage, type Logger } from '../log.ts';

interface Watched {
  changed: () => boolean;
  notify: () => void;
}

/** Polls the watched connections every `intervalMs`. */
export class SqlitePoller {
  private readonly watched = new Set<Watched>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  /** Calls `notify` after each poll at which `changed` says yes; returns the way to stop. */
  add(changed: () => boolean, notify: () => void): () => void {
    const w = { changed, notify };
    this.watched.add(w);
    this.timer ??= setInterval(() => this.poll(), this.intervalMs).unref();
    return () => {
      this.watched.delete(w);
      if (this.watched.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private poll(): void {
    for (const w of [...this.watched]) {
      if (!this.watched.has(w)) continue; // stopped by an earlier listener of this round
      let changed: boolean;
      try {
        changed = w.changed();
      } catch (err) {
        // A closed or broken connection: its owner finds out on its next read, and says why.
        this.log.error('store.poll_failed', { message: errorMessage(err) });
        continue;
      }
      if (changed) w.notify();
    }
  }
}
