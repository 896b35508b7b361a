/**
 * Notices when the event loop was blocked (a long synchronous step, a slow disk flush, the machine
 * starving the process): every update of every room waits that long, so it is worth a log line.
 */
import type { Logger } from './log.ts';

const TICK_MS = 100;

/** Logs `relay.stalled` when a 100 ms timer fires more than `thresholdMs` late; returns a stop function. */
export const watchStalls = (log: Logger, thresholdMs = 200): (() => void) => {
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    last = now;
    if (late > thresholdMs) log.warn('relay.stalled', { ms: Math.round(late) });
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
};
