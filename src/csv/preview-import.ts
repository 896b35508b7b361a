/**
 * First look at a CSV file: encoding, delimiter, header, the first rows, a proposed type for each
 * column and where each column would go. Fast (reads only the start of the file) and synchronous.
 */
import Papa from 'papaparse';
import type { Column, Locale, SheetInfo } from '../schema/types.ts';
import { COLUMN_TYPES, type ColumnType } from '../schema/types.ts';
import { DELIMITERS, type Delimiter } from './csv-field.ts';
import { decodes, decodeStart, detectEncoding, ENCODING_NAMES, type CsvEncoding, type DetectedEncoding } from './decode-bytes.ts';
import { detectColumnType, type TypeProposal } from './detect-column-type.ts';
import { ImportError } from './import-errors.ts';
import type { ImportColumn, ImportSetup, ImportTarget } from './import-setup.ts';
import { matchColumns, normalName } from './match-columns.ts';
import { guessNewline } from './read-csv-rows.ts';
import { dateOrderOf, regionOf } from '../schema/date-text.ts';

/** The reads an import needs from a workbook; `Workbook` satisfies it. */
export interface ImportReader {
  readonly settings: { locale: Locale; region?: string };
  sheets(): SheetInfo[];
  columns(sheetId: string): readonly Column[];
}

/** Choices the caller makes before looking (all optional: detected when missing). */
export interface PreviewOptions {
  encoding?: CsvEncoding;
  delimiter?: Delimiter;
  header?: boolean;
  /** Types for new columns by CSV header (`--type Cost=currency`), overriding the proposal. */
  types?: Record<string, ColumnType>;
  /** Rows used to propose types (default 1000); the preview shows the first 20 of them. */
  sampleRows?: number;
}

/** What the user sees before importing, with the proposed setup to confirm or change. */
export interface ImportPreview {
  setup: ImportSetup;
  detectedEncoding: DetectedEncoding;
  headers: string[];
  /** The first records after the header, as text. */
  rows: string[][];
  /** A proposed type per CSV column (for a new sheet; for an existing one, for information). */
  proposals: TypeProposal[];
  /** Plain sentences about the mapping: unmatched headers, computed columns … */
  notes: string[];
}

const SAMPLE_BYTES = 1 << 20;
const MAX_NAME = 100;

const isEmptyRecord = (r: readonly string[]): boolean => r.every((f) => f.trim() === '');

/** Names for new columns: the headers, made non-empty and unique. */
const newColumnNames = (headers: readonly string[]): string[] => {
  const used = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim().slice(0, MAX_NAME) || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(normalName(name)); n++) name = `${base.slice(0, MAX_NAME - 5)} (${n})`;
    used.add(normalName(name));
    return name;
  });
};

const targetOf = (reader: ImportReader, target: ImportTarget): ImportSetup['target'] => {
  if ('newSheet' in target) {
    const name = target.newSheet.trim();
    if (!name) throw new ImportError('The new sheet needs a name.');
    return { newSheet: name };
  }
  const sheet = reader.sheets().find((s) => s.id === target.sheetId);
  if (!sheet) throw new ImportError('The sheet to import into no longer exists; choose another sheet.');
  return { sheetId: sheet.id, sheetName: sheet.name };
};

/** Columns of a new sheet: named after the headers, typed as proposed or as forced by `types`. */
const newSheetColumns = (
  headers: readonly string[],
  proposals: readonly TypeProposal[],
  types: Record<string, ColumnType>,
): ImportColumn[] => {
  const forced = new Map<string, ColumnType>();
  for (const [name, type] of Object.entries(types)) {
    if (!headers.some((h) => normalName(h) === normalName(name))) {
      throw new ImportError(`The file has no column "${name}"; check the name given with its type.`);
    }
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
      throw new ImportError(`"${type}" is not a column type; use one of ${COLUMN_TYPES.join(', ')}.`);
    }
    forced.set(normalName(name), type);
  }
  const names = newColumnNames(headers);
  return headers.map((h, i) => {
    const p = proposals[i] ?? detectColumnType([]);
    const type = forced.get(normalName(h)) ?? p.type;
    return { header: h, into: { name: names[i] ?? h, type, options: type === p.type ? p.options : {} }, dateOrder: p.dateOrder };
  });
};

