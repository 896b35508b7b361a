/**
 * Moments as text (src/app): the CLI prints a moment as its exact time in ISO 8601 (UTC, to the
 * millisecond), and takes that back, or a shorter time a person types: `2026-03-04T14:31:05Z`,
 * `2026-03-04T14:31+08:00`, or `2026-03-04 14:31` in the computer's own time zone. The app shows
 * the same moments in the reader's own time; both come from src/model/moments.ts, so they agree.
 */

/** A text that is not a moment; the message says what to write instead. */
export class MomentTextError extends Error {
  override name = 'MomentTextError';
}

/** The exact text of a moment: what `history` prints and `--to` / `--since` take back. */
export const momentText = (time: number): string => new Date(time).toISOString();

const FORM = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The time (ms since 1970) a moment text names. Throws MomentTextError for anything else. */
export const parseMoment = (text: string): number => {
  const t = text.trim();
  const m = FORM.exec(t);
  const bad = () =>
    new MomentTextError(
      `"${t.length > 40 ? `${t.slice(0, 40)}…` : t}" is not a time; write it as history lists it (2026-03-04T14:31:05.700Z), ` +
        'or as 2026-03-04 14:31 in this computer’s time zone.',
    );
  if (!m) throw bad();
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) throw bad();
  // ".7" is 700 ms, as in ISO 8601.
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  const zone = m[8];
  if (!zone) return new Date(year, month - 1, day, hour, minute, second, millis).getTime();
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (zone.toUpperCase() === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (offset > 14 * 60) throw bad();
  return utc - sign * offset * 60_000;
};
