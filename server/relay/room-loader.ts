/**
 * Loading a workbook into a room, with the two refusals that keep one workbook from taking the
 * relay down: a stored size over MAX_ROOM_BYTES (loading is one transaction that stalls every
 * room and can take gigabytes), and a file that could not be read, which is not tried again until
 * the file changes (a client retrying every few seconds would otherwise make the relay decode a
 * damaged file over and over).
 */
import { statSync } from 'node:fs';
import type { RelayConfig } from '../config.ts';
import { errorMessage, type Logger } from '../log.ts';
import { UnreadableStoreError, type Store } from '../store/store.ts';
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

/** Loads rooms for the relay (see the module comment). */
export class RoomLoader {
  /** Workbooks whose file could not be read, with the file's identity at the time. */
  private readonly unreadable = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly config: Pick<RelayConfig, 'durability' | 'maxRoomBytes'>,
    private readonly log: Logger,
    private readonly hooks: RoomHooks,
  ) {}

  /** Loads workbook `id`. Throws RoomTooBigError, UnreadableStoreError or WorkbookNotFoundError. */
  load(id: string): Room {
    const seen = this.unreadable.get(id);
    if (seen !== undefined && seen === this.identity(id)) throw new UnreadableStoreError(this.store.fileOf(id), 'it could not be read before and has not changed since');
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      const file = this.store.openFile(id, { durability: this.config.durability, autoCheckpoint: false });
      const { bytes, snapshotBytes } = file.stats();
      if (bytes + snapshotBytes > this.config.maxRoomBytes) {
        file.close();
        const err = new RoomTooBigError(id, bytes + snapshotBytes, this.config.maxRoomBytes);
        this.log.warn('room.too_big', { workbook: id, bytes: err.bytes, limit: err.limit, hint: 'raise MAX_ROOM_BYTES to open it (loading it stalls every room while it lasts)' });
        throw err;
      }
      const room = Room.load(id, file, this.hooks);
      this.unreadable.delete(id);
      // Wall time is what every other room waited; CPU time what loading itself took (the rest: the machine was busy).
      const cpu = process.cpuUsage(cpu0);
      this.log.info('room.loaded', { workbook: id, ms: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), bytes: bytes + snapshotBytes });
      return room;
    } catch (err) {
      if (err instanceof UnreadableStoreError) {
        this.unreadable.set(id, this.identity(id));
        this.log.error('room.load_failed', { workbook: id, message: errorMessage(err) });
      } else if (!(err instanceof RoomTooBigError)) this.log.error('room.load_failed', { workbook: id, message: errorMessage(err) });
      throw err;
    }
  }

  /** The sentence a client is told when `id` could not be loaded because of `err`. */
  explain(id: string, err: unknown): string {
    if (err instanceof UnreadableStoreError) {
      return `The stored workbook "${id}" is damaged and cannot be opened; ask the person who runs the relay to restore it from a backup (its log says which file).`;
    }
    return 'This workbook cannot be loaded; the relay log says why.';
  }

  /** What identifies the file's current content cheaply: inode, size and time of the last change. */
  private identity(id: string): string {
    try {
      const s = statSync(this.store.fileOf(id));
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }
}
