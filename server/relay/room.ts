/**
 * A room: one loaded workbook and the clients connected to it. Nothing leaves the room before it
 * is on disk: an editor's update is applied to the room's Y.Doc, what it adds is appended to the
 * workbook's file, and only once that commit returned is it relayed. Commits are grouped: every
 * change that arrived in one turn of the event loop is committed in one transaction (one sync to
 * disk) right after it, and a sync reply that shows a change not yet committed waits for it too.
 * Writes made by the CLI are picked up from the file and relayed the same way. A room is created
 * loaded (Room.load) or not at all.
 */
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import type { CompactJob } from '../store/compactor.ts';
import type { Role } from '../store/tokens.ts';
import { isBusy, type WorkbookFile } from '../store/workbook-file.ts';
import { errorMessage, type Logger } from '../log.ts';
import { changesServerRoot } from './server-root-guard.ts';
import { awarenessMessage, CLOSE, ProtocolError, syncStep1Message, syncStep2Message, updateMessage, type ClientMessage } from './protocol.ts';

/** What a room needs from a client connection. */
export interface RoomPeer {
  readonly id: number;
  readonly role: Role;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Told when a viewer's document update was dropped. */
  droppedWrite(): void;
}

/** How a room reports to the relay that owns it. */
export interface RoomHooks {
  log: Logger;
  /** Unload delay after the last client leaves. */
  graceMs: number;
  /** Ask for a compaction after this many logged updates. */
  compactAfter: number;
  /** The room had no client for `graceMs`: the relay unloads it. */
  onIdle(room: Room): void;
  /** The room could not keep memory and store in step and closed itself: the relay forgets it. */
  onFailed(room: Room): void;
  compact(job: CompactJob): void;
  /** How long an update stayed in the room, from arrival to relayed (ms). */
  relayed(ms: number): void;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** One loaded workbook and its connected clients. */
export class Room {
  /** Deleted content is kept (gc off): the store keeps history, so an export's version can be rebuilt. */
  private current = new Y.Doc({ gc: false });
  /** Presence lives on its own small doc, so the workbook doc can be reloaded without losing it. */
  readonly awareness = new Awareness(new Y.Doc());
  private readonly peers = new Map<RoomPeer, Set<number>>();
  private lastSeq = 0;
  /** Updates in the file's log since the last compaction request. */
  private logged = 0;
  private captured: Uint8Array[] | null = null;
  /** Changes applied to the document, to be committed at the end of this turn, with sender and arrival. */
  private uncommitted: { change: Uint8Array; from: RoomPeer; at: number }[] = [];
  /** Replies that show uncommitted changes: sent after the commit. */
  private held: { peer: RoomPeer; data: Uint8Array }[] = [];
  private commitScheduled: NodeJS.Immediate | null = null;
  /** While the file is locked by another writer (a compaction, the CLI): when that started, and the retry. */
  private busySince: number | null = null;
  private retry: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    readonly id: string,
    private readonly file: WorkbookFile,
    private readonly hooks: RoomHooks,
  ) {
    this.watch(this.current);
    // The relay itself has no presence; only clients' states are kept and relayed.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.relayAwareness(change, origin));
  }

  /** Loads the stored workbook into a new room. Throws UnreadableStoreError (the file is closed, not changed). */
  static load(id: string, file: WorkbookFile, hooks: RoomHooks): Room {
    const room = new Room(id, file, hooks);
    try {
      room.lastSeq = file.loadInto(room.doc);
      room.logged = file.stats().updates;
      file.setBusyTimeout(0);
    } catch (err) {
      room.doc.destroy();
      room.awareness.doc.destroy();
      file.close();
      throw err;
    }
    room.scheduleIdle();
    return room;
  }

  /** The workbook's document as stored. */
  get doc(): Y.Doc {
    return this.current;
  }

