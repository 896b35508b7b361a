/** The engine's memory of one sheet: row slots (stable while a row lives), row order and columns. */
import type { ColumnState } from './column-state.ts';

/** One sheet: rows get a slot when they appear and keep it until deleted; order lists slots. */
export class SheetState {
  readonly slotOf = new Map<string, number>();
  /** Row id by slot (undefined for free slots). */
  readonly rowAt: (string | undefined)[] = [];
  private readonly free: number[] = [];
  /** Slots in row order. */
  order: number[] = [];
  private positions: Int32Array | null = null;
  readonly columns = new Map<string, ColumnState>();

  constructor(readonly id: string) {}

  /** Gives a new row a slot. */
  allocate(rowId: string): number {
    const slot = this.free.pop() ?? this.rowAt.length;
    this.rowAt[slot] = rowId;
    this.slotOf.set(rowId, slot);
    return slot;
  }

  /** Frees the slot of a deleted row. */
  release(rowId: string): number | undefined {
    const slot = this.slotOf.get(rowId);
    if (slot === undefined) return undefined;
    this.slotOf.delete(rowId);
    this.rowAt[slot] = undefined;
    this.free.push(slot);
    return slot;
  }

  /** Sets the row order from the source's row ids. */
  setOrder(rowIds: readonly string[]): void {
    const order = new Array<number>(rowIds.length);
    for (let i = 0; i < rowIds.length; i++) order[i] = this.slotOf.get(rowIds[i] ?? '') ?? -1;
    this.order = order;
    this.positions = null;
  }

  /** Position (0-based) of a slot in row order. */
  position(slot: number): number {
    if (!this.positions) {
      const p = new Int32Array(this.rowAt.length).fill(-1);
      this.order.forEach((s, i) => (p[s] = i));
      this.positions = p;
    }
    return this.positions[slot] ?? -1;
  }

  /** Slot capacity (highest slot + 1). */
  get capacity(): number {
    return this.rowAt.length;
  }
}
