/**
 * The count of this person's edits the relay does not hold durably yet. An edit is one local
 * transaction that wrote something; it is on the server once the relay's state vector (which the
 * relay sends after its commit, see server/relay/room.ts) reaches the clock the edit ended at.
 * The list is kept in localStorage, so edits made offline are still counted after a reload.
 */
import type * as Y from 'yjs';
import { createWatch, type Watch } from './watch.ts';

/** One edit: the Yjs client that made it and the clock its transaction ended at. */
export type Edit = [client: number, clock: number];

const KEY = 'wb-pending:';

const load = (id: string): Edit[] => {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY + id) ?? '[]');
    return Array.isArray(list) ? list.filter((e): e is Edit => Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'number') : [];
  } catch {
    return [];
  }
};

/** Counts a document's local edits until the relay's state vector shows them. */
export class PendingEdits {
  private edits: Edit[];
  private readonly count = createWatch(0);
  private saveQueued = false;
  private readonly onTxn: (txn: Y.Transaction) => void;

  /** `early`: edits (client, clock) made since the page opened, before this was created. */
  constructor(
    private readonly id: string,
    private readonly doc: Y.Doc,
    early: readonly Edit[] = [],
  ) {
    this.edits = [...load(id), ...early];
    this.count.set(this.edits.length);
    if (early.length > 0) this.changed();
    this.onTxn = (txn) => {
      if (!txn.local) return;
      const client = doc.clientID;
      const after = txn.afterState.get(client) ?? 0;
      if (after <= (txn.beforeState.get(client) ?? 0)) return;
      this.edits.push([client, after]);
      this.changed();
    };
    doc.on('afterTransaction', this.onTxn);
  }

  /** How many edits are not on the server yet. */
  get pending(): Watch<number> {
    return this.count;
  }

  /** The relay's durable state vector arrived: edits it covers are done. */
  confirmed(serverState: Map<number, number>): void {
    const before = this.edits.length;
    this.edits = this.edits.filter(([client, clock]) => (serverState.get(client) ?? 0) < clock);
    if (this.edits.length !== before) this.changed();
  }

  stop(): void {
    this.doc.off('afterTransaction', this.onTxn);
  }

  private changed(): void {
    this.count.set(this.edits.length);
    if (this.saveQueued) return;
    this.saveQueued = true;
    queueMicrotask(() => {
      this.saveQueued = false;
      try {
        if (this.edits.length === 0) localStorage.removeItem(KEY + this.id);
        else localStorage.setItem(KEY + this.id, JSON.stringify(this.edits));
      } catch {
        // Storage full: counted for this visit only.
      }
    });
  }
}

/** Forgets a workbook's pending list (when its local copy is deleted). */
export const forgetPending = (id: string): void => {
  try {
    localStorage.removeItem(KEY + id);
  } catch {
    // nothing kept
  }
};
