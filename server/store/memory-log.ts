/**
 * The workbook logs of the memory store (memory-store.ts): each open log is one "connection" on a
 * workbook of the shared backing, told of the appends and presence updates made through the others.
 */
import type { ClientOwner, LogStats, StoredChanges, StoredState, Unsubscribe, WorkbookEntry, WorkbookLog } from './contract.ts';
import { OwnerConflictError } from './errors.ts';

/** One workbook as the memory backing holds it. */
export interface StoredWorkbook {
  entry: WorkbookEntry;
  snapshot: Uint8Array;
  snapshotUpto: number;
  log: { seq: number; data: Uint8Array }[];
  lastSeq: number;
  claim: { owner: string; until: number } | null;
  /** Who owns each client id. */
  owners: Map<number, string>;
  /** The logs open on this workbook, each told of the others' appends. */
  open: Set<MemoryLog>;
}

/** A copy of stored bytes: nothing a caller changes afterwards reaches the store. */
export const copy = (b: Uint8Array): Uint8Array => b.slice();

/** Delivered after the current turn, as a notification from another process would be. */
export const later = (fn: () => void): void => void setTimeout(fn, 0);

/** The whole stored state of a workbook, copied out. */
export const stateOf = (wb: StoredWorkbook): StoredState => ({
  snapshot: copy(wb.snapshot),
  snapshotUpto: wb.snapshotUpto,
  updates: wb.log.map((u) => ({ seq: u.seq, data: copy(u.data) })),
  lastSeq: wb.log.at(-1)?.seq ?? wb.snapshotUpto,
});

/** One open log of a workbook (one "connection"), told of the appends made through the others. */
export class MemoryLog implements WorkbookLog {
  private readonly listeners = new Set<(seq: number | undefined) => void>();
  private readonly presence = new Set<(update: Uint8Array) => void>();
  readonly where: string;

  constructor(
    readonly workbook: string,
    private readonly wb: StoredWorkbook,
  ) {
    this.where = `memory:${workbook}`;
    wb.open.add(this);
  }

  async read(): Promise<StoredState> {
    return stateOf(this.wb);
  }

  async readSince(seq: number): Promise<StoredChanges> {
    const wb = this.wb;
    return {
      snapshot: wb.snapshotUpto > seq ? copy(wb.snapshot) : null,
      snapshotUpto: wb.snapshotUpto,
      updates: wb.log.filter((u) => u.seq > seq).map((u) => ({ seq: u.seq, data: copy(u.data) })),
    };
  }

  async append(updates: readonly Uint8Array[], owners: readonly ClientOwner[] = []): Promise<number[]> {
    // Every owner is checked before anything is written: the append is all or nothing.
    for (const { clientId, owner } of owners) {
      const had = this.wb.owners.get(clientId);
      if (had !== undefined && had !== owner) throw new OwnerConflictError(clientId, had, owner);
    }
    for (const { clientId, owner } of owners) this.wb.owners.set(clientId, owner);
    const seqs = updates.map((u) => {
      const seq = ++this.wb.lastSeq;
      this.wb.log.push({ seq, data: copy(u) });
      return seq;
    });
    const last = seqs.at(-1);
    if (last !== undefined) for (const other of this.wb.open) if (other !== this) other.tell(last);
    return seqs;
  }

  async owners(): Promise<ClientOwner[]> {
    return [...this.wb.owners].map(([clientId, owner]) => ({ clientId, owner })).sort((a, b) => a.clientId - b.clientId);
  }

  async stats(): Promise<LogStats> {
    return {
      updates: this.wb.log.length,
      bytes: this.wb.log.reduce((n, u) => n + u.data.byteLength, 0),
      snapshotBytes: this.wb.snapshot.byteLength,
    };
  }

  subscribe(listener: (seq: number | undefined) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sendPresence(update: Uint8Array): void {
    for (const other of this.wb.open) if (other !== this) other.tellPresence(copy(update));
  }

  onPresence(listener: (update: Uint8Array) => void): Unsubscribe {
    this.presence.add(listener);
    return () => this.presence.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.presence.clear();
    this.wb.open.delete(this);
  }

  /** Another log sent a presence update. */
  tellPresence(update: Uint8Array): void {
    for (const l of this.presence) later(() => l(update));
  }

  /** Another log appended up to `seq`. */
  tell(seq: number): void {
    for (const l of this.listeners) later(() => l(seq));
  }
}
