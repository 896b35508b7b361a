/**
 * Changes a person makes to a proposed import setup, as pure functions of the setup (each returns
 * a new setup, so the setup stays plain data that can be posted to the worker).
 */
import { parseDateText, type DateOrder } from '../schema/date-text.ts';
import { parseCellText, type CsvProblem, type ImportColumn, type ImportPreview, type ImportSetup, type ImportTarget } from '../csv/index.ts';
import type { Column, ColumnType } from '../schema/types.ts';

/** Column types a new sheet can take from a file (a reference needs a sheet to refer to: set it later). */
export const NEW_COLUMN_TYPES: readonly ColumnType[] = ['text', 'number', 'integer', 'currency', 'percent', 'date', 'boolean', 'choice'];

const replaceColumn = (setup: ImportSetup, index: number, column: ImportColumn): ImportSetup => ({
  ...setup,
  columns: setup.columns.map((c, i) => (i === index ? column : c)),
});

const at = (setup: ImportSetup, index: number): ImportColumn => {
  const column = setup.columns[index];
  if (!column) throw new RangeError(`The import has no column ${index}.`);
  return column;
};

/** CSV column `index` goes into the existing column `target` (or nowhere when null). */
export const intoExisting = (setup: ImportSetup, index: number, target: Column | null): ImportSetup =>
  replaceColumn(setup, index, {
    ...at(setup, index),
    into: target ? { id: target.id, name: target.name, type: target.type, options: target.options } : null,
  });

/** CSV column `index` becomes a new column again, as proposed, or is left out. */
export const includeNew = (setup: ImportSetup, preview: ImportPreview, index: number, include: boolean): ImportSetup => {
  const proposed = preview.setup.columns[index]?.into ?? null;
  return replaceColumn(setup, index, { ...at(setup, index), into: include ? proposed : null });
};

/** A new column's type; the options detected with the proposal (its currency) stay only with the proposed type. */
export const retypeNew = (setup: ImportSetup, preview: ImportPreview, index: number, type: ColumnType): ImportSetup => {
  const column = at(setup, index);
  if (!column.into) return setup;
  const proposal = preview.proposals[index];
  // The type the column would have had but for a few values takes that type's options and date order.
  const almost = proposal?.almost?.type === type ? proposal.almost : undefined;
  const options = almost ? almost.options : proposal && proposal.type === type ? proposal.options : {};
  return replaceColumn(setup, index, { ...column, into: { ...column.into, type, options }, ...(almost ? { dateOrder: almost.dateOrder } : {}) });
};

/** A new column's name. */
export const renameNew = (setup: ImportSetup, index: number, name: string): ImportSetup => {
  const column = at(setup, index);
  return column.into ? replaceColumn(setup, index, { ...column, into: { ...column.into, name } }) : setup;
};

/** How dates like 01/05/2026 are read in CSV column `index`. */
export const withDateOrder = (setup: ImportSetup, index: number, dateOrder: DateOrder): ImportSetup =>
  replaceColumn(setup, index, { ...at(setup, index), dateOrder });

/** The name of the new sheet (checked when the import starts). */
export const withNewSheetName = (setup: ImportSetup, name: string): ImportSetup =>
  'newSheet' in setup.target ? { ...setup, target: { newSheet: name } } : setup;

/** The target of a setup in the form `previewImport` takes. */
export const targetOf = (setup: ImportSetup): ImportTarget =>
  'sheetId' in setup.target ? { sheetId: setup.target.sheetId } : { newSheet: setup.target.newSheet };

/** A sheet name from a file name: `供应商报价 2026.csv` → `供应商报价 2026`. */
export const sheetNameFromFile = (fileName: string): string => {
  const base = fileName.replace(/\.[^./\\]{1,5}$/, '').replace(/[_]+/g, ' ').trim();
  return base.slice(0, 60) || 'Import';
};

/**
 * Whether a file belongs in the open sheet: at least half of its columns (and at least one) match
 * a column of that sheet by name.
 */
export const fitsSheet = (preview: ImportPreview): boolean => {
  const matched = preview.setup.columns.filter((c) => c.into !== null).length;
  return matched > 0 && matched * 2 >= preview.setup.columns.length;
};

/** Number of CSV columns that will be imported. */
export const mappedCount = (setup: ImportSetup): number => setup.columns.filter((c) => c.into !== null).length;

/** How the first rows of the file fit one column as set up: values looked at, values refused, the first reason. */
export interface SampleFit {
  checked: number;
  bad: number;
  message?: string;
  /** The first bad value's reason as data (for the UI language). */
  problem?: CsvProblem;
}

/**
 * Checks the preview's rows of CSV column `index` against where it goes now, so a type or target
 * that will refuse rows shows before the whole file is read. Undefined for a column not imported.
 */
export const sampleFit = (setup: ImportSetup, preview: ImportPreview, index: number): SampleFit | undefined => {
  const column = setup.columns[index];
  if (!column?.into) return undefined;
  const fit: SampleFit = { checked: 0, bad: 0 };
  for (const row of preview.rows) {
    const text = row[index] ?? '';
    if (text.trim() === '') continue;
    fit.checked++;
    const parsed = parseCellText(text, column.into, { dateOrder: column.dateOrder });
    if (!parsed.ok) {
      fit.bad++;
      fit.message ??= parsed.message;
      fit.problem ??= parsed.problem;
    }
  }
  return fit;
};

/** True when the file's first rows of CSV column `index` hold dates whose reading depends on the day/month order. */
export const dateOrderMatters = (preview: ImportPreview, index: number): boolean =>
  preview.rows.some((row) => {
    const text = row[index] ?? '';
    return parseDateText(text, { order: 'MDY' }) !== parseDateText(text, { order: 'DMY' });
  });
