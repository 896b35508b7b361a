/**
 * A room: one loaded workbook and the clients connected to it. Nothing leaves the room before it
 * is stored: an editor's update is applied to the room's Y.Doc, what it adds is appended to the
 * workbook's log, and only once that append resolved (committed) is it relayed. Commits are
 * grouped, one in flight at a time, in the order changes came (StoreQueue); a sync reply that
 * shows a change not yet committed waits for it too.
 * Writes made by other writers (the CLI) reach the room through the log's subscription and are
 * relayed the same way. A room is created loaded (Room.load) or not at all. Answers to sync
 * step 1 come from a cache (SyncReplies) and their cost is charged to the client that asked; a
 * change that would make the stored workbook bigger than MAX_ROOM_BYTES is refused (the relay
 * could not load the workbook again). Edits and presence belong to their author: an update or a
 * presence message under a client id another device owns is refused (ClientOwners), and nothing an
 * update leaves pending (a deletion of clocks the relay has not seen) stays in the document.
 * Presence is passed through the store to the other relays that have the workbook loaded (never
 * stored), and theirs is relayed here like a client's.
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { ClientOwner, Unsubscribe, WorkbookLog } from '../store/contract.ts';
import { OwnerConflictError } from '../store/errors.ts';
import { errorMessage } from '../log.ts';
import { schemaVersionOf } from '../../src/model/index.ts';
import { changesServerRoot } from './server-root-guard.ts';
import { ClientOwners } from './client-owners.ts';
import { CompactionPlan, type CompactionStep } from './compaction-due.ts';
import { CLOSE, ProtocolError, type ClientMessage } from './protocol.ts';
import { relayChanges } from './fan-out.ts';
import { RoomFullError, type RoomHooksOf, type RoomPeer } from './room-hooks.ts';
import { RoomDoc } from './room-doc.ts';
import { RoomPresence } from './room-presence.ts';
import type { ClientSpans } from './update-spans.ts';
import { StoreQueue, type Held, type Pending } from './store-queue.ts';
import { SyncReplies } from './sync-replies.ts';

export type { RoomPeer } from './room-hooks.ts';
export { RoomFullError } from './room-hooks.ts';
/** How a room reports to the relay that owns it. */
export type RoomHooks = RoomHooksOf<Room>;

/** What an append gave: the numbers of the updates stored, or why nothing was; and the owners it wrote. */
type Appended = { seqs: number[]; owners: ClientOwner[] } | { error: unknown; owners: ClientOwner[] };

/** One loaded workbook and its connected clients. */
export class Room {
  private readonly replies = new SyncReplies();
  /** The workbook's document, and what each change adds to it. */
  private readonly stored = new RoomDoc(() => this.replies.changed());
  private readonly presence: RoomPresence;
  private readonly peers = new Map<RoomPeer, Set<number>>();
  private lastSeq = 0;
  /** What the log holds since the last fold and settling, and when to ask for the next. */
  private readonly compaction: CompactionPlan;
  /** Changes to commit, replies held for them, and the loop that talks to the store. */
  private readonly queue: StoreQueue<Appended> = new StoreQueue({
    closed: () => this.closed,
    hasUnwritten: () => this.owners.hasUnwritten,
    mayPull: () => !this.reloading,
    append: (batch) => this.append(batch),
    appended: (batch, held, result) => this.appended(batch, held, result),
    pull: () => this.pull(),
    send: (held) => this.sendHeld(held),
  });
  /** While the document is reloaded from the store: the messages that arrive meanwhile, in order. */
  private reloading: { peer: RoomPeer; msg: ClientMessage }[] | null = null;
  private unsubscribe: Unsubscribe = () => {};
  private unsubscribePresence: Unsubscribe = () => {};
  private idleTimer: NodeJS.Timeout | null = null;
  /** Reads of other writers' appends wait until the load is done (it reads everything up to then). */
  private loaded = false;
  /** No longer takes updates: it is closing (they are sent again on reconnect). */
  private closing = false;
  private closed = false;
  /** Bytes stored for the workbook (snapshot and log), as last read or since appended. */
  private storedBytes = 0;
  /** How long loading took: a room that was slow to load stays loaded longer after its last client. */
  private loadMs = 0;
  /** Who may write under each client id; new claims are written with the next append. */
  private owners = new ClientOwners([]);

