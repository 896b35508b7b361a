/**
 * The relay binds the ownership record of client ids to the member whose personal token a
 * connection used: the owners API and the history commands name the member as the relay knows
 * them (their name in the space, renamed or not), not as their browser claims; a link's or a
 * device's connection stays as before; another device of the same member still cannot write under
 * this one's client ids.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import { productsWorkbook, runCli, startRelay, tempDataDir, withTestStore } from './fixtures.ts';

let server: AppServer;
let dataDir: string;
let memberToken = '';
let memberId = '';
let linkToken = '';
const open: RelayClient[] = [];

const DEVICE = 'owb.device.fay-laptop-device-key-0123456789';

beforeAll(async () => {
  dataDir = tempDataDir();
  await withTestStore(dataDir, async (store) => {
    await store.catalog.createSpace('shop', 'Shop');
    await createWorkbook(store, 'plan', productsWorkbook(2, 'Plan'), 'shop');
    const m = await store.catalog.addMember('shop', 'editor', 'Fay Wong');
    memberToken = m.token;
    memberId = m.member.id;
    linkToken = (await store.catalog.createToken('plan', 'editor', 'outsider')).token;
  });
  server = await startRelay({ dataDir });
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

const owners = async (token: string): Promise<{ clientId: number; kind: string; tag: string; name?: string }[]> => {
  const res = await fetch(`${server.url}/api/workbooks/plan/owners`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { owners: { clientId: number; kind: string; tag: string; name?: string }[] }).owners;
};

/** Connects with `token` (and a device key), writes one row as a person who calls themself `claimed`. */
const writeAs = async (token: string, claimed: string, protocols: string[]): Promise<number> => {
  const c = connectClient(server.port, 'plan', undefined, { protocols: ['owb.v1', `owb.token.${token}`, ...protocols] });
  open.push(c);
  await within('synced', c.synced());
  const wb = new Workbook(c.doc, { user: { id: `u-${claimed}`, name: claimed } });
  const sheet = wb.sheets()[0]?.id ?? '';
  wb.insertRows(sheet, { values: [{ [wb.columns(sheet)[0]?.id ?? '']: `BY-${claimed}` }] });
  const id = c.doc.clientID;
  await waitFor('the owner is recorded', async () => (await owners(token)).some((o) => o.clientId === id));
  return id;
};

describe('the ownership record names the member', () => {
  test('a member’s client ids are listed with the member’s name; the history command names them so, whatever the browser claimed', async () => {
    const mine = await writeAs(memberToken, 'Mallory', [DEVICE]);
    const theirs = await writeAs(linkToken, 'Outsider', []);
    const listed = await owners(linkToken);
    expect(listed.find((o) => o.clientId === mine)).toMatchObject({ kind: 'member', name: 'Fay Wong' });
    expect(listed.find((o) => o.clientId === theirs)).toMatchObject({ kind: 'link' });
    expect(listed.find((o) => o.clientId === theirs)?.name).toBeUndefined();

    const history = await runCli(dataDir, ['history', '--workbook', 'plan']);
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('Fay Wong (its browser said "Mallory")');
    expect(history.stdout).toContain('Outsider');
    const json = JSON.parse((await runCli(dataDir, ['history', '--workbook', 'plan', '--json'])).stdout) as { devices: { name: string; claimed?: string; clients: number[] }[] };
    expect(json.devices.find((d) => d.clients.includes(mine))).toMatchObject({ name: 'Fay Wong', claimed: 'Mallory' });

    const listedCli = await runCli(dataDir, ['owners', '--workbook', 'plan']);
    expect(listedCli.stdout).toContain(`member:${memberId}/device:`);
    expect(listedCli.stdout).toContain('(member "Fay Wong")');

    // The name the relay knows is the one shown: a rename in the space shows at once.
    await withTestStore(dataDir, (store) => store.catalog.renameMember(memberId, 'Fay W.'));
    expect((await owners(linkToken)).find((o) => o.clientId === mine)).toMatchObject({ kind: 'member', name: 'Fay W.' });
  });

  test('another device of the same member cannot write under the first device’s client ids', async () => {
    const first = connectClient(server.port, 'plan', undefined, { protocols: ['owb.v1', `owb.token.${memberToken}`, DEVICE] });
    open.push(first);
    await within('synced', first.synced());
    const wb = new Workbook(first.doc);
    const sheet = wb.sheets()[0]?.id ?? '';
    wb.insertRows(sheet, { values: [{ [wb.columns(sheet)[0]?.id ?? '']: 'FIRST' }] });
    await waitFor('the owner is recorded', async () => (await owners(memberToken)).some((o) => o.clientId === first.doc.clientID));
    // The same document (same client id) from another device of the member: refused with 4403.
    const copy = connectClient(server.port, 'plan', undefined, { protocols: ['owb.v1', `owb.token.${memberToken}`, 'owb.device.fay-phone-device-key-0123456789ab'] });
    open.push(copy);
    const closed = new Promise<number>((resolve) => copy.provider.on('closed', (e: { code: number }) => resolve(e.code)));
    await within('synced', copy.synced());
    const own = copy.doc.clientID;
    copy.doc.clientID = first.doc.clientID;
    const forged = new Workbook(copy.doc);
    forged.insertRows(sheet, { values: [{ [forged.columns(sheet)[0]?.id ?? '']: 'FORGED' }] });
    expect(await within('the copy was refused', closed, 10_000)).toBe(4403);
    // Its provider's presence is keyed by the id it was made with (destroying it reads that).
    copy.doc.clientID = own;
  });
});
