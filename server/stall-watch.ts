/**
 * Notices when the event loop was blocked (a long synchronous step, a slow disk flush, a garbage
 * collection, the machine starving the process): every update of every room waits that long. A
 * long stall is logged; every timer's lateness and every garbage-collection pause is counted in
 * buckets for /healthz, so a monitor (or the benchmark) can tell where a slow delivery came from.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { Logger } from './log.ts';
import { DelayHistogram, type DelayCounts } from './relay/delay-histogram.ts';

const TICK_MS = 20;

/** What the watch has counted since it started. */
export interface StallCounts {
  /** How late each 20 ms timer fired, by bucket (ms). */
  eventLoopLateMs: DelayCounts;
  /** Garbage-collection pauses, by bucket (ms). */
  gcPauseMs: DelayCounts;
}

/** A running watch. */
export interface StallWatch {
  counts(): StallCounts;
  stop(): void;
}

/** Logs `relay.stalled` when a timer fires more than `thresholdMs` late, and counts lateness and GC pauses. */
export const watchStalls = (log: Logger, thresholdMs = 200): StallWatch => {
  const late = new DelayHistogram();
  const gc = new DelayHistogram();
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const ms = Math.max(0, now - last - TICK_MS);
    last = now;
    late.record(ms);
    if (ms > thresholdMs) log.warn('relay.stalled', { ms: Math.round(ms) });
  }, TICK_MS);
  timer.unref();
  const gcWatch = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.record(e.duration);
  });
  gcWatch.observe({ entryTypes: ['gc'] });
  return {
    counts: () => ({ eventLoopLateMs: late.toJSON(), gcPauseMs: gc.toJSON() }),
    stop: () => {
      clearInterval(timer);
      gcWatch.disconnect();
    },
  };
};
