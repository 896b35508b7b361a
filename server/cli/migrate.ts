/**
 * `migrate --to URL`: moves DATA_DIR's SQLite store into a PostgreSQL database, for running
 * several relays on it. Every workbook (its snapshot and log folded into one snapshot, deleted
 * content kept), every token (as its hash: links handed out keep working) and the catalog's flags
 * go over in one transaction. DATA_DIR is only read and stays as it was. The SQLite relay must be
 * stopped first, or edits it takes afterwards would stay behind: the command refuses while it runs.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { SqliteStore } from '../store/store.ts';
import { openStore } from '../store/open-store.ts';
import { describeUrl } from '../store/pg/pg-db.ts';
import type { ImportData, ImportedToken } from '../store/pg/pg-import.ts';
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
      workbooks.push({ id: entry.id, name: entry.name, createdAt: entry.createdAt, snapshot });
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
  return { workbooks, tokens, meta };
};

/** `migrate`: see the module comment. */
export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate --to postgres://…   move DATA_DIR (SQLite) into PostgreSQL, tokens included (stop the SQLite relay first)',
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
