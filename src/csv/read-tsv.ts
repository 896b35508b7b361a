/**
 * Reading clipboard text (TSV from Excel, Google Sheets or this grid) into rows of cells, with
 * papaparse's quoting rules: a quoted field may hold tabs, line breaks and doubled quotes.
 */
import Papa from 'papaparse';

/** Splits clipboard text into rows of cells (a trailing line break is not an extra row). */
export const parseTsv = (text: string): string[][] => {
  const body = text.replace(/\r?\n$/, '');
  if (body === '') return [];
  return Papa.parse<string[]>(body, { delimiter: '\t', newline: body.includes('\r\n') ? '\r\n' : '\n', quoteChar: '"' }).data;
};
