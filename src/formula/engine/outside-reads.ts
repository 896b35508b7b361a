/**
 * What formulas read from outside the workbook's cells: the time of day (NOW) and the names of
 * columns (HLOOKUP). The cells that read them are kept, to recompute every minute or after a rename.
 */

/** The clock and the names formulas read, and the cells that read them. */
export class OutsideReads {
  /** Cells that read the time of day, recomputed every minute. */
  readonly nowReaders = new Set<number>();
  /** Cells that read column names, recomputed when names change. */
  readonly nameReaders = new Set<number>();
  /** The clock NOW() reads: a serial with the time of day as its fraction. */
  clock: () => number = () => 0;
  /** The names a column answers to, the shown one first. */
  columnNames: (sheetId: string, colId: string) => readonly string[] = () => [];

  /** The names of columns, read by the cell `reader` (recorded, so that it is recomputed after a rename). */
  namesFor(sheetId: string, colIds: readonly string[], reader: number): (readonly string[])[] {
    OutsideReads.note(this.nameReaders, reader);
    return colIds.map((id) => this.columnNames(sheetId, id));
  }

  /** Records `reader` (an instance id, or −1 outside any cell) in `set`. */
  static note(set: Set<number>, reader: number): void {
    if (reader >= 0) set.add(reader);
  }

  /** Takes the readers of a set, emptying it (they register again when recomputed). */
  static take(set: Set<number>): number[] {
    const out = [...set];
    set.clear();
    return out;
  }
}
