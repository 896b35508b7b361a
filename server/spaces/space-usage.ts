/**
 * The per-space byte quota as workbooks grow (issue #17): the relay keeps a running total of each
 * space's stored bytes, so the check on every editor's update is a lookup and an addition, never a
 * scan of the space. The totals are read from the catalog when a connection to a workbook of the
 * space is admitted and they are older than REFRESH_MS (or the catalog changed elsewhere), and
 * moved along by the relay's own commits in between.
 */
import type { Store } from '../store/contract.ts';

/** How long a space's totals read from the catalog are trusted before the next admit reads them again. */
const REFRESH_MS = 30_000;

const MB = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** A change that would take a space past its byte quota; the sender is closed with CLOSE.spaceFull. */
export class SpaceFullError extends Error {
  override name = 'SpaceFullError';
  constructor(
    readonly space: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`space "${space}" would hold ${bytes} bytes, over its quota of ${limit}`);
  }

  /** The sentence for the client (also a websocket close reason: at most 123 bytes; the app reads the numbers from it). */
  get reason(): string {
    return `This space is full (${MB(this.bytes)} of ${MB(this.limit)} MB): ask an owner to raise the quota or empty the trash.`;
  }
}

interface SpaceTotals {
  limit: number | null;
  bytes: Map<string, number>;
  total: number;
  readAt: number;
  /** A change was refused since the last read: the next connection reads the quota again (an owner may have raised it). */
  refused?: boolean;
}

/** The running byte totals of the spaces whose workbooks are open on this relay. */
export class SpaceUsage {
  private readonly spaces = new Map<string, SpaceTotals>();
  /** The space of each workbook seen (null: none). */
  private readonly spaceOf = new Map<string, string | null>();
  private readonly reading = new Map<string, Promise<void>>();

  constructor(private readonly store: Store) {}

  /**
   * Reads the totals of `workbook`'s space from the catalog when they are missing, old, or a change
   * was refused since (called as a connection is admitted: someone coming back to a full space
   * meets the quota as it is now, not as this relay last read it).
   */
  async prime(workbook: string, now = Date.now()): Promise<void> {
    let space = this.spaceOf.get(workbook);
    if (space === undefined) {
      space = (await this.store.catalog.workbook(workbook))?.space ?? null;
      this.spaceOf.set(workbook, space);
    }
    const known = space === null ? undefined : this.spaces.get(space);
    if (space !== null && !(known && now - known.readAt < REFRESH_MS && !known.refused)) await this.read(space, now);
  }

  /** Reads a space's quota and its workbooks' sizes from the catalog (one read at a time per space). */
  private read(space: string, now = Date.now()): Promise<void> {
    let reading = this.reading.get(space);
    if (!reading) {
      reading = this.readNow(space, now).finally(() => this.reading.delete(space));
      this.reading.set(space, reading);
    }
    return reading;
  }

  private async readNow(space: string, now: number): Promise<void> {
    const entry = await this.store.catalog.space(space);
    const all = entry ? await this.store.catalog.workbooksIn(space) : [];
    const bytes = new Map(all.map((w) => [w.id, w.bytes ?? 0] as const));
    // What this relay committed since the catalog was last written (every few seconds) is newer.
    const known = this.spaces.get(space);
    if (known) for (const [id, n] of known.bytes) if (bytes.has(id) && n > (bytes.get(id) ?? 0)) bytes.set(id, n);
    let total = 0;
    for (const n of bytes.values()) total += n;
    this.spaces.set(space, { limit: entry?.quota.bytes ?? null, bytes, total, readAt: now });
  }

  /** Throws SpaceFullError when `workbook` taking `bytes` would put its space over its byte quota (and it grows). */
  check(workbook: string, bytes: number): void {
    const space = this.spaceOf.get(workbook);
    const totals = space ? this.spaces.get(space) : undefined;
    if (!space || !totals) return;
    // Old totals are read again in the background (a quota raised, another relay's writes); this check uses what is known.
    if (Date.now() - totals.readAt >= REFRESH_MS) void this.read(space).catch(() => {});
    if (totals.limit === null) return;
    const before = totals.bytes.get(workbook) ?? 0;
    const after = totals.total - before + bytes;
    if (bytes > before && after > totals.limit) {
      totals.refused = true;
      throw new SpaceFullError(space, after, totals.limit);
    }
  }

  /** `workbook` now takes `bytes` in the store (a commit of this relay). */
  stored(workbook: string, bytes: number): void {
    const space = this.spaceOf.get(workbook);
    const totals = space ? this.spaces.get(space) : undefined;
    if (!totals) return;
    totals.total += bytes - (totals.bytes.get(workbook) ?? 0);
    totals.bytes.set(workbook, bytes);
  }

  /** The catalog changed elsewhere (a quota, a purge, another relay's writes): every known space is read again. */
  refresh(): Promise<void> {
    return Promise.all([...this.spaces.keys()].map((space) => this.read(space))).then(() => {});
  }
}