  private constructor(
    readonly id: string,
    private readonly log: WorkbookLog,
    private readonly hooks: RoomHooks,
  ) {
    this.compaction = new CompactionPlan(hooks.compactAfter);
    this.presence = new RoomPresence({
      id,
      log: hooks.log,
      peers: this.peers,
      owners: () => this.owners,
      hasEdits: (c) => Y.getState(this.doc.store, c) > 0,
      claim: (clients, owner, durable) => this.claim(clients, owner, durable),
      refuse: (peer, event, client, reason) => this.refuse(peer, event, client, reason),
      closed: () => this.closed,
      sendToStore: (update) => this.log.sendPresence(update),
    });
  }

  /**
   * Loads the stored workbook into a new room: subscribes first, then reads, so no other writer's
   * append falls in between. Throws UnreadableStoreError (the log is closed, the store unchanged).
   */
  static async load(id: string, log: WorkbookLog, hooks: RoomHooks): Promise<Room> {
    const room = new Room(id, log, hooks);
    try {
      room.unsubscribe = log.subscribe((seq) => room.storeChanged(seq));
      room.owners = new ClientOwners(await log.owners());
      const state = await log.read();
      const t0 = performance.now();
      room.lastSeq = room.stored.load(state, log.where);
      room.loadMs = performance.now() - t0;
      const logBytes = state.updates.reduce((n, u) => n + u.data.byteLength, 0);
      room.compaction.loaded(state.snapshot.byteLength, logBytes, state.updates.length);
      room.storedBytes = state.snapshot.byteLength + logBytes;
      // A compacted workbook's snapshot is the whole document already encoded: the first client
      // to join gets it without the relay encoding the document again.
      if (state.updates.length === 0) room.replies.seedWhole(room.doc, state.snapshot);
    } catch (err) {
      room.unsubscribe();
      room.stored.destroy();
      room.presence.destroy();
      await log.close();
      throw err;
    }
    room.loaded = true;
    room.unsubscribePresence = log.onPresence((update) => room.presence.fromStore(update));
    room.scheduleIdle();
    if (room.queue.pullPending) room.queue.run();
    return room;
  }

  /** Who is here (presence lives on its own small doc, so the workbook doc can be reloaded without losing it). */
  get awareness(): Awareness {
    return this.presence.awareness;
  }

  /** The workbook's document as stored. */
  get doc(): Y.Doc {
    return this.stored.current;
  }

