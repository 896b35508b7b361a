/**
 * Tab-separated text as Excel and Google Sheets put on the clipboard: a field holding a tab, a
 * line break or a double quote is wrapped in double quotes with its quotes doubled; rows end with
 * CRLF. Reading it back is papaparse's job (read-tsv.ts, loaded with paste only); writing is this
 * one rule, small enough for the grid's first load.
 */

const NEEDS_QUOTES = /[\t\r\n"]/;

/** One field, quoted when it must be. */
export const tsvField = (s: string): string => (NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A block of plain-text cells as TSV. */
export const toTsv = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.map(tsvField).join('\t')).join('\r\n');
