/**
 * A room's answers to sync step 1, cached per version of its document, so that asking again
 * costs the relay nothing while the document has not changed, and a flood of asks cannot make it
 * encode the whole workbook over and over (encoding 13 MB takes 0.2-0.8 s here, during which no
 * room relays anything).
 *
 * - A client that lacks more than a small share of the document is sent the cached encode of the
 *   whole document, plus (when the document moved on since it was encoded) the small difference;
 *   the cached whole is encoded again only once the document has grown past it by that share.
 *   Yjs skips what a client already has, so the extra bytes cost the client nothing but download.
 * - Any other client gets exactly what it lacks; the answer is cached by its state vector until
 *   the document changes (a client asking again with the same vector gets the same bytes).
 * Each answer says how long its fresh encoding took, which the relay charges to whoever asked.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { syncStep1Frame, syncStep2Frame, updateOfStep2Frame } from './protocol.ts';

/** A client lacking more than this share of the document's items gets the cached whole. */
const WHOLE_WHEN_MISSING = 0.05;
/** The cached whole is encoded again once the document has this share of items beyond it. */
const REFRESH_WHEN_BEHIND = 0.05;
/** Cached exact answers, at most (their bytes at most MAX_CACHED_BYTES). */
const MAX_CACHED = 64;
const MAX_CACHED_BYTES = 8 * 1024 * 1024;

/** A reply to one sync step 1: the step 2 messages to send, and the ms spent encoding afresh. */
export interface SyncAnswer {
  messages: Uint8Array[];
  encodeMs: number;
}

interface Vector {
  version: number;
  clocks: Map<number, number>;
  /** Sum of the clocks: how many items the document has made. */
  total: number;
  step1: Uint8Array;
}

interface Whole {
  version: number;
  /** The step 2 message holding the whole document. */
  frame: Uint8Array;
  /** The state vector it was encoded at, encoded, and its total. */
  vector: Uint8Array;
  total: number;
}

/** Cached sync answers of one document (see the module comment). */
export class SyncReplies {
  private version = 0;
  private vector: Vector | null = null;
  private whole: Whole | null = null;
  private exact = new Map<string, Uint8Array>();
  private exactBytes = 0;
  private exactVersion = -1;

  /** The document changed: answers computed before are out of date. */
  changed(): void {
    this.version++;
  }

  /** The document was replaced by another (a reload): nothing cached applies to it. */
  reset(): void {
    this.version++;
    this.whole = null;
  }

  /**
   * Takes `update`, which holds exactly the document as it is now (a compacted snapshot just
   * loaded), as the cached whole: no encoding needed for the first clients.
   */
  seedWhole(doc: Y.Doc, update: Uint8Array): void {
    const ours = this.currentVector(doc);
    this.whole = { version: this.version, frame: syncStep2Frame(update), vector: Y.encodeStateVector(doc), total: ours.total };
  }

  /** The relay's sync step 1 (its state vector) for the current version. */
  step1(doc: Y.Doc): Uint8Array {
    return this.currentVector(doc).step1;
  }

  /** The answer to a client's sync step 1 carrying `theirs`. */
  answer(doc: Y.Doc, theirs: Uint8Array): SyncAnswer {
    const ours = this.currentVector(doc);
    const their = Y.decodeStateVector(theirs);
    let missing = 0;
    for (const [client, clock] of ours.clocks) missing += Math.max(0, clock - (their.get(client) ?? 0));
    if (missing > WHOLE_WHEN_MISSING * ours.total) {
      const t0 = performance.now();
      const whole = this.currentWhole(doc, ours);
      const messages = [whole.frame];
      if (whole.version !== this.version) messages.push(this.exactAnswer(doc, whole.vector));
      return { messages, encodeMs: performance.now() - t0 };
    }
    const t0 = performance.now();
    return { messages: [this.exactAnswer(doc, theirs)], encodeMs: performance.now() - t0 };
  }

  /** The whole document as one update, as of now (for GET /state), and the ms spent encoding it. */
  wholeUpdate(doc: Y.Doc): { update: Uint8Array; encodeMs: number } {
    const t0 = performance.now();
    const ours = this.currentVector(doc);
    if (this.whole?.version !== this.version) this.whole = this.encodeWhole(doc, ours);
    return { update: updateOfStep2Frame(this.whole.frame), encodeMs: performance.now() - t0 };
  }

  private currentVector(doc: Y.Doc): Vector {
    if (this.vector?.version === this.version) return this.vector;
    const encoded = Y.encodeStateVector(doc);
    const clocks = Y.decodeStateVector(encoded);
    let total = 0;
    for (const c of clocks.values()) total += c;
    this.vector = { version: this.version, clocks, total, step1: syncStep1Frame(encoded) };
    return this.vector;
  }

  private currentWhole(doc: Y.Doc, ours: Vector): Whole {
    const w = this.whole;
    if (w && (w.version === this.version || ours.total - w.total <= REFRESH_WHEN_BEHIND * ours.total)) return w;
    this.whole = this.encodeWhole(doc, ours);
    return this.whole;
  }

  private encodeWhole(doc: Y.Doc, ours: Vector): Whole {
    return { version: this.version, frame: syncStep2Frame(Y.encodeStateAsUpdate(doc)), vector: Y.encodeStateVector(doc), total: ours.total };
  }

  private exactAnswer(doc: Y.Doc, theirs: Uint8Array): Uint8Array {
    if (this.exactVersion !== this.version) {
      this.exact.clear();
      this.exactBytes = 0;
      this.exactVersion = this.version;
    }
    const key = createHash('sha1').update(theirs).digest('base64');
    const cached = this.exact.get(key);
    if (cached) return cached;
    const frame = syncStep2Frame(Y.encodeStateAsUpdate(doc, theirs));
    if (this.exact.size >= MAX_CACHED || this.exactBytes + frame.byteLength > MAX_CACHED_BYTES) {
      this.exact.clear();
      this.exactBytes = 0;
    }
    this.exact.set(key, frame);
    this.exactBytes += frame.byteLength;
    return frame;
  }
}
