/**
 * Schema versions are decided by the relay and the CLI, never by a field an editor can write:
 * `settings.schema = 999` from a peer changes nothing for anyone; a client update that writes the
 * version the relay keeps (the `server` map) is refused whole and its sender closed with 4403; a
 * workbook a newer relay migrated opens read-only in this version, and the CLI does not write it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SERVER_ROOT, SERVER_SCHEMA_KEY, Workbook } from '../../../src/model/index.ts';
import { NewerSchemaError, SCHEMA_VERSION } from '../../../src/schema/index.ts';
import { loadWorkbook } from '../../../server/store/stored-workbook.ts';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { productsWorkbook, runCli, seed, startRelay, tempDataDir, withTestStore, type Tokens } from './fixtures.ts';

const FUTURE = SCHEMA_VERSION + 1;

/** A workbook as a relay of the next version leaves it after its migration: stamped with its schema. */
const futureWorkbook = (): Workbook => {
  const wb = productsWorkbook(3, 'Migrated plan');
  wb.doc.transact(() => wb.doc.getMap(SERVER_ROOT).set(SERVER_SCHEMA_KEY, FUTURE), 'migration');
  return wb;
};

const storedVersion = (dataDir: string, id: string): Promise<{ version: number; name: string }> =>
  withTestStore(dataDir, async (store) => {
    const wb = await loadWorkbook(store, id);
    return { version: wb.schemaVersion(), name: wb.settings.name };
  });

const closedWith = (c: RelayClient): Promise<number> => new Promise((resolve) => c.provider.on('closed', (e) => resolve(e.code)));

let server: AppServer;
let dataDir: string;
let tokens: Tokens;
const clients: RelayClient[] = [];
const client = (id: string, role: 'editor' | 'viewer' = 'editor'): RelayClient => {
  const c = connectClient(server.port, id, tokens[id]?.[role]);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  dataDir = tempDataDir();
  tokens = await seed(dataDir, ['plan', 'future', 'other'], (id) => (id === 'future' ? futureWorkbook() : productsWorkbook()));
  server = await startRelay({ dataDir });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

describe('a forged version field', () => {
  test('settings.schema = 999 written by a peer is an ordinary setting: stored, relayed, and nobody becomes read-only', async () => {
    const [mallory, ana] = [client('plan'), client('plan')];
    await within('both synced', Promise.all([mallory.synced(), ana.synced()]));
    mallory.doc.getMap('settings').set('schema', 999);
    await waitFor('the field reached Ana', () => ana.doc.getMap('settings').get('schema') === 999);
    expect(ana.wb().schemaVersion()).toBe(SCHEMA_VERSION);
    expect(ana.wb().writable).toBe(true);
    ana.wb().setSettings({ name: 'Still editable' });
    await waitFor('Ana’s edit is stored', async () => (await storedVersion(dataDir, 'plan')).name === 'Still editable');
  });

  test('a peer writing the version the relay keeps is closed with 4403; nothing of that update is stored or relayed', async () => {
    const [mallory, ana] = [client('other'), client('other')];
    await within('both synced', Promise.all([mallory.synced(), ana.synced()]));
    const closed = closedWith(mallory);
    mallory.doc.transact(() => {
      mallory.doc.getMap('settings').set('name', 'Taken over');
      mallory.doc.getMap(SERVER_ROOT).set(SERVER_SCHEMA_KEY, 999);
    });
    expect(await within('Mallory was closed', closed)).toBe(4403);
    // Ana, still connected, edits on and never sees the forged version or the name that came with it.
    ana.wb().setSettings({ name: 'Ana’s plan' });
    await waitFor('Ana’s edit is stored', async () => (await storedVersion(dataDir, 'other')).name === 'Ana’s plan');
    expect(ana.doc.getMap(SERVER_ROOT).get(SERVER_SCHEMA_KEY)).toBeUndefined();
    expect(await storedVersion(dataDir, 'other')).toEqual({ version: SCHEMA_VERSION, name: 'Ana’s plan' });
    // A newcomer gets the stored workbook: no forged field in it.
    const bo = client('other');
    await within('Bo synced', bo.synced());
    expect(bo.wb().writable).toBe(true);
  });

  test('deleting the stamp a migration wrote (to let old clients write) is refused the same way', async () => {
    const mallory = client('future');
    await within('synced', mallory.synced());
    expect(mallory.wb().schemaVersion()).toBe(FUTURE);
    const closed = closedWith(mallory);
    mallory.doc.getMap(SERVER_ROOT).delete(SERVER_SCHEMA_KEY);
    expect(await within('Mallory was closed', closed)).toBe(4403);
    expect((await storedVersion(dataDir, 'future')).version).toBe(FUTURE);
  });
});

describe('a workbook from a future version', () => {
  test('GET /state names its schema, and this version reads it but writes nothing', async () => {
    const res = await fetch(`${server.url}/api/workbooks/future/state`, { headers: { Authorization: `Bearer ${tokens.future?.editor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Workbook-Schema')).toBe(String(FUTURE));
    const wb = Workbook.load(new Uint8Array(await res.arrayBuffer()));
    expect(wb.isNewerSchema()).toBe(true);
    expect(wb.sheets().map((s) => s.name)).toEqual(['Products']);
    expect(() => wb.setSettings({ name: 'x' })).toThrow(NewerSchemaError);
    expect(wb.writable).toBe(false);
  });

  test('the CLI of this version exports it (saying it is newer) and refuses to import into it or restore over it', async () => {
    const out = join(tempDataDir(), 'out');
    const exported = await runCli(dataDir, ['export', '--workbook', 'future', '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`upgraded by a newer version of the app (schema ${FUTURE})`);
    const csv = join(tempDataDir(), 'rows.csv');
    writeFileSync(csv, 'SKU,Name\nNEW-1,New\n');
    const imported = await runCli(dataDir, ['import', '--workbook', 'future', '--sheet', 'Products', csv]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('reload to get the new version');
    const backup = join(tempDataDir(), 'old.ywb');
    writeFileSync(backup, Y.encodeStateAsUpdate(productsWorkbook().doc));
    const restored = await runCli(dataDir, ['restore', '--workbook', 'future', '--replace', backup]);
    expect(restored.code).toBe(1);
    expect(await storedVersion(dataDir, 'future')).toEqual({ version: FUTURE, name: 'Migrated plan' });
  });
});
