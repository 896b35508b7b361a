/** The base of a workbook: WorkbookReader's typed reads plus typed change events, local undo, transactions and encode. */
import * as Y from 'yjs';
import { translateSheetEvents, type WorkbookChange } from './changes.ts';
import { EditLog, ROOT_EDITS, ROOT_SEEN, transactionEntries } from './edit-log.ts';
import { NewerSchemaError, ReadOnlyError } from '../schema/errors.ts';
import { logUndo, markLogged } from './history-ops.ts';
import { ANONYMOUS, type WorkbookUser } from '../schema/history-types.ts';
import type { RandomBytes } from '../schema/ids.ts';
import { schemaVersionOf } from './layout.ts';
import { SCHEMA_VERSION } from '../schema/schema-version.ts';
import { DEFAULT_SETTINGS } from '../schema/stored/read-settings.ts';
import type { WorkbookSettings } from '../schema/types.ts';
import { writeTick } from './timeline-log.ts';
import { WorkbookReader } from './workbook-reader.ts';

/** Settings of a workbook that has none stored yet. */
export { DEFAULT_SETTINGS };

/** Options for opening a workbook over a Y.Doc. */
export interface WorkbookOptions {
  /** Random source for new ids (tests pass a seeded one). */
  random?: RandomBytes;
  /** Yjs client id of this replica (tests fix it to make runs repeatable). */
  clientId?: number;
  /** Who edits on this replica: stamped on every logged write (see `setUser`). */
  user?: WorkbookUser;
  /** Opened for viewing only: every operation throws ReadOnlyError instead of writing. */
  readOnly?: boolean;
}

/** Listener of typed changes. */
export type ChangeListener = (change: WorkbookChange) => void;

/** Reads, events and undo of a workbook over one Y.Doc; the operations are added by `Workbook`. */
export class WorkbookBase extends WorkbookReader {
  /** Transaction origin of this replica's own operations. */
  readonly origin: { readonly replica: number };
  readonly random: RandomBytes | undefined;
  /** Who edits on this replica (stamped on the cell history). */
  user: WorkbookUser;
  /** Viewing only: operations throw ReadOnlyError. */
  readonly readOnly: boolean;
  /** Internal: the index over the document's cell history, for the operation modules of src/model. */
  readonly log: EditLog;
  private readonly listeners = new Set<ChangeListener>();
  /** Internal: this replica's undo manager (restore-moment.ts puts a step of its own on it). */
  readonly undoManager: Y.UndoManager;
  private pending: WorkbookChange | null = null;

