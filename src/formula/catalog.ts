/** The sheets and columns of a workbook as formulas see them: lookup by id or by name in any language. */
import type { Column, Locale, SheetInfo } from '../schema/types.ts';
import type { FormulaSource } from './source.ts';

/** A sheet with its columns. */
export interface CatalogSheet extends SheetInfo {
  columns: readonly Column[];
}

const norm = (s: string): string => s.trim().toLowerCase();

/** Names a thing answers to: its label in the workbook's language first, then its name, then other labels. */
const namesOf = (x: { name: string; labels?: Partial<Record<Locale, string>> }, locale: Locale): string[] => {
  const out: string[] = [];
  const own = x.labels?.[locale];
  if (own) out.push(own);
  out.push(x.name);
  for (const l of Object.values(x.labels ?? {})) if (l && !out.includes(l)) out.push(l);
  return out;
};

/** A snapshot of the schema (sheets and columns), rebuilt when sheets or columns change. */
export class Catalog {
  readonly locale: Locale;
  private readonly byId = new Map<string, CatalogSheet>();
  private readonly ordered: CatalogSheet[] = [];

  constructor(source: FormulaSource) {
    this.locale = source.settings.locale;
    for (const s of source.sheets()) {
      const sheet: CatalogSheet = { ...s, columns: source.columns(s.id) };
      this.byId.set(s.id, sheet);
      this.ordered.push(sheet);
    }
  }

  /** Sheets in tab order. */
  sheets(): readonly CatalogSheet[] {
    return this.ordered;
  }

  sheet(id: string): CatalogSheet | undefined {
    return this.byId.get(id);
  }

  column(sheetId: string, colId: string): Column | undefined {
    return this.byId.get(sheetId)?.columns.find((c) => c.id === colId);
  }

  /** The sheet answering to `name` (label or name, any language, any case). */
  sheetByName(name: string): CatalogSheet | undefined {
    const n = norm(name);
    for (const pass of [0, 1]) {
      for (const s of this.ordered) {
        const names = namesOf(s, this.locale);
        if (pass === 0 ? norm(names[0] ?? '') === n : names.some((x) => norm(x) === n)) return s;
      }
    }
    return undefined;
  }

  /** The column of a sheet answering to `name`. */
  columnByName(sheetId: string, name: string): Column | undefined {
    const cols = this.byId.get(sheetId)?.columns ?? [];
    const n = norm(name);
    return cols.find((c) => norm(namesOf(c, this.locale)[0] ?? '') === n) ?? cols.find((c) => namesOf(c, this.locale).some((x) => norm(x) === n));
  }

  /** How a sheet or column is shown in the workbook's language. */
  displayName(x: { name: string; labels?: Partial<Record<Locale, string>> }): string {
    return x.labels?.[this.locale] ?? x.name;
  }

  /** The name a sheet's column shows (undefined when it is gone). */
  columnName(from: { sheetId: string; colId: string }): string | undefined {
    const col = this.column(from.sheetId, from.colId);
    return col ? this.displayName(col) : undefined;
  }

  /** Every name the sheets answer to (for suggestions). */
  sheetNames(): string[] {
    return this.ordered.flatMap((s) => namesOf(s, this.locale));
  }

  /** The names a column answers to: the shown one first, then its plain name and other labels. */
  namesOfColumn(sheetId: string, colId: string): string[] {
    const col = this.column(sheetId, colId);
    return col ? namesOf(col, this.locale) : [];
  }

  /** Every name the columns of a sheet answer to (for suggestions). */
  columnNames(sheetId: string): string[] {
    return (this.byId.get(sheetId)?.columns ?? []).flatMap((c) => namesOf(c, this.locale));
  }
}
