/**
 * The canary of the relay-abuse benchmark: one editor and one observer (stock clients) in a room of
 * their own, the editor changing a cell every `intervalMs`; each change is timed from the edit to
 * its arrival at the observer. What other clients do to other rooms shows in these times.
 */
import type { Workbook } from '../../src/model/index.ts';
import { connectClient, type RelayClient } from '../support/relay-clients.ts';
import { percentile } from './harness.ts';

/** Latencies of one stretch of the canary's edits. */
export interface CanaryFigures {
  p50: number;
  p99: number;
  max: number;
  edits: number;
  /** Edits that had not arrived when the stretch was read. */
  missing: number;
}

/** A running canary (see the module comment). */
export class Canary {
  private readonly editor: RelayClient;
  private readonly observer: RelayClient;
  private sheet = '';
  private rows: readonly string[] = [];
  private column = '';
  private n = 0;
  private readonly sent = new Map<number, number>();
  private latencies: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private intervalMs = 100;

  constructor(port: number, room: string, token: string) {
    this.editor = connectClient(port, room, token);
    this.observer = connectClient(port, room, token);
  }

  /** Waits until both clients hold the room's rows and starts editing every `intervalMs`. */
  async start(intervalMs: number): Promise<void> {
    await Promise.all([this.editor.synced(), this.observer.synced()]);
    const wb = this.editor.wb();
    this.sheet = wb.sheets()[0]?.id ?? '';
    this.rows = wb.rowIds(this.sheet);
    this.column = wb.columnByName(this.sheet, 'On hand')?.id ?? '';
    const seen: Workbook = this.observer.wb();
    seen.onChange((change) => {
      const at = performance.now();
      for (const [rowId, cols] of change.sheets.get(this.sheet)?.cells ?? []) {
        if (!cols.has(this.column)) continue;
        const v = seen.cell(this.sheet, rowId, this.column);
        const t0 = typeof v === 'number' ? this.sent.get(v) : undefined;
        if (t0 === undefined) continue;
        this.sent.delete(v as number);
        this.latencies.push(at - t0);
      }
    });
    this.every(intervalMs);
  }

  /** Edits every `intervalMs` from now on. */
  every(intervalMs: number): void {
    if (this.timer) clearInterval(this.timer);
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => {
      const id = 1_000_000 + ++this.n;
      this.sent.set(id, performance.now());
      this.editor.wb().setCell(this.sheet, this.rows[this.n % this.rows.length] ?? '', this.column, id);
    }, intervalMs);
  }

  /** The figures since the last call: pauses the edits until those on their way arrived (5 s at most), then goes on. */
  async read(): Promise<CanaryFigures> {
    if (this.timer) clearInterval(this.timer);
    const deadline = Date.now() + 5000;
    while (this.sent.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const xs = this.latencies;
    this.latencies = [];
    const missing = this.sent.size;
    this.sent.clear();
    this.every(this.intervalMs);
    return { p50: percentile(xs, 50), p99: percentile(xs, 99), max: Math.max(0, ...xs), edits: xs.length + missing, missing };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.editor.destroy();
    this.observer.destroy();
  }
}
