/**
 * Renaming a space and its members, and withdrawing invites, over the real relay's HTTP API, with
 * the auth matrix of those routes: an owner renames the space and any member and withdraws an
 * invite of the space; every member renames themself; a viewer or an editor does neither of the
 * owner's; a member of another space can touch nothing of this one; a withdrawn invite makes nobody.
 * A member's name is checked by one rule whether they join with an invite or are renamed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { startRelay, tempDataDir, withTestStore } from './fixtures.ts';

let server: AppServer;
let dataDir: string;
const t = { owner: '', editor: '', viewer: '', other: '' };
let editorId = '';

const api = async (path: string, token: string | null, method = 'GET', body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${server.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  dataDir = tempDataDir();
  await withTestStore(dataDir, async (store) => {
    await store.catalog.createSpace('shop', 'Shop');
    await store.catalog.createSpace('other', 'Other');
    t.owner = (await store.catalog.addMember('shop', 'owner', 'Olga')).token;
    const editor = await store.catalog.addMember('shop', 'editor', 'Eddie');
    t.editor = editor.token;
    editorId = editor.member.id;
    t.viewer = (await store.catalog.addMember('shop', 'viewer', 'Vic')).token;
    t.other = (await store.catalog.addMember('other', 'owner', 'Bo')).token;
  });
  server = await startRelay({ dataDir, env: { API_RATE_BURST: '2000' } });
});

afterAll(async () => {
  await server?.stop();
});

describe('names of spaces and members', () => {
  test('an owner renames the space; nobody else does, and a bad name is refused with a sentence', async () => {
    expect((await api('/spaces/shop', t.editor, 'PATCH', { name: 'Mine' })).status).toBe(403);
    expect((await api('/spaces/shop', t.viewer, 'PATCH', { name: 'Mine' })).status).toBe(403);
    expect((await api('/spaces/shop', t.other, 'PATCH', { name: 'Mine' })).status).toBe(401);
    expect((await api('/spaces/shop', null, 'PATCH', { name: 'Mine' })).status).toBe(401);
    const bad = await api('/spaces/shop', t.owner, 'PATCH', { name: '   ' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain('1 to 200 characters');
    for (const name of ['Shop\r\nA', 'Shop \u202EA', 'Shop\u0007']) {
      const hidden = await api('/spaces/shop', t.owner, 'PATCH', { name });
      expect(hidden.status, JSON.stringify(name)).toBe(400);
      expect(String(hidden.body.error)).toContain('without line breaks or invisible control characters');
    }
    expect((await api('/spaces/shop', t.owner, 'PATCH', { name: 'Shop · Lighting' })).status).toBe(200);
    expect((await api('/spaces/shop', t.viewer)).body).toMatchObject({ name: 'Shop · Lighting' });
    expect((await api('/spaces/other', t.other)).body).toMatchObject({ name: 'Other' });
  });

  test('every member renames themself; an owner renames a member; an editor renames nobody else', async () => {
    expect((await api('/spaces/shop/me', t.viewer, 'PATCH', { name: 'Victor' })).status).toBe(200);
    expect((await api('/spaces/shop', t.viewer)).body).toMatchObject({ member: { name: 'Victor' } });
    expect((await api('/spaces/shop/me', t.viewer, 'PATCH', { name: 'x'.repeat(81) })).status).toBe(400);
    expect((await api('/spaces/shop/me', t.other, 'PATCH', { name: 'Intruder' })).status).toBe(401);
    expect((await api(`/spaces/shop/members/${editorId}`, t.editor, 'PATCH', { name: 'Boss' })).status).toBe(403);
    expect((await api(`/spaces/other/members/${editorId}`, t.other, 'PATCH', { name: 'Boss' })).status).toBe(404);
    expect((await api(`/spaces/shop/members/${editorId}`, t.owner, 'PATCH', { name: 'Eddie Chen' })).status).toBe(200);
    const members = (await api('/spaces/shop/members', t.owner)).body.members as { id: string; name: string; role: string }[];
    expect(members.find((m) => m.id === editorId)).toMatchObject({ name: 'Eddie Chen', role: 'editor' });
  });
});

describe('one rule for a member’s name', () => {
  // Joining with an invite and renaming (oneself, or a member as an owner) check names with the
  // same rule: the same names are refused with the same sentence on every path.
  const singleUseInvite = async (): Promise<string> => {
    const made = await api('/spaces/shop/invites', t.owner, 'POST', { role: 'viewer', singleUse: true });
    return decodeURIComponent(new URL(String(made.body.url)).hash.replace(/^#\/join\/shop\?invite=/, ''));
  };
  const hostile: [string, unknown][] = [
    ['empty', ''],
    ['only spaces', '   \t '],
    ['81 characters', 'x'.repeat(81)],
    ['81 characters between spaces', ` ${'é'.repeat(81)} `],
    ['a number', 42],
    ['null', null],
    ['a list', ['Nina']],
    // Names others read next to changes: nothing that breaks a line or reorders what follows it.
    ['with a line break', 'Nina\nOwner'],
    ['with a right-to-left override', 'Nina \u202Erenwo'],
    ['with a direction isolate', '\u2067Nina\u2069'],
    ['with a terminal escape', 'Nina\u001b[31m'],
    ['with a NUL', 'Ni\u0000na'],
  ];

  test.each(hostile)('a name that is %s is refused when joining and when renaming, with the same sentence', async (_what, name) => {
    const invite = await singleUseInvite();
    const joined = await api('/invites/accept', null, 'POST', { invite, name });
    const self = await api('/spaces/shop/me', t.viewer, 'PATCH', { name });
    const byOwner = await api(`/spaces/shop/members/${editorId}`, t.owner, 'PATCH', { name });
    expect([joined.status, self.status, byOwner.status]).toEqual([400, 400, 400]);
    expect(String(joined.body.error)).toContain('1 to 80 characters');
    expect(self.body.error).toBe(joined.body.error);
    expect(byOwner.body.error).toBe(joined.body.error);
    // The refusal made nobody and did not use up the single-use invite: a good name still joins with it.
    const later = await api('/invites/accept', null, 'POST', { invite, name: 'Nina' });
    expect(later.status).toBe(201);
    const left = await api(`/spaces/shop/members/${String((later.body.member as { id: string }).id)}`, t.owner, 'DELETE');
    expect(left.status).toBe(200);
  });

  test('a name of 80 characters, spaces around it trimmed, is taken on every path', async () => {
    const name = 'N'.repeat(80);
    const invite = await singleUseInvite();
    const joined = await api('/invites/accept', null, 'POST', { invite, name: `  ${name} ` });
    expect(joined.status).toBe(201);
    expect(joined.body.member).toMatchObject({ name });
    const token = String(joined.body.token);
    expect((await api('/spaces/shop/me', token, 'PATCH', { name: ` ${name}  ` })).body).toMatchObject({ name });
    const id = String((joined.body.member as { id: string }).id);
    expect((await api(`/spaces/shop/members/${id}`, t.owner, 'PATCH', { name: `${name} ` })).body).toMatchObject({ name });
    expect((await api(`/spaces/shop/members/${id}`, t.owner, 'DELETE')).status).toBe(200);
  });
});

test("a workbook's name with a line break or a direction override is refused; a plain one, trimmed, is taken", async () => {
  for (const name of ['Plan\nQ3', 'Plan \u202E3Q', '\u2066Plan']) {
    const made = await api('/spaces/shop/workbooks', t.owner, 'POST', { template: 'blank', name });
    expect(made.status, JSON.stringify(name)).toBe(400);
    expect(String(made.body.error)).toContain("A workbook's name has 1 to 200 characters");
  }
  const ok = await api('/spaces/shop/workbooks', t.owner, 'POST', { template: 'blank', name: '  Plan · Q3 ' });
  expect(ok.status).toBe(201);
  expect(ok.body).toMatchObject({ name: 'Plan · Q3' });
});

describe('withdrawing invites', () => {
  test('an owner withdraws an open invite of the space; it then makes nobody; others cannot withdraw it', async () => {
    const made = await api('/spaces/shop/invites', t.owner, 'POST', { role: 'viewer', singleUse: false });
    const invite = decodeURIComponent(new URL(String(made.body.url)).hash.replace(/^#\/join\/shop\?invite=/, ''));
    const listed = (await api('/spaces/shop/members', t.owner)).body.invites as { id: string; role: string }[];
    expect(listed).toHaveLength(1);
    const id = listed[0]?.id ?? '';
    expect((await api(`/spaces/shop/invites/${id}`, t.editor, 'DELETE')).status).toBe(403);
    expect((await api(`/spaces/other/invites/${id}`, t.other, 'DELETE')).status).toBe(404);
    expect((await api(`/spaces/shop/invites/${id}`, t.owner, 'DELETE')).status).toBe(200);
    expect((await api(`/spaces/shop/invites/${id}`, t.owner, 'DELETE')).status).toBe(404);
    expect((await api('/spaces/shop/members', t.owner)).body.invites).toEqual([]);
    expect((await api('/invites/accept', null, 'POST', { invite, name: 'Late' })).status).toBe(401);
  });
});
