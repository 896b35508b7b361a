/**
 * Finds the row a reference cell points at (by the referenced sheet's key column) and the name to
 * show beside the key. Indexes are built on first use and dropped when the sheet changes.
 */
import type { Column } from '../schema/types.ts';
import type { Workbook } from '../model/index.ts';
import { isCellFormula } from '../schema/types.ts';

/** A row that can be referenced: its key and its name. */
export interface RefTarget {
  rowId: string;
  key: string;
  name: string;
}

const NAME_WORDS = new Set(['name', 'product', 'title', '名称', '商品', '名字']);

const text = (v: unknown): string => (v === null || v === undefined || isCellFormula(v as never) ? '' : String(v));

/** Key → row indexes over the sheets of a workbook. */
export class ReferenceIndex {
  private indexes = new Map<string, { list: RefTarget[]; byKey: Map<string, RefTarget> }>();
  private readonly stop: () => void;

  constructor(private readonly wb: Workbook) {
    this.stop = wb.onChange((change) => {
      for (const id of change.sheets.keys()) this.indexes.delete(id);
    });
  }

  /** The key column of a sheet: the one marked as key, else the first. */
  keyColumn(sheetId: string): Column | undefined {
    if (!this.wb.hasSheet(sheetId)) return undefined;
    const cols = this.wb.columns(sheetId);
    return cols.find((c) => c.options.key) ?? cols[0];
  }

  /** The column whose value names a row: a text column called Name (or alike), else the first text column after the key. */
  nameColumn(sheetId: string): Column | undefined {
    if (!this.wb.hasSheet(sheetId)) return undefined;
    const key = this.keyColumn(sheetId);
    const texts = this.wb.columns(sheetId).filter((c) => c.type === 'text' && c.id !== key?.id);
    return texts.find((c) => NAME_WORDS.has(c.name.trim().toLowerCase())) ?? texts[0];
  }

  private index(sheetId: string) {
    let ix = this.indexes.get(sheetId);
    if (!ix) {
      const key = this.keyColumn(sheetId);
      const name = this.nameColumn(sheetId);
      const list: RefTarget[] = [];
      const byKey = new Map<string, RefTarget>();
      if (key) {
        for (const rowId of this.wb.rowIds(sheetId)) {
          const k = text(this.wb.cell(sheetId, rowId, key.id));
          if (!k) continue;
          const t = { rowId, key: k, name: name ? text(this.wb.cell(sheetId, rowId, name.id)) : '' };
          list.push(t);
          if (!byKey.has(k)) byKey.set(k, t);
        }
      }
      ix = { list, byKey };
      this.indexes.set(sheetId, ix);
    }
    return ix;
  }

  /** The row with key `key` in `sheetId`, or undefined. */
  lookup(sheetId: string, key: string): RefTarget | undefined {
    return this.wb.hasSheet(sheetId) ? this.index(sheetId).byKey.get(key) : undefined;
  }

  /** Rows whose key or name contains `query` (case-insensitive), at most `limit`. */
  search(sheetId: string, query: string, limit = 50): RefTarget[] {
    if (!this.wb.hasSheet(sheetId)) return [];
    const q = query.trim().toLowerCase();
    const out: RefTarget[] = [];
    for (const t of this.index(sheetId).list) {
      if (!q || t.key.toLowerCase().includes(q) || t.name.toLowerCase().includes(q)) {
        out.push(t);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  dispose(): void {
    this.stop();
  }
}
