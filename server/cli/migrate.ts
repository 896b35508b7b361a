/**
 * `migrate --to URL`: moves DATA_DIR's SQLite store into a PostgreSQL database, for running
 * several relays on it. Every workbook (its snapshot and log folded into one snapshot, deleted
 * content kept; its space, trash time, last change and the owners of its client ids), every token
 * (as its hash: links handed out keep working), every space with its members (their personal links
 * keep working) and invites, and the catalog's flags go over in one transaction. DATA_DIR is only read and stays as it was. The SQLite relay must be
 * stopped first, or edits it takes afterwards would stay behind: the command refuses while it runs.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { SqliteStore } from '../store/store.ts';
import { openStore } from '../store/open-store.ts';
import { describeUrl } from '../store/pg/pg-db.ts';
import type { ImportData, ImportedInvite, ImportedMember, ImportedToken } from '../store/pg/pg-import.ts';
import { PgStore } from '../store/pg/pg-store.ts';
import { runningRelayPid } from '../store/relay-pid.ts';
import { StoreError } from '../store/errors.ts';
import { CliError, parseArgs, requireFlag } from './args.ts';
import type { Command } from './command.ts';
import { dataDir } from './open-store.ts';

/** Reads everything `migrate` moves out of the SQLite store. */
const readAll = async (store: SqliteStore): Promise<ImportData> => {
  const workbooks: ImportData['workbooks'] = [];
  for (const entry of await store.catalog.workbooks()) {
    const log = await store.openLog(entry.id);
    try {
      const state = await log.read();
      // Folded as the updates are, with nothing dropped: the history stays rebuildable.
      const snapshot = state.updates.length === 0 ? state.snapshot : Y.mergeUpdates([state.snapshot, ...state.updates.map((u) => u.data)]);
      workbooks.push({ ...entry, snapshot, owners: await log.owners() });
    } finally {
      await log.close();
    }
  }
  const tokens = (
    store.catalog.db.prepare('SELECT id, hash, workbook, role, label, created_at, revoked_at FROM tokens ORDER BY created_at').all() as {
      id: string;
      hash: string;
      workbook: string;
      role: ImportedToken['role'];
      label: string | null;
      created_at: number;
      revoked_at: number | null;
    }[]
  ).map((t) => ({ id: t.id, hash: t.hash, workbook: t.workbook, role: t.role, label: t.label, createdAt: t.created_at, revokedAt: t.revoked_at }));
  const meta = (store.catalog.db.prepare("SELECT key, value FROM meta WHERE key <> 'format'").all() as { key: string; value: string }[]).map((m) => ({ ...m }));
  const spaces = await store.catalog.spaces();
  const members = (
    store.catalog.db.prepare('SELECT id, hash, space, name, role, created_at, last_seen_at, removed_at FROM members ORDER BY created_at, id').all() as {
      id: string;
      hash: string;
      space: string;
      name: string;
      role: ImportedMember['role'];
      created_at: number;
      last_seen_at: number | null;
      removed_at: number | null;
    }[]
  ).map((m) => ({ id: m.id, hash: m.hash, space: m.space, name: m.name, role: m.role, createdAt: m.created_at, lastSeenAt: m.last_seen_at, removedAt: m.removed_at }));
  const invites = (
    store.catalog.db.prepare('SELECT id, hash, space, role, single_use, expires_at, created_at, uses, revoked_at FROM invites ORDER BY created_at, rowid').all() as {
      id: string;
      hash: string;
      space: string;
      role: ImportedInvite['role'];
      single_use: number;
      expires_at: number | null;
      created_at: number;
      uses: number;
      revoked_at: number | null;
    }[]
  ).map((i) => ({
    id: i.id,
    hash: i.hash,
    space: i.space,
    role: i.role,
    singleUse: i.single_use === 1,
    expiresAt: i.expires_at,
    createdAt: i.created_at,
    uses: i.uses,
    revokedAt: i.revoked_at,
  }));
  return { spaces, members, invites, workbooks, tokens, meta };
};

/** `migrate`: see the module comment. */
export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate --to postgres://…   move DATA_DIR (SQLite) into PostgreSQL, tokens, spaces and members included (stop the SQLite relay first)',
  run: async (argv) => {
    const args = parseArgs(argv, { to: { type: 'string' } }, migrateCommand.usage);
    const url = requireFlag(args, 'to');
    if (!/^postgres(ql)?:\/\/\S+$/.test(url)) throw new CliError('--to must be a PostgreSQL URL such as postgres://user:password@host:5432/database.');
    const dir = resolve(dataDir());
    const pid = runningRelayPid(dir);
    if (pid !== null) {
      throw new CliError(`A relay (process ${pid}) is running on ${dir}: stop it first, so that no edit it takes stays behind, then run migrate again.`, 1);
    }
    if (!existsSync(join(dir, 'catalog.sqlite'))) throw new CliError(`${dir} holds no catalog (catalog.sqlite): there is nothing to move. Set DATA_DIR to the relay's data folder.`, 1);
    let source: SqliteStore;
    let target: PgStore;
    try {
      const opened = await openStore({ dataDir: dir });
      if (!(opened instanceof SqliteStore)) throw new StoreError('DATA_DIR did not open as a SQLite store.');
      source = opened;
    } catch (err) {
      throw new CliError(err instanceof StoreError ? err.message : String(err), 1);
    }
    try {
      try {
        target = await PgStore.open(url);
      } catch (err) {
        throw new CliError(err instanceof StoreError ? err.message : String(err), 1);
      }
      try {
        const data = await readAll(source);
        if (data.workbooks.length === 0) {
          console.log(`${dir} holds no workbooks; nothing was moved.`);
          return 0;
        }
        await target.importData(data);
        const where = describeUrl(url);
        console.log(`Moved ${data.workbooks.length} workbook(s) and ${data.tokens.length} token(s) from ${dir} to ${where}:`);
        if (data.spaces.length > 0) console.log(`  with ${data.spaces.length} space(s), ${data.members.length} member(s) and ${data.invites.length} invite(s)`);
        for (const w of data.workbooks) console.log(`  ${w.id}  "${w.name}"  (${w.snapshot.byteLength} bytes)`);
        console.log(`${dir} was left as it was. Start the relays with DATABASE_URL set to this database; the links handed out keep working.`);
        return 0;
      } catch (err) {
        if (err instanceof StoreError) throw new CliError(err.message, 1);
        throw err;
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  },
};
