/** Export of one sheet as CSV text: computed values, raw or as displayed, safe to open in Excel. */
import type { Column, Locale } from '../schema/types.ts';
import { isCellFormula } from '../schema/types.ts';
import { csvFieldEncoder, type Delimiter } from './csv-field.ts';
import { protectText } from './csv-injection.ts';
import type { ComputedValues, ExportSource } from './export-source.ts';
import { valueFormatter, type FormatMode, type ShownValue } from '../schema/format-value.ts';

/** How a CSV file is written. Defaults are Excel-friendly: raw values, `,`, UTF-8 with BOM, CRLF. */
export interface CsvExportOptions {
  /** Raw (ISO dates, plain numbers) or as displayed (default raw). */
  mode?: FormatMode;
  delimiter?: Delimiter;
  /** Start with a byte order mark so Excel reads UTF-8 (default true). */
  bom?: boolean;
  /** Language of headers and displayed values (default: the workbook's). */
  locale?: Locale;
  /** Computed values of formula columns and cells; without it the stored values are written. */
  values?: ComputedValues;
}

/** The header a column is exported under: its label in `locale` when it has one, else its name. */
export const columnHeader = (column: Pick<Column, 'name' | 'labels'>, locale: Locale): string =>
  column.labels?.[locale] ?? column.name;

const NEWLINE = '\r\n';

/**
 * The sheet as CSV text (with a leading U+FEFF when `bom`): a header row, then one line per row.
 * Text that a spreadsheet would run as a formula is prefixed with `'`; numbers are never altered.
 * Encode it with `encodeUtf8` for a file.
 */
export const exportSheetCsv = (source: ExportSource, sheetId: string, options: CsvExportOptions = {}): string => {
  const { mode = 'raw', delimiter = ',', bom = true, values } = options;
  const settings = source.settings;
  const locale = options.locale ?? settings.locale;
  const ctx = { mode, locale, currency: settings.currency };
  const columns = source.columns(sheetId);
  const field = csvFieldEncoder(delimiter);
  const slots = columns.map((c) => ({ id: c.id, format: valueFormatter(c, ctx), computed: c.formula !== undefined }));
  const lines: string[] = [columns.map((c) => field(protectText(columnHeader(c, locale)))).join(delimiter)];
  const fields: string[] = new Array<string>(slots.length);
  for (const rowId of source.rowIds(sheetId)) {
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j];
      if (!slot) continue;
      let v: ShownValue;
      if (values && slot.computed) v = values.value(sheetId, rowId, slot.id);
      else {
        const stored = source.cell(sheetId, rowId, slot.id);
        v = values && isCellFormula(stored) ? values.value(sheetId, rowId, slot.id) : stored;
      }
      if (v === null) {
        fields[j] = '';
        continue;
      }
      const text = slot.format(v);
      // Only a text value can be a formula in disguise; a negative number stays a number.
      fields[j] = field(typeof v === 'number' || typeof v === 'boolean' ? text : protectText(text));
    }
    lines.push(fields.join(delimiter));
  }
  return (bom ? '\uFEFF' : '') + lines.join(NEWLINE) + NEWLINE;
};

const encoder = new TextEncoder();

/** UTF-8 bytes of CSV text (a leading U+FEFF becomes the BOM bytes EF BB BF). */
export const encodeUtf8 = (text: string): Uint8Array => encoder.encode(text);