  /** Adds a client and starts the sync: the relay's state vector, then everyone's presence. */
  join(peer: RoomPeer): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.peers.set(peer, new Set());
    peer.send(syncStep1Message(this.doc));
    const states = this.awareness.getStates();
    if (states.size > 0) peer.send(awarenessMessage(this.awareness, [...states.keys()]));
  }

  /** Removes a client and its presence; the room unloads after the grace period when it was the last. */
  leave(peer: RoomPeer): void {
    const ids = this.peers.get(peer);
    if (!ids) return;
    this.peers.delete(peer);
    if (ids.size > 0) removeAwarenessStates(this.awareness, [...ids], null);
    if (this.peers.size === 0) this.scheduleIdle();
  }

  /** Handles one decoded message of a client. */
  receive(peer: RoomPeer, msg: ClientMessage): void {
    if (this.closed || !this.peers.has(peer)) return;
    switch (msg.kind) {
      case 'sync-step1': {
        // The answer is step 2 and then the relay's own step 1, both sent once everything they
        // show is committed: the state vector in that step 1 tells the client which of its edits
        // the relay holds durably (its count of edits not yet on the server). A stock client
        // answers it with whatever the relay still lacks, usually an empty update.
        const reply = [syncStep2Message(this.doc, msg.stateVector), syncStep1Message(this.doc)];
        if (this.uncommitted.length > 0) for (const data of reply) this.held.push({ peer, data });
        else for (const data of reply) peer.send(data);
        return;
      }
      case 'update':
        if (peer.role !== 'editor') peer.droppedWrite();
        else this.applyFrom(peer, msg.update);
        return;
      case 'awareness':
        applyAwarenessUpdate(this.awareness, msg.update, peer);
        return;
      case 'query-awareness':
        peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'ignored':
        return;
    }
  }

  /** Applies and relays what other processes (the CLI) appended to the workbook's file. */
  pullFromStore(): void {
    if (this.closed || !this.file.changedElsewhere()) return;
    let change: Uint8Array | null;
    try {
      const { snapshotUpto, updates } = this.file.readSince(this.lastSeq);
      if (updates.length === 0 && snapshotUpto <= this.lastSeq) return;
      // Another compaction may have folded rows this room had not seen into the snapshot.
      const parts = updates.map((u) => u.data);
      if (snapshotUpto > this.lastSeq) parts.unshift(this.file.readSnapshot());
      change = this.capture(() => this.doc.transact(() => parts.forEach((p) => Y.applyUpdate(this.doc, p, 'store')), 'store'));
      this.lastSeq = Math.max(this.lastSeq, snapshotUpto, updates.at(-1)?.seq ?? 0);
      this.logged += updates.length;
    } catch (err) {
      if (isBusy(err)) {
        this.file.lookAgain(); // the next poll reads them
        return;
      }
      this.fail(`stored updates could not be read: ${errorMessage(err)}`);
      return;
    }
    if (change) this.broadcast(updateMessage(change), null);
  }

  /** Commits what is pending, closes every client with `code` and releases the room. */
  close(code: number, reason: string): void {
    this.commit(true);
    for (const peer of this.peers.keys()) peer.close(code, reason);
    this.peers.clear();
    this.destroy();
  }

  /** Releases the document and the file; asks for a compaction when the log grew. */
  destroy(): void {
    if (this.closed) return;
    this.commit(true);
    if (this.closed) return; // the commit failed and the room already closed itself
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.logged > 0) this.requestCompaction();
    this.file.close();
    this.doc.destroy();
    this.awareness.doc.destroy();
  }

  private applyFrom(peer: RoomPeer, update: Uint8Array): void {
    const at = performance.now();
    let change: Uint8Array | null;
    let forbidden = false;
    try {
      change = this.capture(() => (forbidden = changesServerRoot(this.doc, () => Y.applyUpdate(this.doc, update, peer))));
    } catch (err) {
      // It decoded, but integrating it failed half-way: the document may hold part of it, which
      // is neither stored nor relayed. Reload the document from the store and refuse the sender.
      this.reload();
      throw new ProtocolError(`the update cannot be applied: ${errorMessage(err)}`);
    }
    if (forbidden) {
      // What it changed is in memory only: reload the document, store and relay nothing of it.
      this.reload();
      throw new ProtocolError('the update writes the schema version, which only the relay and the CLI write', CLOSE.forbidden);
    }
    if (!change) return;
    this.uncommitted.push({ change, from: peer, at });
    this.commitScheduled ??= setImmediate(() => this.commit());
  }

  /** Commits the pending changes in one transaction, then relays them and sends the held replies. */
  private commit(wait = false): void {
    if (this.commitScheduled) clearImmediate(this.commitScheduled);
    if (this.retry) clearTimeout(this.retry);
    this.commitScheduled = null;
    this.retry = null;
    const batch = this.uncommitted;
    const held = this.held;
    this.uncommitted = [];
    this.held = [];
    if (batch.length === 0 || this.closed) return;
    try {
      if (wait) this.file.setBusyTimeout(10_000);
      const seqs = this.file.appendAll(batch.map((b) => b.change));
      if (wait) this.file.setBusyTimeout(0);
      this.busySince = null;
      // When another process wrote in between, the numbers have a gap: pullFromStore catches up.
      if (seqs[0] === this.lastSeq + 1 && seqs.at(-1) === this.lastSeq + seqs.length) this.lastSeq += seqs.length;
    } catch (err) {
      if (isBusy(err) && !wait && Date.now() - (this.busySince ??= Date.now()) < 10_000) {
        // Another writer holds the file for a moment: try again in 2 ms, without blocking other rooms.
        this.uncommitted = batch.concat(this.uncommitted);
        this.held = held.concat(this.held);
        this.retry = setTimeout(() => this.commit(), 2);
        return;
      }
      // Memory is now ahead of the store: nothing of it may be relayed. Clients resend on reconnect.
      this.fail(`an update could not be stored: ${errorMessage(err)}`);
      return;
    }
    for (const { change, from } of batch) this.broadcast(updateMessage(change), from);
    for (const h of held) if (this.peers.has(h.peer)) h.peer.send(h.data);
    const now = performance.now();
    for (const b of batch) this.hooks.relayed(now - b.at);
    this.logged += batch.length;
    if (this.logged >= this.hooks.compactAfter) this.requestCompaction();
  }

  private requestCompaction(): void {
    this.hooks.compact({ workbook: this.id, path: this.file.path, upto: this.lastSeq });
    this.logged = 0;
  }

  private watch(doc: Y.Doc): void {
    doc.on('update', (u: Uint8Array) => this.captured?.push(u));
  }

  /** Replaces the document by a fresh load of the store (the clients keep their connections). */
  private reload(): void {
    this.commit(true); // what other clients sent before is valid and must not vanish with the old document
    if (this.closed) return;
    const fresh = new Y.Doc({ gc: false });
    this.watch(fresh);
    try {
      this.lastSeq = this.file.loadInto(fresh);
    } catch (err) {
      fresh.destroy();
      this.fail(`the document could not be reloaded: ${errorMessage(err)}`);
      return;
    }
    this.current.destroy();
    this.current = fresh;
    this.hooks.log.warn('room.reloaded', { workbook: this.id });
  }

  private capture(fn: () => void): Uint8Array | null {
    const got: Uint8Array[] = [];
    this.captured = got;
    try {
      fn();
    } finally {
      this.captured = null;
    }
    if (got.length <= 1) return got[0] ?? null;
    return Y.mergeUpdates(got);
  }

  private broadcast(data: Uint8Array, except: RoomPeer | null): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(data);
  }

  private relayAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const ids = this.peers.get(origin as RoomPeer);
    if (ids) {
      for (const id of added) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    // Sent to the sender too: the echo is what keeps a lone client's connection from looking dead.
    const msg = awarenessMessage(this.awareness, added.concat(updated, removed));
    for (const peer of this.peers.keys()) peer.send(msg);
  }

  private scheduleIdle(): void {
    if (this.idleTimer || this.closed) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.peers.size === 0 && !this.closed) this.hooks.onIdle(this);
    }, this.hooks.graceMs);
  }

  private fail(reason: string): void {
    this.uncommitted = [];
    this.held = [];
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.hooks.log.error('room.failed', { workbook: this.id, reason });
    // 1011: stock clients reconnect, and sync again with a room loaded from the store.
    this.close(CLOSE.internal, 'store failure, reconnect');
    this.hooks.onFailed(this);
  }
}
