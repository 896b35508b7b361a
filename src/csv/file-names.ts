/** File names of an export: readable (Chinese kept), safe on every file system, unique in a zip. */

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A name usable as a file name: unsafe characters and runs of spaces become `-`. */
export const safeFileName = (name: string, fallback = 'export'): string => {
  const s = name.replace(UNSAFE, '-').replace(/\s+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80);
  if (!s) return fallback;
  return RESERVED.test(s) ? `${s}-sheet` : s;
};

/** The time of a snapshot as it appears in file names: `2026-11-29T18-39-05Z` (UTC, no colons). */
export const snapshotStamp = (time: Date): string => `${time.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;

/** Makes each name unique (case-insensitively, as Windows and macOS compare): `a.csv`, `a (2).csv` … */
export const uniqueNames = (names: readonly string[], ext: string): string[] => {
  const seen = new Set<string>();
  return names.map((base) => {
    let name = `${base}${ext}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})${ext}`;
    seen.add(name.toLowerCase());
    return name;
  });
};
