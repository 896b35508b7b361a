/**
 * Reads the workbook into find's index (find-index.ts) in the background, in slices: each slice
 * reads cells in chunks of at most `CHUNK` until about `SLICE_MS` have passed, then gives the page
 * back (a task of its own through a MessageChannel, so typing, scrolling and editing go on between
 * slices). The sheet the person is on is read first, then the others in tab order. Edits during
 * the build are not lost: a column already read marks the edited rows to read again, a column not
 * read yet reads them as they are when its turn comes, and what a change throws away (rows added
 * or moved, a column's formula changed) is read again by the next slices.
 *
 * @example
 *   const build = new FindBuild(index);
 *   const off = build.onProgress((p) => show(p.read / p.total));
 *   build.start(sheetId, format);   // when the find bar opens
 *   build.pause();                  // when it closes (the index is kept, and follows edits)
 */
import type { FormatContext } from '../schema/format-value.ts';
import type { FindIndex } from './find-index.ts';
import { sheetShape } from './sheet-shape.ts';

/** Cells read between two looks at the clock (a few milliseconds of formatting). */
export const CHUNK = 256;
/** A slice stops reading once this many milliseconds have passed. */
export const SLICE_MS = 10;

/** How far the build is: cells read of all the workbook's cells; `complete` once nothing is left to read. */
export interface FindProgress {
  read: number;
  total: number;
  complete: boolean;
}

/** Runs `fn` as a task of its own, after the page has had its turn (input, paint). */
export type Scheduler = (fn: () => void) => void;

/** The next task: a MessageChannel message (not clamped to 4 ms like nested timeouts), else a timeout. */
const nextTask = (): Scheduler => {
  if (typeof MessageChannel === 'undefined') return (fn) => void setTimeout(fn, 0);
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  // In Node, a port listened to keeps the process alive: this one must not.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
};

/** The background reading of a workbook into a find index; idle until `start`. */
export class FindBuild {
  private first = '';
  private format: FormatContext | undefined;
  private running = false;
  private queued = false;
  private readonly listeners = new Set<(p: FindProgress) => void>();
  /** How many slices ran, the longest, and each one's milliseconds since the last `start` (for the benchmark). */
  readonly stats = { slices: 0, longestMs: 0, ms: [] as number[] };

  constructor(
    readonly index: FindIndex,
    private readonly schedule: Scheduler = nextTask(),
    private readonly now: () => number = () => performance.now(),
  ) {
    // Something read was thrown away (rows added, a column recalculated whole): read it again.
    index.onDrop = () => this.wake();
  }

  /** Reads in the background from now on, `sheetId` first, with values shown as `format` says. */
  start(sheetId: string, format: FormatContext): void {
    this.first = sheetId;
    this.format = format;
    this.running = true;
    this.stats.ms = [];
    this.wake();
  }

  /** Stops reading (what was read is kept); `start` goes on from there. */
  pause(): void {
    this.running = false;
  }

  /** Calls `fn` after each slice and when the build completes; returns the function that stops it. */
  onProgress(fn: (p: FindProgress) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** The sheets in reading order: the first one, then the others in tab order. */
  private order(): string[] {
    const ids = this.index.wb.sheets().map((s) => s.id);
    return this.index.wb.hasSheet(this.first) ? [this.first, ...ids.filter((id) => id !== this.first)] : ids;
  }

  /** How far the build is now (for `format`, the one given to `start`). */
  progress(): FindProgress {
    const format = this.format;
    let read = 0;
    let total = 0;
    for (const sheetId of this.order()) {
      const shape = sheetShape(this.index.wb, this.index.calc, sheetId);
      // Not rowCount(): a shared map counts its entries one by one.
      const rows = shape.rowIds().length;
      for (const col of shape.columns()) {
        total += rows;
        if (format) read += Math.min(rows, Math.max(0, this.index.rowsRead(sheetId, col.id, format)));
      }
    }
    return { read, total, complete: read >= total };
  }

  /** True when every column of a sheet has been read whole. */
  sheetRead(sheetId: string): boolean {
    const format = this.format;
    if (!format) return false;
    const shape = sheetShape(this.index.wb, this.index.calc, sheetId);
    const rows = shape.rowIds().length;
    return shape.columns().every((c) => this.index.rowsRead(sheetId, c.id, format) >= rows);
  }

  /** Reads at most `max` cells, the first columns not read whole first; the number read (0: all is read). */
  step(max: number): number {
    const format = this.format;
    if (!format) return 0;
    let left = max;
    for (const sheetId of this.order()) {
      const shape = sheetShape(this.index.wb, this.index.calc, sheetId);
      // Not rowCount(): a shared map counts its entries one by one.
      const rows = shape.rowIds().length;
      for (const col of shape.columns()) {
        if (this.index.rowsRead(sheetId, col.id, format) >= rows) continue;
        left -= this.index.readSome(sheetId, col, shape.rowIds(), shape.isView, format, left);
        if (left <= 0) return max;
      }
    }
    return max - left;
  }

  /** Schedules a slice unless one is waiting. */
  private wake(): void {
    if (!this.running || this.queued) return;
    this.queued = true;
    this.schedule(() => this.slice());
  }

  private slice(): void {
    this.queued = false;
    if (!this.running) return;
    const t0 = this.now();
    let n = 0;
    do n = this.step(CHUNK);
    while (n === CHUNK && this.now() - t0 < SLICE_MS);
    const ms = this.now() - t0;
    this.stats.slices++;
    this.stats.longestMs = Math.max(this.stats.longestMs, ms);
    this.stats.ms.push(ms);
    const p = this.progress();
    for (const fn of this.listeners) fn(p);
    if (!p.complete && n > 0) this.wake();
  }
}
