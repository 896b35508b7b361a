/**
 * What the space's lists show of activity: a member's last activity and a workbook's last change
 * (when, by whom, its stored size). Both are noted in memory as they happen and written to the
 * catalog at most every `everyMs` (a busy room would otherwise write the catalog on every edit).
 */
import type { Store } from '../store/contract.ts';
import { errorMessage, type Logger } from '../log.ts';

/** Notes activity and writes it to the catalog now and then. */
export class Activity {
  private readonly members = new Map<string, number>();
  private readonly changes = new Map<string, { at: number; by: string | null; bytes: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    everyMs = 2000,
  ) {
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  /** A member did something now. */
  seen(memberId: string): void {
    this.members.set(memberId, Date.now());
  }

  /** A change of `workbook` by `by` was stored; the workbook now takes `bytes`. */
  changed(workbook: string, by: string | null, bytes: number): void {
    this.changes.set(workbook, { at: Date.now(), by, bytes });
  }

  /** Writes what was noted since the last time. */
  async flush(): Promise<void> {
    const members = [...this.members];
    const changes = [...this.changes];
    this.members.clear();
    this.changes.clear();
    try {
      for (const [id, at] of members) await this.store.catalog.touchMember(id, at);
      for (const [id, change] of changes) if (await this.store.catalog.has(id)) await this.store.catalog.recordChange(id, change);
    } catch (err) {
      this.log.error('catalog.write_failed', { message: errorMessage(err) });
    }
  }

  /** Stops the timer after a last write. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
