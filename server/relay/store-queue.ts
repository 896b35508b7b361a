/**
 * What a room waits to write to or read from its store, and the one loop that does it: one store
 * call at a time, commits first (changes are waiting on them), then the replies held for them, then
 * reads of other writers' appends. Every change that arrived in one turn of the event loop goes
 * into one append, right after that turn; while an append is in flight, whatever arrives waits for
 * the next one, so updates are relayed in the order they came.
 *
 * @example
 *   const queue = new StoreQueue({ append, appended, pull, ... });
 *   queue.add({ change, from: peer, at: performance.now() });   // committed after this turn
 *   queue.reply(peer, [step2, step1]);                         // sent once that is committed
 */
import type { RoomPeer } from './room-hooks.ts';

/** A change applied to the document, to be committed, with its sender and arrival. */
export interface Pending {
  change: Uint8Array;
  from: RoomPeer;
  at: number;
}

/** A reply waiting for a commit. */
export interface Held {
  peer: RoomPeer;
  data: Uint8Array;
}

/** What the queue's room does with each step. */
export interface QueueSteps<A> {
  /** The room is closed: the loop stops. */
  closed(): boolean;
  /** Something other than changes is waiting to be written (new owners of client ids). */
  hasUnwritten(): boolean;
  /** Reads of other writers' appends may run now (not while the document is reloaded). */
  mayPull(): boolean;
  /** Writes `batch` to the store; never throws (a failure is part of what it returns). */
  append(batch: Pending[]): Promise<A>;
  /** What follows an append (relaying, sending `held`), once it is no longer in flight. */
  appended(batch: Pending[], held: Held[], result: A): void;
  /** Reads and relays what other writers appended. */
  pull(): Promise<void>;
  /** Sends replies that waited for a commit (to the peers still there). */
  send(held: Held[]): void;
}

/** The room's changes to commit, replies held for them, and the loop that talks to the store. */
export class StoreQueue<A> {
  private uncommitted: Pending[] = [];
  private held: Held[] = [];
  /** Called once what is pending is committed, with false when it never will be. */
  private afterCommit: ((stored: boolean) => void)[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  /** An append is in flight. */
  private committing = false;
  /** The store said another writer appended: read what the room has not seen. */
  private pullWanted = false;
  /** The loop is running. */
  private working = false;
  private settledWaiters: (() => void)[] = [];

  constructor(private readonly steps: QueueSteps<A>) {}

  /** Something is waiting to be committed or being committed. */
  get busy(): boolean {
    return this.uncommitted.length > 0 || this.committing;
  }

  /** Queues a change, committed right after this turn of the event loop. */
  add(pending: Pending): void {
    this.uncommitted.push(pending);
    this.schedule();
  }

  /** Sends `data` to `peer` now, or once what is pending is committed (it may show it). */
  reply(peer: RoomPeer, data: Uint8Array[]): void {
    if (this.busy) for (const d of data) this.held.push({ peer, data: d });
    else for (const d of data) peer.send(d);
  }

  /** Calls `fn(true)` once what is pending is committed (now when nothing is), `fn(false)` if it never will be. */
  whenStored(fn: (stored: boolean) => void): void {
    if (this.busy) this.afterCommit.push(fn);
    else fn(true);
  }

  /** Puts back a batch that was not committed (to be committed again first) and its held replies. */
  requeue(batch: Pending[], held: Held[]): void {
    this.uncommitted = batch.concat(this.uncommitted);
    this.held = held.concat(this.held);
  }

  /** Runs what waited for everything to be committed, once nothing is left to commit. */
  storedAll(): void {
    if (this.busy) return;
    for (const f of this.afterCommit.splice(0)) f(true);
  }

  /** Other writers appended: read it (now, when `start`). */
  wantPull(start: boolean): void {
    this.pullWanted = true;
    if (start) this.run();
  }

  /** A pull is wanted and has not started yet. */
  get pullPending(): boolean {
    return this.pullWanted;
  }

  /** Commits at the end of this turn (one append for everything that arrives in it). */
  schedule(): void {
    this.scheduled ??= setImmediate(() => {
      this.scheduled = null;
      this.run();
    });
  }

  /** Starts the loop unless it runs. */
  run(): void {
    if (this.working || this.steps.closed()) return;
    this.working = true;
    void this.loop();
  }

  /** Resolves once nothing is waiting to be committed and no store call is in flight. */
  settled(): Promise<void> {
    this.cancelScheduled();
    this.run();
    if (!this.working) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Forgets everything waiting (the room failed): who waited for a commit is told it did not happen. */
  drop(): void {
    this.uncommitted = [];
    this.held = [];
    this.pullWanted = false;
    for (const f of this.afterCommit.splice(0)) f(false);
  }

  /** Stops a scheduled commit (the room is released). */
  cancelScheduled(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
  }

  private async loop(): Promise<void> {
    try {
      while (!this.steps.closed()) {
        if (this.uncommitted.length > 0 || this.steps.hasUnwritten()) await this.commit();
        else if (this.held.length > 0) this.steps.send(this.held.splice(0));
        else if (this.pullWanted && this.steps.mayPull()) {
          this.pullWanted = false;
          await this.steps.pull();
        } else break;
      }
    } finally {
      // Set in the same step as the loop's last check, so run() never finds it stale.
      this.working = false;
      for (const resolve of this.settledWaiters.splice(0)) resolve();
    }
  }

  private async commit(): Promise<void> {
    const batch = this.uncommitted.splice(0);
    const held = this.held.splice(0);
    this.committing = true;
    let result: A;
    try {
      result = await this.steps.append(batch);
    } finally {
      this.committing = false;
    }
    this.steps.appended(batch, held, result);
  }
}
