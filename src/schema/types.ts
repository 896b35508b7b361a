/** The typed records of a workbook: what every module outside src/model sees. */

/** Every type a column (and so a cell) can have. */
export const COLUMN_TYPES = [
  'text',
  'number',
  'integer',
  'currency',
  'percent',
  'date',
  'boolean',
  'choice',
  'reference',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Currencies the workbook can be kept in. */
export const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

/** UI languages; a template's names exist in each. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Regional formats a workbook can be kept in: they decide how typed dates such as 10/01/2027 are
 * read (date-text.ts `dateOrderOf`): month first in the US, day first elsewhere, year first in China.
 */
export const REGIONS = ['en-US', 'en-GB', 'en-AU', 'de-DE', 'fr-FR', 'es-ES', 'zh-CN'] as const;
export type Region = (typeof REGIONS)[number];

/** Names in each UI language, for template sheets and columns the user has not renamed. */
export type Labels = Partial<Record<Locale, string>>;

/** Workbook-wide settings. */
export interface WorkbookSettings {
  name: string;
  currency: CurrencyCode;
  locale: Locale;
  /** Regional formats (typed dates); when missing, the language's: en → en-US, zh-CN → zh-CN. */
  region?: Region;
}

/** Per-type column options. */
export interface ColumnOptions {
  /** choice: the allowed values, in order. */
  choices?: string[];
  /** currency: overrides the workbook currency for this column. */
  currency?: CurrencyCode;
  /** number, currency, percent: digits after the decimal point when shown. */
  precision?: number;
  /** reference: id of the referenced sheet (rows are matched by that sheet's key column). */
  refSheet?: string;
  /** This column is the sheet's key (SKU, ticket id …): references point at it. */
  key?: boolean;
  /** Display width in pixels, shared with the team. */
  width?: number;
  /** Pinned to the left edge of the grid. */
  pinned?: boolean;
  /** Left out of the grid for everyone (still in the sheet: formulas, exports and charts use it). */
  hidden?: boolean;
  /** Long text wraps onto more lines in the grid (its rows grow) instead of being cut. */
  wrap?: boolean;
  /**
   * Id of a column of the same sheet: each cell is shown as that column's cell of its row is
   * (a KPI's target as ¥ or % like its value), when it has no formula of its own.
   */
  formatLike?: string;
}

/** A column definition. `formula`, when set, computes the column for every row. */
export interface Column {
  id: string;
  name: string;
  type: ColumnType;
  options: ColumnOptions;
  /** Stored form of the column formula (references by id), or undefined for an input column. */
  formula?: string;
  labels?: Labels;
}

/** A sheet's identity; its columns and rows are read through the workbook. */
export interface SheetInfo {
  id: string;
  name: string;
  /** Template id (`products`, `inventory` …), `custom`, or `view` (see `formula`). */
  kind: string;
  labels?: Labels;
  /**
   * A view sheet's table formula (stored form): its rows are that formula's live result over other
   * sheets, computed on each replica and never stored. Set only on sheets of kind `view`.
   */
  formula?: string;
}

/** The kind of a view sheet: a sheet whose rows are computed by its formula (read-only). */
export const VIEW_KIND = 'view';

/** True for a view sheet. */
export const isViewSheet = (sheet: Pick<SheetInfo, 'kind'> | undefined): boolean => sheet?.kind === VIEW_KIND;

/** How loud an alert is: an error (price below cost) or a warning (overlapping campaigns). */
export type RuleLevel = 'error' | 'warning';

/** The colours a rule made by a person may paint its cells in (a small palette, readable in print). */
export const RULE_COLORS = ['red', 'amber', 'green', 'blue', 'purple'] as const;

/** One colour of the rules' palette. */
export type RuleColor = (typeof RULE_COLORS)[number];

/**
 * An alert rule of a sheet: when `when` (a boolean formula in row context, stored form) is TRUE for
 * a row, the row is flagged with `message`, and the listed columns are highlighted.
 */
export interface Rule {
  id: string;
  name: string;
  labels?: Labels;
  when: string;
  level: RuleLevel;
  message: string;
  messageLabels?: Labels;
  /** Column ids to highlight; the whole row when empty. */
  columns: string[];
  /** The colour its cells show (a rule a person made on a column); the alert style of its level when missing. */
  color?: RuleColor;
}

/** A rule as given to setRule: id optional (generated when missing). */
export type RuleSpec = Omit<Rule, 'id'> & { id?: string };

/** A cell's own formula, overriding the column's input for that one cell (Excel style). */
export interface CellFormula {
  f: string;
}

/** What a cell stores: empty (null), a typed scalar, or its own formula. Dates are `YYYY-MM-DD`. */
export type CellScalar = string | number | boolean | null;
export type CellValue = CellScalar | CellFormula;

/** A column as given to addColumn / addSheet: id optional (generated when missing). */
export interface ColumnSpec {
  id?: string;
  name: string;
  type: ColumnType;
  options?: ColumnOptions;
  formula?: string;
  labels?: Labels;
}

/** True when a stored cell value is a cell formula. */
export const isCellFormula = (v: CellValue | undefined): v is CellFormula =>
  typeof v === 'object' && v !== null && typeof (v as CellFormula).f === 'string';
