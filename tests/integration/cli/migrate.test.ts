/**
 * `migrate --to URL`: a SQLite DATA_DIR moves into a real PostgreSQL database (this file's own
 * server): workbooks read the same, the links handed out keep working on a relay on PostgreSQL,
 * the CLI then works on the database with DATABASE_URL, and the command refuses while the SQLite
 * relay runs, and refuses to move a workbook twice. Spaces go over with their members (whose links
 * keep working), invites (a used single-use one stays used), trash and the owners of client ids.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PgStore } from '../../../server/store/pg/pg-store.ts';
import { createWorkbook, loadWorkbook, updateWorkbook } from '../../../server/store/stored-workbook.ts';
import { startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { connectClient, within } from '../../support/relay-clients.ts';
import { productsWorkbook, runCli, seed, startRelay, tempDataDir, withTestStore } from '../relay/fixtures.ts';
import { labelsOf } from '../relay/pg-shared.ts';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.destroy();
});

test('a SQLite data folder moves into PostgreSQL with its tokens; refused while its relay runs, and a second time', async () => {
  const dataDir = tempDataDir();
  const tokens = await seed(dataDir, ['plan', 'ops']);
  await withTestStore(dataDir, async (store) => {
    // Something in the log besides the snapshot, and a revoked token.
    await updateWorkbook(store, 'plan', (wb) => {
      const sheet = wb.sheets()[0]?.id ?? '';
      const sku = wb.columns(sheet)[0]?.id ?? '';
      wb.insertRows(sheet, { values: [{ [sku]: 'LOGGED-1' }] });
    });
    const revoked = await store.catalog.createToken('plan', 'editor', 'gone');
    await store.catalog.revoke(revoked.id);
  });
  const url = await pg.createDatabase('moved');

  const sqliteRelay = await startRelay({ dataDir });
  const refused = await runCli(dataDir, ['migrate', '--to', url]);
  await sqliteRelay.stop();
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/A relay \(process \d+\) is running on .*: stop it first/);

  const moved = await runCli(dataDir, ['migrate', '--to', url]);
  expect(moved.stderr).toBe('');
  expect(moved.code).toBe(0);
  expect(moved.stdout).toContain('Moved 2 workbook(s) and 5 token(s)');

  const expected = await withTestStore(dataDir, async (store) => ({
    plan: JSON.stringify((await loadWorkbook(store, 'plan')).toJSON()),
    ops: JSON.stringify((await loadWorkbook(store, 'ops')).toJSON()),
    tokens: (await store.catalog.tokens('plan')).map((t) => [t.id, t.role, t.label, t.revokedAt !== null]),
  }));
  const store = await PgStore.open(url);
  try {
    expect(JSON.stringify((await loadWorkbook(store, 'plan')).toJSON())).toBe(expected.plan);
    expect(JSON.stringify((await loadWorkbook(store, 'ops')).toJSON())).toBe(expected.ops);
    expect((await store.catalog.tokens('plan')).map((t) => [t.id, t.role, t.label, t.revokedAt !== null])).toEqual(expected.tokens);
    expect(await store.catalog.verify(tokens.plan?.editor ?? '')).toMatchObject({ workbook: 'plan', role: 'editor' });
  } finally {
    await store.close();
  }

  // The link handed out before works on a relay on PostgreSQL (with an empty DATA_DIR).
  const pgRelay = await startRelay({ dataDir: tempDataDir(), env: { DATABASE_URL: url } });
  const c = connectClient(pgRelay.port, 'plan', tokens.plan?.editor);
  try {
    await within('the client synced through the relay on PostgreSQL', c.synced());
    expect(labelsOf(c.wb())).toContain('LOGGED-1');
  } finally {
    c.destroy();
    await pgRelay.stop();
  }

  // The CLI works on the database when DATABASE_URL is set.
  const made = await runCli(dataDir, ['token', 'create', '--workbook', 'ops', '--role', 'viewer'], { DATABASE_URL: url });
  expect(made.code).toBe(0);
  const check = await PgStore.open(url);
  try {
    expect((await check.catalog.tokens('ops')).filter((t) => t.role === 'viewer')).toHaveLength(2);
  } finally {
    await check.close();
  }

  const again = await runCli(dataDir, ['migrate', '--to', url]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('The database already holds workbook(s) "ops", "plan"; nothing was moved.');
});

test('spaces, members, invites, trash and the owners of client ids move too', async () => {
  const dataDir = tempDataDir();
  const made = await withTestStore(dataDir, async (store) => {
    await store.catalog.createSpace('ops-team', 'Ops team', { workbooks: 5 });
    await createWorkbook(store, 'stock', productsWorkbook(), 'ops-team');
    await createWorkbook(store, 'old', productsWorkbook(), 'ops-team');
    await store.catalog.trashWorkbook('old', 1_700_000_000_000);
    await store.catalog.recordChange('stock', { at: 1_700_000_000_500, by: 'Ana', bytes: 1234 });
    const owner = await store.catalog.addMember('ops-team', 'owner', 'Ana');
    const gone = await store.catalog.addMember('ops-team', 'viewer', 'Ben');
    await store.catalog.removeMember(gone.member.id);
    const once = await store.catalog.createInvite('ops-team', 'editor', { singleUse: true, expiresAt: null });
    const used = await store.catalog.acceptInvite(once.token, 'Cai');
    const many = await store.catalog.createInvite('ops-team', 'viewer', { singleUse: false, expiresAt: null });
    const log = await store.openLog('stock');
    try {
      await log.append([], [
        { clientId: 11, owner: 'device-a' },
        { clientId: 12, owner: 'server' },
      ]);
    } finally {
      await log.close();
    }
    return { owner, gone, once, used, many, workbooks: await store.catalog.workbooksIn('ops-team'), invites: await store.catalog.invites('ops-team') };
  });
  const url = await pg.createDatabase('spaces');
  const moved = await runCli(dataDir, ['migrate', '--to', url]);
  expect(moved.stderr).toBe('');
  expect(moved.code).toBe(0);
  expect(moved.stdout).toContain('with 1 space(s), 3 member(s) and 2 invite(s)');

  const store = await PgStore.open(url);
  try {
    expect(await store.catalog.space('ops-team')).toMatchObject({ name: 'Ops team', quota: { workbooks: 5, bytes: null } });
    expect(await store.catalog.workbooksIn('ops-team')).toEqual(made.workbooks);
    expect((await store.catalog.workbook('old'))?.trashedAt).toBe(1_700_000_000_000);
    expect(await store.catalog.verifyMember(made.owner.token)).toEqual({ memberId: made.owner.member.id, space: 'ops-team', role: 'owner', name: 'Ana' });
    expect(await store.catalog.verifyMember(made.gone.token)).toBeUndefined();
    expect(await store.catalog.verifyMember(made.used?.token ?? '')).toMatchObject({ role: 'editor', name: 'Cai' });
    expect((await store.catalog.members('ops-team')).map((m) => m.name).sort()).toEqual(['Ana', 'Cai']);
    expect(await store.catalog.invites('ops-team')).toEqual(made.invites);
    // The single-use invite was used before the move: it makes nobody now; the reusable one still does.
    expect(await store.catalog.acceptInvite(made.once.token, 'Dee')).toBeUndefined();
    expect(await store.catalog.acceptInvite(made.many.token, 'Eve')).toMatchObject({ member: { space: 'ops-team', role: 'viewer', name: 'Eve' } });
    const log = await store.openLog('stock');
    try {
      expect(await log.owners()).toEqual([
        { clientId: 11, owner: 'device-a' },
        { clientId: 12, owner: 'server' },
      ]);
      await expect(log.append([], [{ clientId: 11, owner: 'device-b' }])).rejects.toThrow(/belongs to device-a/);
    } finally {
      await log.close();
    }
  } finally {
    await store.close();
  }

  const again = await runCli(dataDir, ['migrate', '--to', url]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('nothing was moved');
});
