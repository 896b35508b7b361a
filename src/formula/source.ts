/**
 * What the engine reads from a workbook, and the changes it consumes. `Workbook` (src/model)
 * satisfies both structurally; the engine never writes to the workbook.
 */
import type { CellValue, Column, Locale, SheetInfo } from '../schema/types.ts';

/** The typed reads the engine uses. */
export interface FormulaSource {
  /** `region`: the regional formats (date order of DATEVALUE); the language's when missing (date-text.ts `regionOf`). */
  readonly settings: { readonly locale: Locale; readonly region?: string };
  /** Sheets in tab order. */
  sheets(): readonly SheetInfo[];
  /** Columns of a sheet in order (formula in stored form). */
  columns(sheetId: string): readonly Column[];
  /** Row ids of a sheet in order. */
  rowIds(sheetId: string): readonly string[];
  /** Stored value of a cell (`{ f }` for a cell formula in stored form). */
  cell(sheetId: string, rowId: string, colId: string): CellValue;
  /** Stored values of a column in row order. */
  columnValues(sheetId: string, colId: string): CellValue[];
}

/** A source that reports its changes. */
export interface LiveFormulaSource extends FormulaSource {
  onChange(listener: (change: FormulaChange) => void): () => unknown;
}

/** What changed in one sheet (the part of the model's SheetChange the engine reads). */
export interface FormulaSheetChange {
  readonly added: boolean;
  readonly removed: boolean;
  readonly meta: boolean;
  /** A view sheet's formula changed. */
  readonly view?: boolean;
  /** Column id → what changed about it ('added', 'removed', 'name', 'type', 'formula' …). */
  readonly columns: ReadonlyMap<string, ReadonlySet<string>>;
  readonly rowsAdded: ReadonlySet<string>;
  readonly rowsRemoved: ReadonlySet<string>;
  readonly rowsMoved: ReadonlySet<string>;
  /** Row id → column ids whose stored value changed. */
  readonly cells: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What one transaction changed (the part of the model's WorkbookChange the engine reads). */
export interface FormulaChange {
  readonly settings: boolean;
  readonly sheetList: boolean;
  readonly sheets: ReadonlyMap<string, FormulaSheetChange>;
}
