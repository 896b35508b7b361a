/**
 * Log lines that a client can cause at will (a refused request, a malformed frame) are written at
 * most `perSecond` times a second per event; the next line written says how many were left out.
 * A flood of bad requests thus costs the log a few lines a second instead of filling the disk.
 */
import type { LogFields, Logger, LogLevel } from './log.ts';

/** Writes throttled lines through `log`. */
export interface ThrottledLog {
  write(level: LogLevel, event: string, fields?: LogFields): void;
}

/** A throttle over `log` (per event name, one-second windows). */
export const throttledLog = (log: Logger, perSecond = 10, now: () => number = Date.now): ThrottledLog => {
  const windows = new Map<string, { start: number; written: number; left: number }>();
  return {
    write: (level, event, fields = {}) => {
      const t = now();
      let w = windows.get(event);
      if (!w || t - w.start >= 1000) {
        const left = w?.left ?? 0;
        w = { start: t, written: 0, left: 0 };
        windows.set(event, w);
        if (left > 0) fields = { ...fields, leftOut: left };
      }
      if (w.written >= perSecond) {
        w.left++;
        return;
      }
      w.written++;
      log[level](event, fields);
    },
  };
};
