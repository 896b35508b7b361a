/**
 * The CLI (`npm run -s workbook -- …`) as its own process on a real data folder, alone and next to
 * a running relay: a CLI write reaches connected clients instead of forking the workbook.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../../server/store/open-store.ts';
import { loadWorkbook } from '../../../server/store/stored-workbook.ts';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within } from '../../support/relay-clients.ts';
import { productsWorkbook, runCli, seed, startRelay, tempDataDir } from '../relay/fixtures.ts';

const stored = async (dataDir: string, id: string) => {
  const store = await openStore({ dataDir });
  try {
    return (await loadWorkbook(store, id)).toJSON();
  } finally {
    await store.close();
  }
};

describe('CLI on its own', () => {
  const dataDir = tempDataDir();

  test('create makes a workbook from a template, once; ids are checked', async () => {
    const ops = await runCli(dataDir, ['create', '--workbook', 'shop']);
    expect(ops.code).toBe(0);
    expect(ops.stdout).toContain('Created workbook "shop" from the ops template.');
    expect((await stored(dataDir, 'shop')).sheets.map((s) => s.name)).toContain('Products');
    const blank = await runCli(dataDir, ['create', '--workbook', 'empty', '--template', 'blank', '--name', 'Scratch']);
    expect(blank.code).toBe(0);
    expect((await stored(dataDir, 'empty')).settings.name).toBe('Scratch');

    const again = await runCli(dataDir, ['create', '--workbook', 'shop']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Workbook "shop" exists already; choose another id.');
    const bad = await runCli(dataDir, ['create', '--workbook', 'My Shop']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"My Shop" cannot be a workbook id');
    const template = await runCli(dataDir, ['create', '--workbook', 'x', '--template', 'fancy']);
    expect(template.code).toBe(2);
    expect(template.stderr).toContain('Unknown template "fancy"; use one of ops, blank.');
  });

  test('token create prints a token (or a link), token list shows it by id, token revoke revokes it once', async () => {
    const created = await runCli(dataDir, ['token', 'create', '--workbook', 'shop', '--role', 'viewer', '--label', 'for Li']);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^owb_[A-Za-z0-9_-]{43}$/);
    const link = await runCli(dataDir, ['token', 'create', '--workbook', 'shop', '--role', 'editor', '--link'], { PORT: '9999' });
    expect(link.stdout.trim()).toMatch(/^http:\/\/127\.0\.0\.1:9999\/#\/w\/shop\?token=owb_/);

    const list = await runCli(dataDir, ['token', 'list', '--workbook', 'shop']);
    expect(list.stdout).toMatch(/viewer\t\S+\tactive\tfor Li/);
    expect(list.stdout).not.toContain(token);

    expect((await runCli(dataDir, ['token', 'revoke', token])).code).toBe(0);
    const twice = await runCli(dataDir, ['token', 'revoke', token]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('No active token matches');
    expect((await runCli(dataDir, ['token', 'list', '--workbook', 'shop'])).stdout).toMatch(/viewer\t\S+\trevoked /);

    const role = await runCli(dataDir, ['token', 'create', '--workbook', 'shop', '--role', 'owner']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('Unknown role "owner"; use editor or viewer.');
    const missing = await runCli(dataDir, ['token', 'create', '--workbook', 'nope', '--role', 'editor']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no workbook "nope"; create it with: npm run -s workbook -- create --workbook nope');
  });

  test('backup writes the workbook to a file; restore brings it back as a new workbook, and refuses to overwrite without --replace', async () => {
    const out = join(dataDir, 'shop.backup');
    const backup = await runCli(dataDir, ['backup', '--workbook', 'shop', '--out', out]);
    expect(backup.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await runCli(dataDir, ['restore', '--workbook', 'shop-copy', out])).code).toBe(0);
    expect(await stored(dataDir, 'shop-copy')).toEqual(await stored(dataDir, 'shop'));

    const over = await runCli(dataDir, ['restore', '--workbook', 'shop', out]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('Workbook "shop" exists already. Add --replace');
    writeFileSync(join(dataDir, 'junk.bin'), 'not a backup at all');
    const junk = await runCli(dataDir, ['restore', '--workbook', 'other', join(dataDir, 'junk.bin')]);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain('is not a workbook backup');
  });

  test('a flag a command does not take stops it with exit code 2 and its usage line, before anything is written', async () => {
    const r = await runCli(dataDir, ['export', '--workbook', 'shop', '--outdir', join(dataDir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown option --outdir.\nusage: npm run -s workbook -- export --workbook ID --out DIR');
    expect(existsSync(join(dataDir, 'never'))).toBe(false);
    const create = await runCli(dataDir, ['create', '--workbook', 'typo', '--templat', 'blank']);
    expect(create.code).toBe(2);
    expect(create.stderr).toContain('Unknown option --templat.');
    expect((await stored(dataDir, 'shop')).sheets.length).toBeGreaterThan(0);
    expect((await runCli(dataDir, ['token', 'list', '--workbook', 'typo'])).code).toBe(1);
  });

  test('restore --replace rebuilds a workbook whose file is damaged, keeping the damaged file aside', async () => {
    const out = join(dataDir, 'empty.backup');
    expect((await runCli(dataDir, ['backup', '--workbook', 'empty', '--out', out])).code).toBe(0);
    writeFileSync(join(dataDir, 'workbooks', 'empty.sqlite'), 'damaged');
    const r = await runCli(dataDir, ['restore', '--workbook', 'empty', '--replace', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('could not be read; it was moved to');
    expect((await stored(dataDir, 'empty')).settings.name).toBe('Scratch');
    expect(readdirSync(join(dataDir, 'workbooks')).some((f) => f.startsWith('empty.sqlite.damaged-'))).toBe(true);
  });
});

describe('CLI next to a running relay', () => {
  let server: AppServer;
  let dataDir: string;
  let editor = '';
  beforeAll(async () => {
    dataDir = tempDataDir();
    editor = (await seed(dataDir, ['live'], () => productsWorkbook(3, 'Live plan')))['live']?.editor ?? '';
    server = await startRelay({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('a workbook created and a token made by the CLI open at once through the relay', async () => {
    expect((await runCli(dataDir, ['create', '--workbook', 'fresh', '--name', 'Fresh plan'])).code).toBe(0);
    const token = (await runCli(dataDir, ['token', 'create', '--workbook', 'fresh', '--role', 'editor'])).stdout.trim();
    const c = connectClient(server.port, 'fresh', token);
    try {
      await within('the new workbook opened', c.synced());
      expect(c.wb().settings.name).toBe('Fresh plan');
    } finally {
      c.destroy();
    }
  });

  test('restore --replace reaches connected clients; their later edits and the store agree (no fork)', async () => {
    const a = connectClient(server.port, 'live', editor);
    const b = connectClient(server.port, 'live', editor);
    try {
      await Promise.all([a.synced(), b.synced()]);
      const backupFile = join(dataDir, 'live.backup');
      expect((await runCli(dataDir, ['backup', '--workbook', 'live', '--out', backupFile])).code).toBe(0);
      const atBackup = JSON.stringify(await stored(dataDir, 'live'));

      // Changes after the backup, made through the relay.
      const wb = a.wb();
      const sheet = wb.sheets()[0]?.id ?? '';
      const [sku, name] = wb.columns(sheet).map((c) => c.id);
      wb.insertRows(sheet, { values: [{ [sku ?? '']: 'AFTER-BACKUP' }] });
      wb.setCell(sheet, wb.rowIds(sheet)[0] ?? '', name ?? '', 'Renamed after backup');
      wb.renameSheet(sheet, 'Goods');
      await waitFor('b has the later changes', () => b.wb().rowIds(sheet).length === 4);
      await waitFor('the later changes are stored', async () => JSON.stringify(await stored(dataDir, 'live')) !== atBackup);

      const r = await runCli(dataDir, ['restore', '--workbook', 'live', '--replace', backupFile]);
      expect(r.code).toBe(0);
      await waitFor('both clients show the backup’s content', () => JSON.stringify(a.wb().toJSON()) === atBackup && JSON.stringify(b.wb().toJSON()) === atBackup);

      // Editing goes on from the restored content; relay, store and clients stay one workbook.
      a.wb().insertRows(sheet, { values: [{ [sku ?? '']: 'AFTER-RESTORE' }] });
      await waitFor('b got the edit made after the restore', () => b.wb().rowIds(sheet).length === 4);
      await waitFor('the store has it too', async () => JSON.stringify(await stored(dataDir, 'live')) === JSON.stringify(a.wb().toJSON()));
      expect(JSON.stringify(b.wb().toJSON())).toBe(JSON.stringify(a.wb().toJSON()));
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
