/**
 * Team spaces on the real relay: the auth matrix grown to spaces (no token, another space's member,
 * a removed member, a viewer creating, an editor purging the trash), invites turned into personal
 * tokens, workbooks created, duplicated, renamed, moved in with their history, trashed, restored and
 * purged, quotas, and open connections closed at once when a member is removed or a workbook trashed.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { withHistory } from '../../../server/store/stored-workbook.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import { DEFAULT_MAX_ROOM_BYTES } from '../../../server/config.ts';
import { rawRequest } from './attack-helpers.ts';
import { productsWorkbook, rawUpgrade, startRelay, tempDataDir, withTestStore } from './fixtures.ts';

const MARKER = 'SPACE-A-SECRET';

interface People {
  ownerA: string;
  editorA: string;
  viewerA: string;
  leaverA: string;
  ownerB: string;
}

let server: AppServer;
let dataDir: string;
let people: People;
let editorAId = '';
let leaverAId = '';
const open: RelayClient[] = [];

const client = (id: string, token?: string): RelayClient => {
  const c = connectClient(server.port, id, token);
  open.push(c);
  return c;
};

const api = async (path: string, token: string | null, init: { method?: string; body?: unknown; bytes?: Uint8Array } = {}): Promise<{ status: number; body: Record<string, unknown> }> => {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.bytes) {
    headers['Content-Type'] = 'application/octet-stream';
    body = Buffer.from(init.bytes);
  } else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${server.url}/api${path}`, { method: init.method ?? 'GET', headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const names = (list: unknown): string[] => (list as { name: string }[]).map((w) => w.name);

beforeAll(async () => {
  dataDir = tempDataDir();
  people = await withTestStore(dataDir, async (store) => {
    await store.catalog.createSpace('shop-a', 'Shop A');
    await store.catalog.createSpace('shop-b', 'Shop B');
    const secret = productsWorkbook(3, 'A plan');
    const sheet = secret.sheets()[0]?.id ?? '';
    secret.setCell(sheet, secret.rowIds(sheet)[0] ?? '', secret.columns(sheet)[1]?.id ?? '', MARKER);
    await createWorkbook(store, 'a-plan', secret, 'shop-a');
    await createWorkbook(store, 'b-plan', productsWorkbook(2, 'B plan'), 'shop-b');
    const editor = await store.catalog.addMember('shop-a', 'editor', 'Eddie');
    const leaver = await store.catalog.addMember('shop-a', 'editor', 'Lea');
    editorAId = editor.member.id;
    leaverAId = leaver.member.id;
    return {
      ownerA: (await store.catalog.addMember('shop-a', 'owner', 'Olga')).token,
      editorA: editor.token,
      viewerA: (await store.catalog.addMember('shop-a', 'viewer', 'Vic')).token,
      leaverA: leaver.token,
      ownerB: (await store.catalog.addMember('shop-b', 'owner', 'Bo')).token,
    };
  });
  // Many API calls from one address in a few seconds: the per-address limit is not what is tested here.
  server = await startRelay({ dataDir, env: { API_RATE_BURST: '2000' } });
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

describe('the auth matrix of spaces', () => {
  test('no token: no upgrade, no listing, no space', async () => {
    expect((await rawUpgrade(server.port, '/a-plan')).status).toBe(401);
    expect((await api('/spaces/shop-a/workbooks', null)).status).toBe(401);
    expect((await api('/spaces/shop-a', null)).status).toBe(401);
    expect((await api('/spaces/shop-a/workbooks', null, { method: 'POST', body: { template: 'blank' } })).status).toBe(401);
  });

  test('a member of another space opens nothing of this one, and learns nothing about it', async () => {
    const answer = await rawUpgrade(server.port, `/a-plan?token=${people.ownerB}`);
    expect(answer.status).toBe(401);
    expect(answer.bytes.toString('latin1')).not.toContain(MARKER);
    const listing = await api('/spaces/shop-a/workbooks', people.ownerB);
    expect(listing.status).toBe(401);
    expect(JSON.stringify(listing.body)).not.toContain('A plan');
    expect((await api('/workbooks/a-plan', people.ownerB)).status).toBe(401);
    expect((await api('/spaces/shop-a/workbooks/a-plan', people.ownerB, { method: 'DELETE' })).status).toBe(401);
    expect((await api('/spaces/shop-a/members', people.ownerB)).status).toBe(401);
    // The same holds the other way, and for the workbook itself through its own space's path.
    expect((await api('/spaces/shop-b/workbooks/a-plan', people.ownerB, { method: 'PATCH', body: { name: 'x' } })).status).toBe(404);
    expect((await rawUpgrade(server.port, `/b-plan?token=${people.editorA}`)).status).toBe(401);
  });

  test('a viewer reads every workbook of the space but cannot create, rename, trash or invite', async () => {
    const listing = await api('/spaces/shop-a/workbooks', people.viewerA);
    expect(listing.status).toBe(200);
    expect(names(listing.body.workbooks)).toEqual(['A plan']);
    expect((await api('/workbooks/a-plan', people.viewerA)).body).toMatchObject({ role: 'viewer' });
    for (const [path, method, body] of [
      ['/spaces/shop-a/workbooks', 'POST', { template: 'blank' }],
      ['/spaces/shop-a/workbooks/a-plan', 'PATCH', { name: 'Mine' }],
      ['/spaces/shop-a/workbooks/a-plan', 'DELETE', undefined],
      ['/spaces/shop-a/invites', 'POST', { role: 'editor' }],
      ['/spaces/shop-a/members', 'GET', undefined],
    ] as const) {
      expect((await api(path, people.viewerA, { method, body })).status, `${method} ${path}`).toBe(403);
    }
    const c = client('a-plan', people.viewerA);
    await within('the viewer synced', c.synced());
  });

  test('an editor cannot purge the trash or manage members; an owner can', async () => {
    const made = await api('/spaces/shop-a/workbooks', people.editorA, { method: 'POST', body: { template: 'blank', name: 'Scratch' } });
    expect(made.status).toBe(201);
    const id = String(made.body.id);
    expect((await api(`/spaces/shop-a/workbooks/${id}`, people.editorA, { method: 'DELETE' })).status).toBe(200);
    expect((await api(`/spaces/shop-a/trash/${id}`, people.editorA, { method: 'DELETE' })).status).toBe(403);
    expect((await api('/spaces/shop-a/members', people.editorA)).status).toBe(403);
    expect((await api(`/spaces/shop-a/members/${leaverAId}`, people.editorA, { method: 'DELETE' })).status).toBe(403);
    expect((await api(`/spaces/shop-a/trash/${id}`, people.ownerA, { method: 'DELETE' })).status).toBe(200);
    expect(names((await api('/spaces/shop-a/workbooks', people.editorA)).body.trash)).toEqual([]);
    expect((await rawUpgrade(server.port, `/${id}?token=${people.ownerA}`)).status).toBe(401);
  });

  test('a removed member’s open connection closes at once, and their token opens nothing more', async () => {
    const c = client('a-plan', people.leaverA);
    await within('the member synced', c.synced());
    const closed = new Promise<number>((resolve) => c.provider.on('closed', (e: { code: number }) => resolve(e.code)));
    const removedAt = Date.now();
    expect((await api(`/spaces/shop-a/members/${leaverAId}`, people.ownerA, { method: 'DELETE' })).status).toBe(200);
    expect(await within('the connection was closed', closed, 5000)).toBe(4401);
    expect(Date.now() - removedAt).toBeLessThan(1000);
    expect((await rawUpgrade(server.port, `/a-plan?token=${people.leaverA}`)).status).toBe(401);
    expect((await api('/spaces/shop-a/workbooks', people.leaverA)).status).toBe(401);
    const members = await api('/spaces/shop-a/members', people.ownerA);
    // Members made in the same millisecond may list in either order: the set is what counts.
    expect(names(members.body.members).sort()).toEqual(['Eddie', 'Olga', 'Vic']);
  });
});

describe('members and invites', () => {
  test('an invite becomes a personal token; a single-use one works once', async () => {
    const made = await api('/spaces/shop-a/invites', people.ownerA, { method: 'POST', body: { role: 'viewer' } });
    expect(made.status).toBe(201);
    const invite = new URL(String(made.body.url)).hash.replace(/^#\/join\/shop-a\?invite=/, '');
    const joined = await api('/invites/accept', null, { method: 'POST', body: { invite: decodeURIComponent(invite), name: 'Nina' } });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ space: 'shop-a', role: 'viewer', member: { name: 'Nina' } });
    const again = await api('/invites/accept', null, { method: 'POST', body: { invite: decodeURIComponent(invite), name: 'Copycat' } });
    expect(again.status).toBe(401);
    expect((await api('/spaces/shop-a', String(joined.body.token))).body).toMatchObject({ role: 'viewer', member: { name: 'Nina' } });
    expect((await api('/invites/accept', null, { method: 'POST', body: { invite: 'owb_nope', name: '' } })).status).toBe(400);
  });

  test('a role change reconnects the member’s connection with the new role; the last owner stays an owner', async () => {
    const c = client('a-plan', people.editorA);
    await within('the editor synced', c.synced());
    const closed = new Promise<number>((resolve) => c.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    expect((await api(`/spaces/shop-a/members/${editorAId}`, people.ownerA, { method: 'PATCH', body: { role: 'viewer' } })).status).toBe(200);
    expect(await within('the connection was closed', closed, 5000)).toBe(1013);
    expect((await api('/workbooks/a-plan', people.editorA)).body).toMatchObject({ role: 'viewer' });
    expect((await api(`/spaces/shop-a/members/${editorAId}`, people.ownerA, { method: 'PATCH', body: { role: 'editor' } })).status).toBe(200);
    const owners = ((await api('/spaces/shop-a/members', people.ownerA)).body.members as { id: string; role: string }[]).filter((m) => m.role === 'owner');
    expect(owners).toHaveLength(1);
    expect((await api(`/spaces/shop-a/members/${owners[0]?.id}`, people.ownerA, { method: 'DELETE' })).status).toBe(409);
    expect((await api(`/spaces/shop-a/members/${owners[0]?.id}`, people.ownerA, { method: 'PATCH', body: { role: 'editor' } })).status).toBe(409);
  });
});

describe('workbooks of a space', () => {
  test('create from the template, rename, duplicate; the list says who changed it last and its size', async () => {
    const made = await api('/spaces/shop-a/workbooks', people.editorA, { method: 'POST', body: { template: 'ops', name: 'Plan 2027', id: 'plan-2027' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: 'plan-2027', name: 'Plan 2027', changedBy: 'Eddie' });
    // Asking again with the same id (a retry) makes nothing new.
    expect((await api('/spaces/shop-a/workbooks', people.editorA, { method: 'POST', body: { template: 'ops', name: 'Plan 2027', id: 'plan-2027' } })).status).toBe(200);
    expect((await api('/spaces/shop-b/workbooks', people.ownerB, { method: 'POST', body: { template: 'ops', id: 'plan-2027' } })).status).toBe(409);
    const renamed = await api('/spaces/shop-a/workbooks/plan-2027', people.editorA, { method: 'PATCH', body: { name: 'Plan 2027 (EU)' } });
    expect(renamed.body).toMatchObject({ name: 'Plan 2027 (EU)' });
    const c = client('plan-2027', people.ownerA);
    await within('the owner synced', c.synced());
    expect(c.wb().settings.name).toBe('Plan 2027 (EU)');
    const copy = await api('/spaces/shop-a/workbooks', people.editorA, { method: 'POST', body: { from: 'a-plan' } });
    expect(copy.body).toMatchObject({ name: 'A plan (copy)' });
    const d = client(String(copy.body.id), people.viewerA);
    await within('the copy synced', d.synced());
    expect(JSON.stringify(d.wb().toJSON())).toContain(MARKER);
    // An edit by the owner shows in the list as theirs.
    const sheet = c.wb().sheets()[0]?.id ?? '';
    c.wb().renameSheet(sheet, 'Renamed by Olga');
    await waitFor('the list names Olga', async () => {
      const listed = ((await api('/spaces/shop-a/workbooks', people.viewerA)).body.workbooks as { id: string; changedBy: string; bytes: number }[]).find((w) => w.id === 'plan-2027');
      return listed?.changedBy === 'Olga' && listed.bytes > 1000;
    });
  });

  test('a workbook made in a browser moves in with its whole history; sending it again changes nothing', async () => {
    const wb = productsWorkbook(1, 'Local plan');
    const sheet = wb.sheets()[0]?.id ?? '';
    const row = wb.rowIds(sheet)[0] ?? '';
    const name = wb.columns(sheet)[1]?.id ?? '';
    for (let i = 0; i < 50; i++) wb.setCell(sheet, row, name, `edit ${i}`);
    const bytes = Y.encodeStateAsUpdate(wb.doc);
    const moved = await api('/spaces/shop-a/workbooks/local-abc123', people.editorA, { method: 'PUT', bytes });
    expect(moved.status).toBe(201);
    expect((await api('/spaces/shop-a/workbooks/local-abc123', people.editorA, { method: 'PUT', bytes })).status).toBe(200);
    expect((await api('/spaces/shop-a/workbooks/bad-bytes', people.editorA, { method: 'PUT', bytes: new Uint8Array([1, 2, 3, 250]) })).status).toBe(400);
    const c = client('local-abc123', people.viewerA);
    await within('the moved workbook synced', c.synced());
    // The history came along: the document holds every one of the 50 values it had.
    const stored = withHistory(Y.encodeStateAsUpdate(c.doc));
    expect(stored.cell(sheet, row, name)).toBe('edit 49');
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(wb.doc));
  });

  test('a workbook sent over MAX_ROOM_BYTES is refused with 413 whether its length is declared or not, and nothing is made', async () => {
    const max = DEFAULT_MAX_ROOM_BYTES;
    const head = (more: string) =>
      `PUT /api/spaces/shop-a/workbooks/too-big HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${people.editorA}\r\nContent-Type: application/octet-stream\r\n${more}\r\n`;
    const declared = await rawRequest(server.port, head(`Content-Length: ${max + 1}\r\n`));
    expect(declared.status).toBe(413);
    expect(declared.text).toContain('MAX_ROOM_BYTES');
    const half = (max / 2 + 1024).toString(16);
    const chunk = Buffer.alloc(max / 2 + 1024, 7);
    const streamed = await rawRequest(
      server.port,
      Buffer.concat([Buffer.from(head('Transfer-Encoding: chunked\r\n')), ...[0, 1].flatMap(() => [Buffer.from(`${half}\r\n`), chunk, Buffer.from('\r\n')]), Buffer.from('0\r\n\r\n')]),
    );
    expect(streamed.status).toBe(413);
    expect((await api('/spaces/shop-a/workbooks', people.editorA)).body.workbooks).not.toContainEqual(expect.objectContaining({ id: 'too-big' }));
  });

  test('a trashed workbook closes its open connections, opens for nobody, and comes back with its content', async () => {
    const c = client('a-plan', people.ownerA);
    await within('the owner synced', c.synced());
    const closed = new Promise<number>((resolve) => c.provider.on('closed', (e: { code: number }) => resolve(e.code)));
    expect((await api('/spaces/shop-a/workbooks/a-plan', people.editorA, { method: 'DELETE' })).status).toBe(200);
    expect(await within('the connection was closed', closed, 5000)).toBe(4410);
    expect((await rawUpgrade(server.port, `/a-plan?token=${people.ownerA}`)).status).toBe(410);
    expect((await api('/workbooks/a-plan', people.viewerA)).status).toBe(410);
    const listing = await api('/spaces/shop-a/workbooks', people.viewerA);
    expect(names(listing.body.trash)).toEqual(['A plan']);
    const purgeAt = (listing.body.trash as { purgeAt: number; trashedAt: number }[])[0];
    expect((purgeAt?.purgeAt ?? 0) - (purgeAt?.trashedAt ?? 0)).toBe(30 * 24 * 60 * 60 * 1000);
    expect((await api('/spaces/shop-a/workbooks/a-plan/restore', people.viewerA, { method: 'POST' })).status).toBe(403);
    expect((await api('/spaces/shop-a/workbooks/a-plan/restore', people.editorA, { method: 'POST' })).status).toBe(200);
    const back = client('a-plan', people.viewerA);
    await within('the restored workbook synced', back.synced());
    expect(JSON.stringify(back.wb().toJSON())).toContain(MARKER);
  });

  test('a space’s quota refuses one workbook too many with a sentence', async () => {
    await withTestStore(dataDir, (store) => store.catalog.setQuota('shop-b', { workbooks: 1 }));
    const refused = await api('/spaces/shop-b/workbooks', people.ownerB, { method: 'POST', body: { template: 'blank' } });
    expect(refused.status).toBe(507);
    expect(String(refused.body.error)).toContain('This space may hold 1 workbooks');
  });
});
