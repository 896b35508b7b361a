/**
 * `space …` and `create --space` as an administrator runs them, as their own processes, next to a
 * running relay: a removal from the CLI closes the member's open connection.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, within } from '../../support/relay-clients.ts';
import { runCli, startRelay, tempDataDir, withTestStore } from '../relay/fixtures.ts';

let dataDir: string;
let server: AppServer;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startRelay({ dataDir });
});
afterAll(async () => {
  await server?.stop();
});

const inviteOf = (stdout: string): string => decodeURIComponent(/invite=(\S+)/.exec(stdout)?.[1] ?? '');

const join = async (invite: string, name: string): Promise<{ token: string; member: { id: string } }> => {
  const res = await fetch(`${server.url}/api/invites/accept`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ invite, name }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; member: { id: string } };
};

describe('space commands', () => {
  test('create prints a single-use link for the first owner; create --space puts a workbook in it; members lists who joined', async () => {
    const made = await runCli(dataDir, ['space', 'create', '--id', 'brand-b', '--name', 'Brand B', '--max-workbooks', '3']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/\/#\/join\/brand-b\?invite=owb_/);
    const owner = await join(inviteOf(made.stdout), 'Mei');
    expect((await runCli(dataDir, ['create', '--workbook', 'b-stock', '--space', 'brand-b', '--name', 'Stock'])).stdout).toContain('in space "brand-b"');
    const listed = await fetch(`${server.url}/api/spaces/brand-b/workbooks`, { headers: { Authorization: `Bearer ${owner.token}` } });
    expect(((await listed.json()) as { workbooks: { name: string }[] }).workbooks.map((w) => w.name)).toEqual(['Stock']);
    const members = await runCli(dataDir, ['space', 'members', '--space', 'brand-b']);
    expect(members.stdout).toMatch(new RegExp(`^${owner.member.id}\\towner\\tMei\\t`));
    expect((await runCli(dataDir, ['space', 'list'])).stdout).toContain('brand-b\tBrand B\t1 workbooks\t1 members');
  });

  test('invite makes links by role; remove closes the member’s open connection within a second', async () => {
    const invite = await runCli(dataDir, ['space', 'invite', '--space', 'brand-b', '--role', 'editor', '--reusable', '--days', '2']);
    expect(invite.code, invite.stderr).toBe(0);
    expect(invite.stderr).toContain('valid for 2 days');
    const a = await join(inviteOf(invite.stdout), 'Ann');
    const b = await join(inviteOf(invite.stdout), 'Ben');
    const c = connectClient(server.port, 'b-stock', a.token);
    try {
      await within('Ann synced', c.synced());
      const closed = new Promise<number>((resolve) => c.provider.on('closed', (e: { code: number }) => resolve(e.code)));
      const removed = await runCli(dataDir, ['space', 'remove', '--space', 'brand-b', '--member', a.member.id]);
      expect(removed.code, removed.stderr).toBe(0);
      expect(await within('the connection was closed', closed, 5000)).toBe(4401);
    } finally {
      c.destroy();
    }
    const left = (await runCli(dataDir, ['space', 'members', '--space', 'brand-b'])).stdout;
    expect(left).toContain('Ben');
    expect(left).not.toContain('Ann');
    expect(b.token).not.toBe(a.token);
  });

  test('mistakes get a sentence: unknown space, role, member; a full space', async () => {
    expect((await runCli(dataDir, ['space', 'invite', '--space', 'nope', '--role', 'editor'])).stderr).toContain('There is no space "nope"');
    expect((await runCli(dataDir, ['space', 'invite', '--space', 'brand-b', '--role', 'boss'])).stderr).toContain('Unknown role "boss"');
    expect((await runCli(dataDir, ['space', 'remove', '--space', 'brand-b', '--member', 'nobody'])).code).toBe(1);
    expect((await runCli(dataDir, ['space', 'create', '--id', 'Bad Id'])).stderr).toContain('cannot be a space id');
    expect((await runCli(dataDir, ['space', 'quota', '--space', 'brand-b', '--max-workbooks', 'many'])).code).toBe(2);
    await runCli(dataDir, ['space', 'quota', '--space', 'brand-b', '--max-workbooks', '1']);
    const full = await runCli(dataDir, ['create', '--workbook', 'b-more', '--space', 'brand-b']);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('This space may hold 1 workbooks');
    expect(await withTestStore(dataDir, (store) => store.catalog.has('b-more'))).toBe(false);
  });
});