  constructor(doc: Y.Doc = new Y.Doc(), options: WorkbookOptions = {}) {
    if (options.clientId !== undefined) doc.clientID = options.clientId;
    super(doc);
    this.random = options.random;
    this.user = options.user ?? ANONYMOUS;
    this.readOnly = options.readOnly ?? false;
    this.origin = { replica: doc.clientID };
    const edits = doc.getArray<unknown>(ROOT_EDITS);
    const seen = doc.getMap<unknown>(ROOT_SEEN);
    this.log = new EditLog(edits, seen);
    this.undoManager = new Y.UndoManager([this.settingsMap, this.sheetsMap, this.dashboardMap], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
    this.sheetsMap.observeDeep((events, txn) => {
      translateSheetEvents(events, this.changeOf(txn));
    });
    this.settingsMap.observe((_e, txn) => {
      this.changeOf(txn).settings = true;
    });
    this.dashboardMap.observe((_e, txn) => {
      this.changeOf(txn).dashboard = true;
    });
    // A newer schema makes this replica read-only: the app learns it as a settings change.
    this.serverMap.observe((_e, txn) => {
      this.changeOf(txn).settings = true;
    });
    this.layoutsMap.observe(() => {
      for (const cache of this.caches.values()) cache.layoutsChanged();
    });
    edits.observe((_event, txn) => {
      const { added, removed } = transactionEntries(edits, txn);
      this.log.applied(added, removed);
      markLogged(this.changeOf(txn), added);
    });
    seen.observe((event, txn) => {
      markLogged(this.changeOf(txn), [...event.keysChanged].map((k) => seen.get(k)));
    });
    doc.on('afterTransaction', (txn: Y.Transaction) => this.flush(txn));
  }

  /** Tells the workbook who edits on this replica (their writes are stamped with it from now on). */
  setUser(user: WorkbookUser): void {
    this.user = { id: user.id, name: user.name };
  }

  /** The whole workbook as one binary update. */
  encode(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Applies an update from a peer or a store (not undoable here). */
  applyUpdate(update: Uint8Array, origin: unknown = 'remote'): void {
    Y.applyUpdate(this.doc, update, origin);
  }

  // ── change events ────────────────────────────────────────────────────────

  /** Subscribes to typed changes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changeOf(txn: Y.Transaction): WorkbookChange {
    if (!this.pending) {
      this.pending = { local: txn.local, settings: false, sheetList: false, dashboard: false, sheets: new Map() };
    }
    return this.pending;
  }

  private flush(txn: Y.Transaction): void {
    const change = this.pending;
    this.pending = null;
    if (!change) return;
    change.local = txn.local;
    for (const [id, c] of change.sheets) {
      this.log.invalidate(id);
      if (c.added || c.removed) {
        this.caches.delete(id);
        continue;
      }
      const cache = this.caches.get(id);
      if (!cache) continue;
      if (c.columns.size > 0) cache.columnsChanged();
      if (c.rules.size > 0) cache.rulesChanged();
      if (c.cells.size + c.rowsAdded.size + c.rowsRemoved.size > 0) cache.formulaCellsChanged(c.cells, c.rowsAdded, c.rowsRemoved);
      if (c.rowsAdded.size + c.rowsRemoved.size + c.rowsMoved.size > 0) {
        const ids = new Set([...c.rowsAdded, ...c.rowsRemoved, ...c.rowsMoved]);
        cache.rowsChanged(ids, ids.size);
      }
    }
    for (const l of this.listeners) l(change);
    // An undo or redo is a write of this person's too: the cells it changed get history entries.
    // Its step may say what it was (a restore, see restore-moment.ts).
    if (txn.origin === this.undoManager) logUndo(this, change, txn, this.undoManager.currStackItem?.meta.get('kind') as string | undefined);
  }

  // ── undo ─────────────────────────────────────────────────────────────────

  /** Undoes this replica's last operation (a peer's edit made since stays). Returns false if none. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }
  /** Redoes the last undone operation. */
  redo(): boolean {
    return this.undoManager.redo() !== null;
  }
  canUndo(): boolean {
    return this.undoManager.canUndo();
  }
  canRedo(): boolean {
    return this.undoManager.canRedo();
  }
  /** Forgets the undo history (after loading a template, say). */
  clearHistory(): void {
    this.undoManager.clear();
  }

  // ── schema version ───────────────────────────────────────────────────────

  /** The schema version the workbook is at, as the relay or the CLI stamped it (1 when none did). */
  schemaVersion(): number {
    return schemaVersionOf(this.doc);
  }

  /** True when the workbook is at a newer schema than this code knows: it may be read, not written. */
  isNewerSchema(): boolean {
    return this.schemaVersion() > SCHEMA_VERSION;
  }

  /** True when operations may write (not a viewer's copy, not a newer schema). */
  get writable(): boolean {
    return !this.readOnly && !this.isNewerSchema();
  }

  /** Runs `fn` as one transaction of this replica (one undo step), dated on the timeline (`kind`: what it was, when not an edit). */
  transact<T>(fn: () => T, kind?: string): T {
    if (this.readOnly) throw new ReadOnlyError();
    if (this.isNewerSchema()) throw new NewerSchemaError(this.schemaVersion());
    let out: T | undefined;
    // Nested in another one, it dates what was done so far: the outer one dates all of it again.
    this.doc.transact((txn) => {
      out = fn();
      writeTick(txn, txn, this.user, kind);
    }, this.origin);
    return out as T;
  }

  /** Internal: writes the initial settings of a new workbook (not undoable). */
  protected initSettings(settings: Partial<WorkbookSettings>): void {
    this.doc.transact(() => {
      const s: Partial<WorkbookSettings> = { ...DEFAULT_SETTINGS, ...settings };
      for (const key of ['name', 'currency', 'locale', 'region'] as const) if (s[key] !== undefined) this.settingsMap.set(key, s[key]);
    }, 'init');
  }
}
