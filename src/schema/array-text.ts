/**
 * How a cell whose formula gives an array reads: its count and its first values ("3 values: App,
 * Web, Email"; "16 rows × 4 columns: East, Tom, Apple, …"), in the grid, in a CSV export and in the
 * CLI alike. The values come already formatted by the one formatter.
 */
import { decimalText } from './number-format.ts';
import type { Locale } from './types.ts';

const n = (x: number): string => decimalText(x, { min: 0, max: 0 });

/** Values of an array shown in a cell before "…". */
export const ARRAY_PREVIEW_VALUES = 3;

const COUNT: Record<Locale, (rows: number, cols: number) => string> = {
  en: (rows, cols) => (cols === 1 ? `${n(rows)} value${rows === 1 ? '' : 's'}` : `${n(rows)} row${rows === 1 ? '' : 's'} × ${n(cols)} columns`),
  'zh-CN': (rows, cols) => (cols === 1 ? `${n(rows)} 个值` : `${n(rows)} 行 × ${n(cols)} 列`),
};

/** The text of an array of `rows` × `cols` values whose first values (row by row) read `first`. */
export const arrayText = (rows: number, cols: number, first: readonly string[], locale: Locale): string => {
  const count = COUNT[locale](rows, cols);
  if (rows * cols === 0) return count;
  const shown = first.slice(0, ARRAY_PREVIEW_VALUES).join(', ');
  const more = rows * cols > ARRAY_PREVIEW_VALUES ? ', …' : '';
  return `${count}${locale === 'zh-CN' ? '：' : ': '}${shown}${more}`;
};
