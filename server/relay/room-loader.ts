/**
 * Loading a workbook into a room, with the two refusals that keep one workbook from taking the
 * relay down: a stored size over MAX_ROOM_BYTES (loading is one transaction that stalls every
 * room and can take gigabytes), and a stored state that could not be read, which is not tried again
 * for a while, nor before the catalog changes (a client retrying every few seconds would otherwise
 * make the relay decode a damaged file over and over).
 */
import type { RelayConfig } from '../config.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { Store } from '../store/contract.ts';
import { UnreadableStoreError } from '../store/errors.ts';
import { Room, type RoomHooks } from './room.ts';

const MB = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** A workbook whose stored size is over MAX_ROOM_BYTES. */
export class RoomTooBigError extends Error {
  override name = 'RoomTooBigError';
  constructor(
    readonly workbook: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`workbook "${workbook}" is ${bytes} bytes stored, over MAX_ROOM_BYTES (${limit})`);
  }

  /** The sentence for the client (at most 123 bytes: it is also a websocket close reason). */
  get reason(): string {
    return `This workbook is too large for this relay (${MB(this.bytes)} stored; MAX_ROOM_BYTES is ${MB(this.limit)}).`;
  }
}

/** How long a workbook whose stored state could not be read is answered from memory before it is read again. */
const UNREADABLE_RETRY_MS = 30_000;

/** Loads rooms for the relay (see the module comment). */
export class RoomLoader {
  /** Workbooks whose stored state could not be read, with when that was. */
  private readonly unreadable = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly config: Pick<RelayConfig, 'maxRoomBytes'>,
    private readonly log: Logger,
    private readonly hooks: RoomHooks,
  ) {}

  /** Loads workbook `id`. Throws RoomTooBigError, UnreadableStoreError or WorkbookNotFoundError. */
  async load(id: string): Promise<Room> {
    const failed = this.unreadable.get(id);
    if (failed !== undefined && Date.now() - failed < UNREADABLE_RETRY_MS) throw new UnreadableStoreError(id, 'it could not be read a moment ago');
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      const log = await this.store.openLog(id);
      let bytes: number;
      try {
        const stats = await log.stats();
        bytes = stats.bytes + stats.snapshotBytes;
      } catch (err) {
        await log.close();
        throw err;
      }
      if (bytes > this.config.maxRoomBytes) {
        await log.close();
        const err = new RoomTooBigError(id, bytes, this.config.maxRoomBytes);
        this.log.warn('room.too_big', { workbook: id, bytes: err.bytes, limit: err.limit, hint: 'raise MAX_ROOM_BYTES to open it (loading it stalls every room while it lasts)' });
        throw err;
      }
      const room = await Room.load(id, log, this.hooks);
      this.unreadable.delete(id);
      // Wall time is what every other room waited; CPU time what loading itself took (the rest: the machine was busy).
      const cpu = process.cpuUsage(cpu0);
      this.log.info('room.loaded', { workbook: id, ms: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), bytes });
      return room;
    } catch (err) {
      if (err instanceof UnreadableStoreError) {
        this.unreadable.set(id, Date.now());
        this.log.error('room.load_failed', { workbook: id, message: errorMessage(err) });
      } else if (!(err instanceof RoomTooBigError)) this.log.error('room.load_failed', { workbook: id, message: errorMessage(err) });
      throw err;
    }
  }

  /** Forgets which workbooks could not be read (their stored state may have been replaced). */
  forgetFailures(): void {
    this.unreadable.clear();
  }

  /** The sentence a client is told when `id` could not be loaded because of `err`. */
  explain(id: string, err: unknown): string {
    if (err instanceof UnreadableStoreError) {
      return `The stored workbook "${id}" is damaged and cannot be opened; ask the person who runs the relay to restore it from a backup (its log says which file).`;
    }
    return 'This workbook cannot be loaded; the relay log says why.';
  }
}
