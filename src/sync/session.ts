/**
 * An open workbook with everything that keeps it: its local copy (IndexedDB), and for a server
 * workbook the relay connection, the count of edits not yet on the server, and presence. The app
 * reads it through `Watch` values. Only the local part is in the first load; `startSync` loads the
 * rest (session-live.ts) once the grid shows.
 */
import * as Y from 'yjs';
import type { Workbook } from '../model/workbook.ts';
import type { ConnectionState } from './connection.ts';
import type { Identity } from './identity.ts';
import type { LocalDoc } from './local-store.ts';
import type { Location, Peer } from './presence.ts';
import type { Access } from './registry.ts';
import type { RepairResult } from './repair-copy.ts';
import type { ClientOwnerTag, StoredSize } from './relay-api.ts';
import { trackSaved, type SavedState } from './saved-state.ts';
import type { LiveParts } from './session-live.ts';
import { createWatch, type Watch, type WatchSource } from './watch.ts';

/** The connection as the app shows it: `local` for a workbook kept only in this browser. */
export type SessionConnection = ConnectionState | 'local';

/** What the app needs of an open workbook's storage and sync. */
export interface WorkbookSession {
  readonly id: string;
  /** `local`: only in this browser; else the role the token gave on the relay when the page opened. */
  readonly access: Access;
  /** The role the relay gives now (it follows a change an owner makes while the page is open). */
  readonly role: Watch<Access>;
  /** The workbook's stored size on the relay against its limit; null until the relay said (and for a local workbook). */
  readonly size: Watch<StoredSize | null>;
  readonly wb: Workbook;
  readonly connection: Watch<SessionConnection>;
  /** Whether every change is committed in this browser's storage. */
  readonly saved: Watch<SavedState>;
  /** Edits the relay does not hold durably yet (0 for a local workbook). */
  readonly pending: Watch<number>;
  /** The other people in the workbook. */
  readonly peers: Watch<readonly Peer[]>;
  /** The relay's sentence when it refused the token. */
  deniedMessage(): string | undefined;
  /** The relay's close code when it refused for good (4403: this browser sent edits under another device's client id). */
  deniedCode(): number | undefined;
  /** Connects to the relay and folds the stored log (loads their code); call once the grid shows. */
  startSync(): Promise<void>;
  /** Tells teammates where this person is. */
  setLocation(at: Location): void;
  /** This person chose another name or colour. */
  setIdentity(identity: Identity): void;
  /** A link that opens this workbook as `role` (editors of server workbooks only). */
  shareLink(role: 'editor' | 'viewer'): Promise<string>;
  /** Who owns each client id, as the relay records it (empty for a workbook only on this device, or offline). */
  owners(): Promise<ReadonlyMap<number, ClientOwnerTag>>;
  /** The whole workbook as one update (what a backup file holds behind its checksum). */
  backup(): Uint8Array;
  /** True for a server workbook: its copy here can be replaced by the relay's. */
  readonly canRepairFromServer: boolean;
  /** Replaces this browser's copy with the relay's, closing this session first on success; the caller reloads the page. */
  repairFromServer(): Promise<RepairResult>;
  close(): Promise<void>;
}

/** What session-live.ts takes over: the watches to drive and what was recorded before it loaded. */
export interface SessionCore {
  id: string;
  token: string | undefined;
  doc: Y.Doc;
  local: LocalDoc;
  connection: WatchSource<SessionConnection>;
  pending: WatchSource<number>;
  peers: WatchSource<readonly Peer[]>;
  role: WatchSource<Access>;
  size: WatchSource<StoredSize | null>;
  identity: () => Identity;
  location: () => Location;
  /** Local edits (client, clock) made before the live part loaded. */
  early: [number, number][];
  stopEarly: () => void;
}

/** Creates the session of a loaded workbook. */
export const createSession = (opts: { id: string; access: Access; token: string | undefined; wb: Workbook; local: LocalDoc; identity: Identity }): WorkbookSession => {
  const { id, access, token, wb, local } = opts;
  const doc = wb.doc;
  const saved = trackSaved(doc, local.persistence, local.db);
  let identity = opts.identity;
  let location: Location = { sheetId: null, rowId: null, colId: null };
  // Edits made before the live part loads are counted once it has.
  const early: [number, number][] = [];
  const record = (txn: Y.Transaction) => {
    const after = txn.afterState.get(doc.clientID) ?? 0;
    if (txn.local && after > (txn.beforeState.get(doc.clientID) ?? 0)) early.push([doc.clientID, after]);
  };
  doc.on('afterTransaction', record);
  const core: SessionCore = {
    id,
    token,
    doc,
    local,
    connection: createWatch<SessionConnection>(token ? (navigator.onLine ? 'connecting' : 'offline') : 'local'),
    pending: createWatch(0),
    peers: createWatch<readonly Peer[]>([]),
    role: createWatch(access),
    size: createWatch<StoredSize | null>(null),
    identity: () => identity,
    location: () => location,
    early,
    stopEarly: () => doc.off('afterTransaction', record),
  };
  let live: LiveParts | null = null;
  let starting: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    core.stopEarly();
    live?.stop();
    saved.stop();
    await local.persistence.destroy();
  };

  return {
    id,
    access,
    wb,
    connection: core.connection,
    saved: saved.state,
    pending: core.pending,
    peers: core.peers,
    role: core.role,
    size: core.size,
    deniedMessage: () => live?.deniedMessage(),
    deniedCode: () => live?.deniedCode(),
    startSync: () =>
      (starting ??= import('./session-live.ts').then(async (m) => {
        live = m.goLive(core);
        await live.compact();
      })),
    setLocation: (at) => {
      location = at;
      live?.setLocation(at);
    },
    setIdentity: (next) => {
      identity = next;
      wb.setUser({ id: next.id, name: next.name });
      live?.setIdentity(next);
    },
    shareLink: (role) => {
      if (!token) return Promise.reject(new Error('This workbook is only on this device; it has no link to share.'));
      return import('./relay-api.ts').then((api) => api.createShareLink(id, token, role));
    },
    owners: () => (token ? import('./relay-api.ts').then((api) => api.fetchOwners(id, token)) : Promise.resolve(new Map())),
    backup: () => Y.encodeStateAsUpdate(doc),
    canRepairFromServer: token !== undefined,
    repairFromServer: () =>
      token === undefined
        ? Promise.resolve({ kind: 'unreachable' })
        : import('./repair-copy.ts').then((m) => m.replaceLocalCopy(id, token, close)),
    close,
  };
};
