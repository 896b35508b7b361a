/**
 * The confirmed choices of an import, as plain data (it can be posted to a Web Worker): encoding,
 * delimiter, header, target sheet and where each CSV column goes with which type.
 */
import type { ColumnOptions, ColumnType } from '../schema/types.ts';
import { COLUMN_TYPES } from '../schema/types.ts';
import type { Delimiter } from './csv-field.ts';
import type { CsvEncoding } from './decode-bytes.ts';
import { ImportError } from './import-errors.ts';
import { normalName } from './match-columns.ts';
import type { DateOrder } from '../schema/date-text.ts';

/** Into an existing sheet, or into a new sheet made from the header. */
export type ImportTarget = { sheetId: string } | { newSheet: string };

/** Where one CSV column goes: an existing column (with `id`), a new column (no `id`), or nowhere (null). */
export interface ImportColumn {
  header: string;
  into: { id?: string; name: string; type: ColumnType; options: ColumnOptions } | null;
  /** How dates such as 01/05/2026 are read. */
  dateOrder: DateOrder;
}

/** Everything an import needs to read the file; `previewImport` proposes it, the user may change it. */
export interface ImportSetup {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** The first record is a header (default true). */
  header: boolean;
  /** `sheetName` is the existing sheet's name (for messages) or the new sheet's name. */
  target: { sheetId: string; sheetName: string } | { newSheet: string };
  /** One per CSV column, in file order. */
  columns: ImportColumn[];
}

/** The columns that receive values, with their position in the CSV record. */
export const mappedColumns = (setup: ImportSetup): { index: number; column: ImportColumn; into: NonNullable<ImportColumn['into']> }[] =>
  setup.columns.flatMap((column, index) => (column.into ? [{ index, column, into: column.into }] : []));

/** Refuses a setup that cannot work (no column mapped, two CSV columns into one) before any parsing. */
export const checkSetup = (setup: ImportSetup): void => {
  const mapped = mappedColumns(setup);
  const sheet = 'sheetId' in setup.target ? setup.target.sheetName : setup.target.newSheet;
  if (mapped.length === 0) {
    throw new ImportError(`No CSV column goes into a column of "${sheet}"; choose a column for at least one of them.`);
  }
  const seen = new Map<string, string>();
  for (const { column, into } of mapped) {
    if (!(COLUMN_TYPES as readonly string[]).includes(into.type)) {
      throw new ImportError(`"${into.type}" is not a column type; use one of ${COLUMN_TYPES.join(', ')}.`);
    }
    const key = into.id ?? normalName(into.name);
    if ('newSheet' in setup.target && !key) throw new ImportError(`CSV column "${column.header}" needs a column name.`);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ImportError(`CSV columns "${other}" and "${column.header}" both go into column "${into.name}"; choose one of them.`);
    }
    seen.set(key, column.header);
  }
};
