/**
 * A space's byte quota as its workbooks grow, on the real relay with stock clients: edits are
 * stored until the space's running total would pass the quota, then the editor is closed with
 * 4414 and a sentence (its edits stay in its document); what two workbooks of one space take is
 * counted together; another space is not affected; a raised quota lets the kept edits in.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { createWorkbook, loadWorkbook } from '../../../server/store/stored-workbook.ts';
import type { Workbook } from '../../../src/model/index.ts';
import { productsWorkbook, startRelay, tempDataDir, withTestStore } from './fixtures.ts';

let server: AppServer;
let dataDir: string;
let editor = '';
let other = '';
const open: RelayClient[] = [];

const client = (id: string, token: string): RelayClient => {
  const c = connectClient(server.port, id, token);
  open.push(c);
  return c;
};

/** Adds a row whose SKU carries `text` (about `text.length` bytes more in the store). */
const addRow = (wb: Workbook, text: string): void => {
  const sheet = wb.sheets()[0]?.id ?? '';
  wb.insertRows(sheet, { values: [{ [wb.columns(sheet)[0]?.id ?? '']: text }] });
};

const skus = (wb: Workbook): string[] => {
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  return wb.rowIds(sheet).map((r) => String(wb.cell(sheet, r, sku)));
};

const stored = (id: string): Promise<string[]> => withTestStore(dataDir, async (store) => skus(await loadWorkbook(store, id)));

beforeAll(async () => {
  dataDir = tempDataDir();
  [editor, other] = await withTestStore(dataDir, async (store) => {
    await store.catalog.createSpace('full', 'Full');
    await store.catalog.createSpace('roomy', 'Roomy');
    await createWorkbook(store, 'f-one', productsWorkbook(2, 'One'), 'full');
    await createWorkbook(store, 'f-two', productsWorkbook(2, 'Two'), 'full');
    await createWorkbook(store, 'r-one', productsWorkbook(2, 'Roomy one'), 'roomy');
    const used = (await store.catalog.workbooksIn('full')).reduce((n, w) => n + (w.bytes ?? 0), 0);
    // Room for about 20 KB of edits in the whole space.
    await store.catalog.setQuota('full', { bytes: used + 20_000 });
    return [(await store.catalog.addMember('full', 'editor', 'Fay')).token, (await store.catalog.addMember('roomy', 'editor', 'Ray')).token];
  });
  server = await startRelay({ dataDir });
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

describe('the byte quota of a space as its workbooks grow', () => {
  test('edits are stored up to the quota, counted over the space; then the editor is told the space is full and keeps its edits', async () => {
    const one = client('f-one', editor);
    await within('f-one synced', one.synced());
    // 12 KB into the first workbook: stored.
    for (let i = 0; i < 3; i++) addRow(one.wb(), `ONE-${i}-${'x'.repeat(4000)}`);
    await waitFor('the first edits are stored', async () => (await stored('f-one')).filter((s) => s.startsWith('ONE-')).length === 3);

    // The second workbook shares the quota: its 12 KB would pass it.
    const two = client('f-two', editor);
    await within('f-two synced', two.synced());
    const closed = new Promise<{ code: number; reason: string }>((resolve) => two.provider.on('closed', (e: { code: number; reason: string }) => resolve(e)));
    addRow(two.wb(), `TWO-0-${'y'.repeat(4000)}`);
    await waitFor('the small edit is stored', async () => (await stored('f-two')).some((s) => s.startsWith('TWO-0')));
    addRow(two.wb(), `TWO-1-${'y'.repeat(12_000)}`);
    const { code, reason } = await within('the editor was closed', closed, 10_000);
    expect(code).toBe(4414);
    expect(reason).toMatch(/^This space is full \(\d+\.\d of \d+\.\d MB\): ask an owner to raise the quota or empty the trash\.$/);
    // Nothing of the refused edit is stored; the client still has it.
    expect((await stored('f-two')).some((s) => s.startsWith('TWO-1'))).toBe(false);
    expect(skus(two.wb()).some((s) => s.startsWith('TWO-1'))).toBe(true);

    // Another space has no quota: its edits go on.
    const roomy = client('r-one', other);
    await within('r-one synced', roomy.synced());
    addRow(roomy.wb(), `ROOMY-${'z'.repeat(30_000)}`);
    await waitFor('the other space’s edit is stored', async () => (await stored('r-one')).some((s) => s.startsWith('ROOMY-')));

    // An owner's quota raised elsewhere (the CLI): the kept edit goes in when the editor comes back.
    await withTestStore(dataDir, (store) => store.catalog.setQuota('full', { bytes: 10_000_000 }));
    const back = connectClient(server.port, 'f-two', editor, { doc: two.doc });
    open.push(back);
    await waitFor('the kept edit is stored', async () => (await stored('f-two')).some((s) => s.startsWith('TWO-1')), 15_000);
  });
});
