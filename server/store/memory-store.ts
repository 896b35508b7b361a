/**
 * A store held in memory, for tests: the contract suite runs against it next to SQLite, and tests
 * of the room run on it with a delay put in front of its appends. Stores opened on one
 * MemoryBacking see each other's writes, as processes sharing a data folder do; each open log is
 * one "connection", told of appends made through the others. Stored bytes are copied in and out,
 * so a caller that changes an array afterwards changes nothing stored.
 */
import type { CompactionClaim, Store, WorkbookLog } from './contract.ts';
import { StoreError, WorkbookNotFoundError } from './errors.ts';
import { MemoryBacking, MemoryCatalog } from './memory-catalog.ts';
import { copy, MemoryLog, stateOf } from './memory-log.ts';
import { checkWorkbookId } from './workbook-id.ts';

/** The data that memory stores opened on it share (memory-catalog.ts). */
export { MemoryBacking };

/** A store in memory; see the module comment. */
export class MemoryStore implements Store {
  readonly location = null;
  readonly catalog: MemoryCatalog;

  /** A new store on `data` (a new, empty backing when none is given). */
  constructor(readonly data = new MemoryBacking()) {
    this.catalog = new MemoryCatalog(data);
  }

  async createWorkbook(id: string, name: string, snapshot: Uint8Array, space?: string): Promise<void> {
    checkWorkbookId(id);
    if (this.data.workbooks.has(id)) throw new StoreError(`Workbook "${id}" exists already; choose another id.`);
    if (space !== undefined) this.catalog.spaceData.requireSpace(space);
    this.data.workbooks.set(id, {
      entry: { id, name, createdAt: Date.now(), space: space ?? null, trashedAt: null, changedAt: null, changedBy: null, bytes: snapshot.byteLength },
      snapshot: copy(snapshot),
      snapshotUpto: 0,
      log: [],
      lastSeq: 0,
      claim: null,
      owners: new Map(),
      open: new Set(),
    });
    this.catalog.changed();
  }

  async purgeWorkbook(id: string): Promise<boolean> {
    if (!this.data.workbooks.delete(id)) return false;
    for (const [hash, t] of this.data.tokens) if (t.workbook === id) this.data.tokens.delete(hash);
    this.catalog.changed();
    return true;
  }

  async openLog(id: string): Promise<WorkbookLog> {
    const wb = this.data.workbooks.get(id);
    if (!wb) throw new WorkbookNotFoundError(id);
    return new MemoryLog(id, wb);
  }

  async replaceContent(id: string, name: string, snapshot: Uint8Array): Promise<string | null> {
    const wb = this.data.workbooks.get(id);
    if (!wb) {
      await this.createWorkbook(id, name, snapshot);
      return null;
    }
    // The numbers go on from where they were: a reader never sees a number twice.
    wb.snapshot = copy(snapshot);
    wb.snapshotUpto = wb.lastSeq;
    wb.log = [];
    // As a new file does: the ids in the new snapshot have no recorded owner.
    wb.owners = new Map();
    wb.entry.name = name;
    for (const log of wb.open) log.tell(wb.lastSeq);
    return null;
  }

  async claimCompaction(id: string, owner: string, ttlMs: number): Promise<CompactionClaim | null> {
    const wb = this.data.workbooks.get(id);
    if (!wb) throw new WorkbookNotFoundError(id);
    const now = Date.now();
    if (wb.claim && wb.claim.owner !== owner && wb.claim.until > now) return null;
    wb.claim = { owner, until: now + ttlMs };
    const held = () => wb.claim?.owner === owner && wb.claim.until > Date.now();
    return {
      workbook: id,
      read: async () => stateOf(wb),
      replace: async (basedOn, upto, snapshot) => {
        if (!held() || wb.snapshotUpto !== basedOn) return false;
        wb.snapshot = copy(snapshot);
        wb.snapshotUpto = upto;
        wb.log = wb.log.filter((u) => u.seq > upto);
        return true;
      },
      settle: async () => {},
      release: async () => {
        if (wb.claim?.owner === owner) wb.claim = null;
      },
    };
  }

  async close(): Promise<void> {
    this.catalog.close();
  }
}
