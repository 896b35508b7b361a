/**
 * A workbook's kept history (src/model): a document with its deleted content (the relay's copy,
 * which keeps it: gc off), joined with a replica's own edits that have not reached the relay yet.
 * Restoring a moment and reverting a device are computed on it and written to the replica.
 *
 * @example
 *   const history = KeptHistory.fromUpdate(await fetchState());
 *   history.join(wb);
 *   restoreMoment(wb, history, Date.parse('2026-03-04T14:31:05Z'));
 */
import * as Y from 'yjs';
import { Timeline } from './timeline.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** A history that cannot be read; the message says why. */
export class HistoryError extends Error {
  override name = 'HistoryError';
}

/** A document with deleted content kept, and the timeline that dates its changes. */
export class KeptHistory {
  private dated: Timeline | null = null;
  private spent = false;

  private constructor(
    readonly doc: Y.Doc,
    private readonly owned: boolean,
  ) {}

  /** From the relay's copy of the workbook (one encoded update, deleted content included). */
  static fromUpdate(update: Uint8Array): KeptHistory {
    const doc = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(doc, update, 'history');
    } catch {
      doc.destroy();
      throw new HistoryError('The history the relay sent cannot be read; try again.');
    }
    return new KeptHistory(doc, true);
  }

  /** A workbook loaded with its deleted content kept (the CLI's stored workbook) is its own history. */
  static of(wb: WorkbookBase): KeptHistory {
    if (wb.doc.gc) throw new HistoryError('This copy of the workbook does not keep deleted content; load it from the store.');
    return new KeptHistory(wb.doc, false);
  }

  /** The timeline of the history as it is now. */
  get timeline(): Timeline {
    return (this.dated ??= new Timeline(this.doc));
  }

  /**
   * Joins a replica: the history takes the replica's edits it lacks, and the replica takes what
   * the history has beyond it (as a change from elsewhere, not one of its own undo steps), so both
   * hold the same edits before anything is computed on one and written to the other.
   */
  join(live: WorkbookBase): void {
    if (this.spent) throw new HistoryError('This history was used already; fetch it again.');
    if (live.doc === this.doc) return;
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(live.doc, Y.encodeStateVector(this.doc)), 'replica');
    live.applyUpdate(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(live.doc)), 'history');
    this.dated = null;
  }

  /** Marks the history used: its document now holds a step no replica should get (see restore-moment.ts). */
  spend(): void {
    this.spent = true;
    this.dated = null;
  }

  /** Frees the document (not a workbook's own, see `of`). */
  destroy(): void {
    if (this.owned) this.doc.destroy();
  }
}
