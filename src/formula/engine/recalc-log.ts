/** Which computed values changed during a recalculation: whole columns (after a rebuild) or single cells. */

/** Changes within one sheet. */
export interface SheetRecalc {
  /** Columns whose every value may have changed. */
  columns: Set<string>;
  /** Row id → columns whose value changed. */
  cells: Map<string, Set<string>>;
}

/** What a recalculation changed, by sheet id. */
export interface RecalcEvent {
  sheets: Map<string, SheetRecalc>;
}

/** Collects changes until they are taken. */
export class RecalcLog {
  private sheets = new Map<string, SheetRecalc>();

  private sheet(id: string): SheetRecalc {
    let s = this.sheets.get(id);
    if (!s) {
      s = { columns: new Set(), cells: new Map() };
      this.sheets.set(id, s);
    }
    return s;
  }

  cell(sheetId: string, rowId: string, colId: string): void {
    const s = this.sheet(sheetId);
    if (s.columns.has(colId)) return;
    let set = s.cells.get(rowId);
    if (!set) {
      set = new Set();
      s.cells.set(rowId, set);
    }
    set.add(colId);
  }

  column(sheetId: string, colId: string): void {
    this.sheet(sheetId).columns.add(colId);
  }

  /** The event so far (undefined when nothing changed), and a fresh log. */
  take(): RecalcEvent | undefined {
    if (this.sheets.size === 0) return undefined;
    const event = { sheets: this.sheets };
    this.sheets = new Map();
    return event;
  }
}