  /** Adds a client and starts the sync: the relay's state vector, then everyone's presence. */
  join(peer: RoomPeer): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.peers.set(peer, new Set());
    peer.send(this.replies.step1(this.doc));
    this.presence.greet(peer);
  }

  /** Removes a client and its presence; the room unloads after the grace period when it was the last. */
  leave(peer: RoomPeer): void {
    const ids = this.peers.get(peer);
    if (!ids) return;
    this.peers.delete(peer);
    this.presence.leave(ids);
    if (this.peers.size === 0) this.scheduleIdle();
  }

  /** Handles one decoded message of a client. */
  receive(peer: RoomPeer, msg: ClientMessage): void {
    if (this.closed || this.closing || !this.peers.has(peer)) return;
    if (this.reloading) {
      this.reloading.push({ peer, msg });
      return;
    }
    switch (msg.kind) {
      case 'sync-step1': {
        // The answer is step 2 and then the relay's own step 1, both sent once everything they
        // show is committed: the state vector in that step 1 tells the client which of its edits
        // the relay holds durably (its count of edits not yet on the server). A stock client
        // answers it with whatever the relay still lacks, usually an empty update.
        if (!peer.mayAsk()) return peer.close(CLOSE.policy, 'asking for the workbook too often');
        const { messages, encodeMs } = this.replies.answer(this.doc, msg.stateVector);
        const reply = [...messages, this.replies.step1(this.doc)];
        peer.charge(reply.reduce((n, m) => n + m.byteLength, 0), encodeMs);
        return this.queue.reply(peer, reply);
      }
      case 'update':
        if (peer.role !== 'editor') peer.droppedWrite();
        else if (this.storedBytes + msg.update.byteLength > this.hooks.maxRoomBytes) {
          throw new RoomFullError(`the change (${msg.update.byteLength} bytes) would take the stored workbook past MAX_ROOM_BYTES (${this.hooks.maxRoomBytes})`);
        } else {
          // A space over its byte quota takes no more: the hook throws SpaceFullError (the sender is closed, its edits stay in its browser).
          this.hooks.checkGrowth?.(this, this.storedBytes + msg.update.byteLength);
          if (this.owns(peer, msg.spans)) this.applyFrom(peer, msg.update);
        }
        return;
      case 'awareness':
        return this.presence.receive(peer, msg.update, msg.entries);
      case 'query-awareness':
        return this.presence.answerQuery(peer);
      case 'ignored':
        return;
    }
  }

  /**
   * Calls `done` with the whole workbook as one update and the ms spent encoding it afresh, once
   * what is pending is committed (so it holds nothing the store does not), or with null when the
   * room closed meanwhile; with the schema version the workbook is at.
   */
  wholeState(done: (state: { update: Uint8Array; encodeMs: number; schema: number } | null) => void): void {
    this.queue.whenStored((stored) => done(stored && !this.closed ? { ...this.replies.wholeUpdate(this.doc), schema: schemaVersionOf(this.doc) } : null));
  }

  /** The store says another writer appended (up to `seq`, when it knows): read and relay it. */
  private storeChanged(seq: number | undefined): void {
    if (this.closed || (seq !== undefined && seq <= this.lastSeq)) return;
    this.queue.wantPull(this.loaded);
  }

  /** Applies and relays what other writers (the CLI) appended to the workbook's log. */
  private async pull(): Promise<void> {
    let change: Uint8Array | null;
    try {
      const { snapshot, snapshotUpto, updates } = await this.log.readSince(this.lastSeq);
      // A compaction (or the CLI) changed the log: its size is what the next change is measured against.
      const stats = await this.log.stats();
      this.storedBytes = stats.bytes + stats.snapshotBytes;
      this.compaction.snapshotIs(stats.snapshotBytes);
      if (this.closed || (updates.length === 0 && snapshotUpto <= this.lastSeq)) return;
      // Another compaction may have folded rows this room had not seen into the snapshot.
      const parts = updates.map((u) => u.data);
      if (snapshot && snapshotUpto > this.lastSeq) parts.unshift(snapshot);
      // Another relay records the owners of its clients' ids with their updates: they are learnt
      // before the document holds those ids' clocks, or their owners would be refused here.
      if (parts.some((p) => this.owners.hasUnknown(Y.parseUpdateMeta(p).to.keys()))) this.owners.learn(await this.log.owners());
      if (this.closed) return;
      change = this.stored.capture(() => this.doc.transact(() => parts.forEach((p) => Y.applyUpdate(this.doc, p, 'store')), 'store'));
      this.lastSeq = Math.max(this.lastSeq, snapshotUpto, updates.at(-1)?.seq ?? 0);
      // Another writer's appends count towards the next fold like this room's own.
      this.askCompactor(this.compaction.appended(updates.length, updates.reduce((n, u) => n + u.data.byteLength, 0)));
    } catch (err) {
      this.fail(`stored updates could not be read: ${errorMessage(err)}`);
      return;
    }
    if (change) relayChanges(this.peers.keys(), [{ change, from: null }]);
  }

  /** Commits what is pending, closes every client with `code` and releases the room. */
  async close(code: number, reason: string): Promise<void> {
    await this.destroy();
    for (const peer of this.peers.keys()) peer.close(code, reason);
    this.peers.clear();
  }

  /** Commits what is pending, then releases the document and the log; asks for a compaction when the log grew. */
  async destroy(): Promise<void> {
    if (this.closed || this.closing) return;
    this.closing = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    await this.queue.settled();
    if (this.closed) return; // the commit failed and the room already closed itself
    if (this.compaction.logged > 0) this.requestCompaction();
    await this.release();
  }

  /** True when everything `spans` adds past the relay's state is the peer's to add (its new ids are claimed); else the peer is closed. */
  private owns(peer: RoomPeer, spans: readonly ClientSpans[]): boolean {
    const verdict = this.owners.checkUpdate(spans, peer.owner, (c) => Y.getState(this.doc.store, c));
    if (!verdict.ok) {
      this.refuse(peer, 'room.update_refused', verdict.client, verdict.reason);
      return false;
    }
    this.claim(verdict.claims, peer.owner);
    return true;
  }

  /** Closes a peer that wrote under someone else's client id (with 4403: a stock client does not send it again). */
  private refuse(peer: RoomPeer, event: string, client: number, reason: string): void {
    this.hooks.log.warn(event, { workbook: this.id, owner: peer.owner, client, reason });
    peer.close(CLOSE.notYours, `Refused: ${reason} (client id ${client}).`);
  }

  /** Records new owners; durable ones are stored with the next append (one of their own when no update comes). */
  private claim(clients: readonly number[], owner: string, durable = true): void {
    if (clients.length === 0) return;
    for (const c of clients) this.owners.claim(c, owner, durable);
    if (durable) this.queue.schedule();
  }

  private applyFrom(peer: RoomPeer, update: Uint8Array): void {
    const at = performance.now();
    let change: Uint8Array | null;
    let forbidden = false;
    try {
      change = this.stored.capture(() => (forbidden = changesServerRoot(this.doc, () => Y.applyUpdate(this.doc, update, peer))));
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
    this.dropPending(peer);
    if (!change) return;
    this.storedBytes += change.byteLength;
    this.queue.add({ change, from: peer, at });
  }

  /**
   * Forgets what Yjs keeps pending after an update: deletions of clocks the relay has not seen
   * and items whose neighbours it lacks. Kept, they would be sent to everyone in every sync and
   * applied to edits that arrive later (erasing an offline editor's work). Neither is stored or
   * relayed; an honest client sends them again in its next full sync, once they fit.
   */
  private dropPending(peer: RoomPeer): void {
    const store = this.doc.store;
    if (!store.pendingDs && !store.pendingStructs) return;
    this.hooks.log.info('room.pending_dropped', { workbook: this.id, owner: peer.owner, deletes: store.pendingDs !== null, items: store.pendingStructs !== null });
    store.pendingDs = null;
    store.pendingStructs = null;
  }

  /** Commits the pending changes in one append, with the owners of client ids not yet written. */
  private async append(batch: Pending[]): Promise<Appended> {
    const owners = this.owners.takeUnwritten();
    try {
      return { seqs: await this.log.append(batch.map((b) => b.change), owners), owners };
    } catch (error) {
      return { error, owners };
    }
  }

  /** After an append: relays the batch and sends the held replies, or settles why it failed. */
  private appended(batch: Pending[], held: Held[], result: Appended): void {
    if ('error' in result) {
      const err = result.error;
      if (err instanceof OwnerConflictError && this.settleConflict(err, batch, held, result.owners)) return;
      // Memory is now ahead of the store: nothing of it may be relayed. Clients resend on reconnect.
      this.fail(`an update could not be stored: ${errorMessage(err)}`);
      return;
    }
    if (this.closed) return;
    const seqs = result.seqs;
    // When another writer appended in between, the numbers have a gap: a pull catches up.
    if (seqs.length === 0) {
      // Only owners were written.
    } else if (seqs[0] === this.lastSeq + 1 && seqs.at(-1) === this.lastSeq + seqs.length) this.lastSeq += seqs.length;
    else this.queue.wantPull(false);
    relayChanges(this.peers.keys(), batch);
    // An append of owners alone changed no content: nobody changed the workbook.
    if (batch.length > 0) this.hooks.committed?.(this, batch.map((b) => b.from), this.storedBytes);
    this.sendHeld(held);
    this.queue.storedAll();
    const now = performance.now();
    for (const b of batch) this.hooks.relayed(now - b.at);
    this.askCompactor(this.compaction.appended(batch.length, batch.reduce((n, b) => n + b.change.byteLength, 0)));
  }

  /**
   * Another relay recorded an owner for a client id that a client here claimed by its presence
   * alone (the two relays had not heard of each other's claim yet). The store's record wins: the
   * claimant is refused (4403) and its presence under that id withdrawn here; the batch, which
   * holds no content under that id, is committed again without the claim. False (the room then
   * fails and reloads) when content under that id is in the batch.
   */
  private settleConflict(err: OwnerConflictError, batch: Pending[], held: Held[], owners: ClientOwner[]): boolean {
    if (this.closed) return true;
    if (batch.some((b) => Y.parseUpdateMeta(b.change).to.has(err.clientId))) return false;
    this.owners.learn([{ clientId: err.clientId, owner: err.owner }]);
    this.owners.requeue(owners.filter((o) => o.clientId !== err.clientId));
    this.queue.requeue(batch, held);
    this.presence.withdraw(err.clientId);
    for (const peer of this.peers.keys()) if (peer.owner === err.claimedBy) this.refuse(peer, 'room.claim_conflict', err.clientId, 'that client id belongs to someone else');
    return true;
  }

  private sendHeld(held: Held[]): void {
    for (const h of held) if (this.peers.has(h.peer)) h.peer.send(h.data);
  }

  /** Asks the compactor for what the log calls for: a fold, a settling, or the worker got ready. */
  private askCompactor(step: CompactionStep): void {
    if (step === 'fold') this.requestCompaction();
    else if (step === 'settle') this.hooks.compact({ workbook: this.id, upto: this.lastSeq, settleOnly: true });
    else if (step === 'near') this.hooks.compactionNear?.();
  }

  private requestCompaction(): void {
    this.hooks.compact({ workbook: this.id, upto: this.lastSeq });
    this.compaction.folded();
  }

  /**
   * Replaces the document by a fresh load of the store (the clients keep their connections).
   * Messages that arrive meanwhile wait, and are handled in order once it is done.
   */
  private reload(): void {
    if (this.reloading) return;
    const waiting: { peer: RoomPeer; msg: ClientMessage }[] = [];
    this.reloading = waiting;
    void this.reloadFromStore().finally(() => {
      this.reloading = null;
      for (const { peer, msg } of waiting) {
        try {
          this.receive(peer, msg);
        } catch {
          // As the connection would for a message it hands over: that client is closed, no one else.
          peer.close(CLOSE.invalidData, 'malformed message');
        }
      }
      this.queue.run();
    });
  }

  private async reloadFromStore(): Promise<void> {
    await this.queue.settled(); // what other clients sent before is valid and must not vanish with the old document
    if (this.closed) return;
    try {
      const seq = this.stored.reload(await this.log.read(), this.log.where, () => !this.closed);
      if (seq === null) return;
      this.lastSeq = seq;
    } catch (err) {
      this.fail(`the document could not be reloaded: ${errorMessage(err)}`);
      return;
    }
    this.replies.reset();
    this.hooks.log.warn('room.reloaded', { workbook: this.id });
  }

  private scheduleIdle(): void {
    if (this.idleTimer || this.closed) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.peers.size === 0 && !this.closed) this.hooks.onIdle(this);
      // A client that comes back every few seconds must not make the relay load a big workbook
      // (a stall of every room) every few seconds: it stays loaded 20 times as long as loading took.
    }, Math.min(Math.max(this.hooks.graceMs, 20 * this.loadMs), 600_000));
  }

  private fail(reason: string): void {
    if (this.closed) return;
    this.queue.drop();
    this.hooks.log.error('room.failed', { workbook: this.id, reason });
    // 1011: stock clients reconnect, and sync again with a room loaded from the store.
    for (const peer of this.peers.keys()) peer.close(CLOSE.internal, 'store failure, reconnect');
    this.peers.clear();
    void this.release();
    this.hooks.onFailed(this);
  }

  /** Stops listening to the store and frees the document and the log (nothing is committed). */
  private async release(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.cancelScheduled();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.unsubscribe();
    this.unsubscribePresence();
    this.stored.destroy();
    this.presence.destroy();
    await this.log.close();
  }
}
