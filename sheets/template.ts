/** What a sheet template declares: typed columns, column formulas, alert rules and default charts. */
import type { Aggregation, ChartFilter, ChartKind, ColumnOptions, ColumnType, RuleLevel } from '../src/schema/index.ts';

/** A text in each UI language. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A column of a template. `formula` is in display form with English names (resolved when applied). */
export interface TemplateColumn extends Bilingual {
  /** Stable key within the template (used by rules, charts and the demo data). */
  key: string;
  type: ColumnType;
  options?: ColumnOptions;
  /** reference columns: the template kind of the referenced sheet. */
  refKind?: string;
  formula?: string;
  /** One-line explanation shown as the column's description. */
  doc?: string;
}

/** An alert rule of a template: `when` is a boolean formula in row context (display form, English names). */
export interface TemplateRule extends Bilingual {
  key: string;
  when: string;
  level: RuleLevel;
  message: Bilingual;
  /** Keys of the columns to highlight. */
  columns: string[];
}

/** Series of a template chart: column keys of the same template. */
export interface TemplateSeries {
  column: string;
  aggregate: Aggregation;
  as?: 'bar' | 'line';
  /** Legend name; the column's name when missing. */
  label?: Bilingual;
  /** Error bars: bounds from two columns, or a proportion's confidence interval from counts (A/B rates). */
  error?: { kind: 'range'; low: string; high: string } | { kind: 'proportion'; trials: string; successes: string; confidence: number };
}

/** A default chart of a template (column keys; turned into a stored chart when the sheet is created). */
export interface TemplateChart extends Bilingual {
  key: string;
  kind: ChartKind;
  /** Column key on the x axis (groups for bar/line/pie). */
  x: string;
  series: TemplateSeries[];
  /** Rows the chart takes (column keys). */
  filters?: (Omit<ChartFilter, 'column'> & { column: string })[];
  /** A horizontal reference line (reorder point, parity …) on the axis of series `series` (default 0). */
  threshold?: { value: number; series?: number } & Bilingual;
  /** Bars coloured by the alerts of their rows (status), not one colour per series. */
  colorByAlerts?: boolean;
  /** Pinned to the dashboard when the sheet is created, at this size (grid columns × rows). */
  pin?: { w: number; h: number };
}

/** A sheet template. */
export interface SheetTemplate extends Bilingual {
  kind: string;
  /** What the sheet is for, one sentence in each language (shown in the gallery). */
  about: Bilingual;
  columns: TemplateColumn[];
  rules: TemplateRule[];
  charts: TemplateChart[];
}