/** Columns of an existing sheet matched by header; unmatched headers get a note each. */
const existingSheetColumns = (
  headers: readonly string[],
  proposals: readonly TypeProposal[],
  sheetName: string,
  sheetCols: readonly Column[],
  notes: string[],
): ImportColumn[] => {
  const ids = matchColumns(headers, sheetCols);
  return headers.map((h, i) => {
    const col = sheetCols.find((c) => c.id === ids[i]);
    const dateOrder = proposals[i]?.dateOrder ?? 'MDY';
    if (col) return { header: h, into: { id: col.id, name: col.name, type: col.type, options: col.options }, dateOrder };
    const computed = sheetCols.some((c) => c.formula !== undefined && normalName(c.name) === normalName(h));
    notes.push(
      computed
        ? `Column "${h}" is computed by a formula in "${sheetName}"; its values in the file are not imported.`
        : `Column "${h}" matches no column of "${sheetName}"; it is not imported unless you choose a column for it.`,
    );
    return { header: h, into: null, dateOrder };
  });
};

/** Looks at the start of `bytes` and proposes how to import it into `target`. */
export const previewImport = (
  bytes: Uint8Array,
  target: ImportTarget,
  reader: ImportReader,
  options: PreviewOptions = {},
): ImportPreview => {
  const detectedEncoding = detectEncoding(bytes);
  const encoding = options.encoding ?? detectedEncoding.encoding;
  const sampleRows = options.sampleRows ?? 1000;
  const text = decodeStart(bytes, encoding, SAMPLE_BYTES);
  if (text.trim() === '') throw new ImportError('The file is empty; choose a CSV file with a header and rows.');
  const newline = guessNewline(text);
  const delimiter = options.delimiter ?? guessDelimiter(text, newline);
  const header = options.header ?? true;
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, preview: sampleRows + 1 + 50 }).data;
  // A sample cut in the middle of a record would show a broken last row.
  if (bytes.length > SAMPLE_BYTES && parsed.length <= sampleRows) parsed.pop();
  const records = parsed.filter((r) => !isEmptyRecord(r));
  const width = Math.max(1, ...records.slice(0, header ? 1 : undefined).map((r) => r.length));
  const headers = header ? (records[0] ?? []).map((h) => h.trim()) : Array.from({ length: width }, (_x, i) => `Column ${i + 1}`);
  const rows = records.slice(header ? 1 : 0, (header ? 1 : 0) + sampleRows);
  // Dates that read both ways are read as the workbook's regional format writes them (year-first formats: day first).
  const fallbackOrder = dateOrderOf(regionOf(reader.settings)) ?? 'DMY';
  const proposals = headers.map((_h, i) => detectColumnType(rows.map((r) => r[i] ?? ''), fallbackOrder));
  const setupTarget = targetOf(reader, target);
  const notes: string[] = [];
  if (!decodes(bytes.subarray(0, SAMPLE_BYTES), encoding)) {
    notes.push(`The file is not valid ${ENCODING_NAMES[encoding]}; choose the encoding it was saved in.`);
  }
  const columns =
    'newSheet' in setupTarget
      ? newSheetColumns(headers, proposals, options.types ?? {})
      : existingSheetColumns(headers, proposals, setupTarget.sheetName, reader.columns(setupTarget.sheetId), notes);
  return {
    setup: { encoding, delimiter, header, target: setupTarget, columns },
    detectedEncoding,
    headers,
    rows: rows.slice(0, 20),
    proposals,
    notes,
  };
};

/**
 * The delimiter of the file among `,` `;` and tab: the one that splits the first records into the
 * same number of fields (more than one), the most fields breaking ties; `,` when none does.
 * (papaparse's own guess counts a trailing empty line against short files.)
 */
const guessDelimiter = (text: string, newline: '\r\n' | '\n' | '\r'): Delimiter => {
  let best: { d: Delimiter; spread: number; fields: number } | null = null;
  for (const d of DELIMITERS) {
    const counts = Papa.parse<string[]>(text, { delimiter: d, newline, preview: 20 })
      .data.filter((r) => !isEmptyRecord(r))
      .map((r) => r.length);
    if (counts.length === 0) continue;
    const fields = Math.min(...counts);
    const spread = Math.max(...counts) - fields;
    if (fields < 2) continue;
    if (!best || spread < best.spread || (spread === best.spread && fields > best.fields)) best = { d, spread, fields };
  }
  return best?.d ?? ',';
};
