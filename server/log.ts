/**
 * Structured logs: one JSON object per line on stdout, one line per event.
 *
 * Written by hand rather than with pino: the relay logs a few events a second at most, needs no
 * transports or child loggers, and a synchronous write keeps the last lines before a crash
 * (stdout to a pipe or file is synchronous on Linux). Callers never pass tokens or request URLs
 * with their query string; `path` fields are pathnames only.
 */

/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Fields of a log line: plain JSON values. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Writes structured log lines. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** A logger writing lines at `level` and above to `write` (stdout by default). */
export const createLogger = (
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger => {
  const min = RANK[level];
  const emit = (lvl: LogLevel, event: string, fields: LogFields = {}): void => {
    if (RANK[lvl] < min) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...fields })}\n`);
  };
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
};

/** A logger that drops everything (CLI commands and tests of single parts). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The message of anything thrown, for a log field. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
