/**
 * A source that shows each alert rule of a sheet to the engine as one more (hidden) boolean formula
 * column, so rules are computed and kept current incrementally like any formula. Their ids start
 * with a control character: no one can type a reference to them.
 */
import type { Column, Locale, Rule } from '../schema/types.ts';
import { regionOf } from '../schema/date-text.ts';
import type { FormulaChange, FormulaSheetChange, LiveFormulaSource } from './source.ts';

/** Prefix of the hidden column id of a rule. */
export const RULE_COLUMN = '\u0001rule:';

/** The hidden column id of a rule. */
export const ruleColumnId = (ruleId: string): string => `${RULE_COLUMN}${ruleId}`;

/** The rule id of a hidden column id, or undefined for an ordinary column. */
export const ruleIdOf = (colId: string): string | undefined => (colId.startsWith(RULE_COLUMN) ? colId.slice(RULE_COLUMN.length) : undefined);

/** A workbook source that also has alert rules (the model's Workbook is one). */
export interface RuleSource extends LiveFormulaSource {
  rules(sheetId: string): readonly Rule[];
  onChange(listener: (change: FormulaChange & { sheets: ReadonlyMap<string, FormulaSheetChange & { rules?: ReadonlySet<string> }> }) => void): () => unknown;
}

const ruleColumn = (r: Rule): Column => ({ id: ruleColumnId(r.id), name: ruleColumnId(r.id), type: 'boolean', options: {}, formula: r.when });

/** Wraps a workbook: rules become hidden formula columns; `locale` (when given) chooses the language names are shown in. */
export class AlertingSource implements LiveFormulaSource {
  private readonly cols = new Map<string, readonly Column[]>();

  constructor(
    readonly inner: RuleSource,
    private readonly locale?: () => Locale,
  ) {}

  get settings(): { locale: Locale; region: string } {
    // Names in the language shown; dates in the workbook's own region, whoever looks.
    return { locale: this.locale?.() ?? this.inner.settings.locale, region: regionOf(this.inner.settings) };
  }

  sheets() {
    return this.inner.sheets();
  }

  columns(sheetId: string): readonly Column[] {
    let c = this.cols.get(sheetId);
    if (!c) {
      c = [...this.inner.columns(sheetId), ...this.inner.rules(sheetId).map(ruleColumn)];
      this.cols.set(sheetId, c);
    }
    return c;
  }

  /** The rules of a sheet. */
  rules(sheetId: string): readonly Rule[] {
    return this.inner.rules(sheetId);
  }

  rowIds(sheetId: string) {
    return this.inner.rowIds(sheetId);
  }

  cell(sheetId: string, rowId: string, colId: string) {
    return colId.startsWith(RULE_COLUMN) ? null : this.inner.cell(sheetId, rowId, colId);
  }

  columnValues(sheetId: string, colId: string) {
    return colId.startsWith(RULE_COLUMN) ? this.inner.rowIds(sheetId).map(() => null) : this.inner.columnValues(sheetId, colId);
  }

  onChange(listener: (change: FormulaChange) => void): () => unknown {
    return this.inner.onChange((change) => {
      const sheets = new Map<string, FormulaSheetChange>();
      for (const [id, sc] of change.sheets) {
        const before = this.cols.get(id);
        if (sc.added || sc.removed || sc.columns.size > 0 || (sc.rules?.size ?? 0) > 0) this.cols.delete(id);
        if (!sc.rules || sc.rules.size === 0) {
          sheets.set(id, sc);
          continue;
        }
        // A rule change reads as a change of its hidden column.
        const columns = new Map(sc.columns);
        const now = new Set(sc.removed ? [] : this.inner.rules(id).map((r) => r.id));
        for (const ruleId of sc.rules) {
          const had = before?.some((c) => c.id === ruleColumnId(ruleId)) ?? false;
          const kind = !now.has(ruleId) ? 'removed' : had ? 'formula' : 'added';
          columns.set(ruleColumnId(ruleId), new Set([kind]));
        }
        sheets.set(id, { ...sc, columns });
      }
      listener({ settings: change.settings, sheetList: change.sheetList, sheets });
    });
  }

  /** Forgets cached columns (after the language of names changed). */
  refresh(): void {
    this.cols.clear();
  }
}
