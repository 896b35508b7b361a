/**
 * Hostile documents in real Chromium against the real relay (issue 16, parts 1–3):
 *   - the findings of the issue (a sheet name {toString: 1}, settings.locale "__proto__", a column
 *     of an unknown type) open with the rest of the workbook and a "Needs repair" notice, and one
 *     click repairs them for everyone;
 *   - a browser that opened the broken copy recovers once the relay's copy is restored;
 *   - a sample of 20 seeded hostile updates opens with no page error and the notice;
 *   - a local copy that cannot be read, and a view that throws, recover with one click;
 *   - a workbook from a newer version opens read-only with the sentence to reload; a forged
 *     version field changes nothing;
 *   - the status bar says when the browser would not keep the storage.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../sheets/demo.ts';
import { DamageWatch } from '../../src/model/damage-watch.ts';
import { encodeBackupFile } from '../../src/model/backup-file.ts';
import { SERVER_ROOT, SERVER_SCHEMA_KEY, Workbook } from '../../src/model/index.ts';
import { SCHEMA_VERSION } from '../../src/schema/index.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createWorkbook } from '../../server/store/stored-workbook.ts';
import { runCli, tempDataDir } from '../integration/relay/fixtures.ts';
import { screenshot } from '../support/browser.ts';
import { hostileCases } from '../support/hostile-updates.ts';
import { peerUpdate, type PeerDoc } from '../support/peer-write.ts';
import { seededRandom } from '../support/random.ts';
import { connectClient, waitFor, within } from '../support/relay-clients.ts';
import { person, relayAndBrowser, type Person } from './sync-helpers.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 16);
const TODAY = '2026-11-29';
const env = relayAndBrowser();

const base = createDemoWorkbook(TODAY, { random: seededRandom(SEED).bytes, clientId: 7 });
const baseBytes = base.encode();
const PRODUCTS = base.sheetByName('Products')?.id ?? '';
const COST = base.columnByName(PRODUCTS, 'Cost')?.id ?? '';

/** Stores a workbook under `id` in the running relay's data folder (as the CLI does) and returns an editor token. */
const storeWorkbook = async (id: string, bytes: Uint8Array): Promise<string> => {
  const store = await openStore({ dataDir: env.relay.server.dataDir });
  try {
    await createWorkbook(store, id, Workbook.load(bytes));
    return (await store.catalog.createToken(id, 'editor')).token;
  } finally {
    await store.close();
  }
};

/** The demo with a peer's writes applied. */
const broken = (write: (p: PeerDoc) => void): Uint8Array => {
  const wb = Workbook.load(baseBytes);
  wb.applyUpdate(peerUpdate(baseBytes, write));
  return wb.encode();
};

const damageOf = (bytes: Uint8Array): number => {
  const watch = new DamageWatch(Workbook.load(bytes));
  const n = watch.report().total;
  watch.dispose();
  return n;
};

const link = (id: string, token: string): string => `${env.relay.server.url}/?test#/w/${id}?token=${token}`;

/** Opens a workbook and waits until the app has painted (the notice comes right after). */
const openWorkbook = async (p: Person, id: string, token: string): Promise<void> => {
  await p.page.goto(link(id, token));
  await p.page.locator('.wb-app').waitFor();
  await p.page.getByTestId('sync-bar').waitFor();
};

const notice = (p: Person) => p.page.getByTestId('repair-notice');
const people: Person[] = [];
const newPerson = async (name: string): Promise<Person> => {
  const p = await person(env.browser, name, '#2b8a3e');
  people.push(p);
  return p;
};
afterAll(async () => {
  for (const p of people) await p.context.close();
});

describe('issue 16 findings in the browser', () => {
  test('a sheet name {toString: 1}, settings.locale "__proto__" and a column of unknown type: the workbook shows, with the notice, and Repair all fixes it for everyone', async () => {
    const bytes = broken((p) => {
      p.sheet(PRODUCTS).set('name', { toString: 1 });
      p.settings.set('locale', '__proto__');
      p.column(PRODUCTS, COST).set('type', 'money');
    });
    const token = await storeWorkbook('findings', bytes);
    const [ana, bo] = [await newPerson('Ana'), await newPerson('Bo')];
    for (const p of [ana, bo]) await openWorkbook(p, 'findings', token);
    // Every tab is there, and the Products grid shows its rows without the damaged column.
    await expect.poll(() => ana.page.locator('.wb-tab').count()).toBe(base.sheets().length);
    await ana.page.locator('.wb-tab', { hasText: 'Products' }).first().click();
    await ana.page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await ana.page.locator('.ag-header-cell', { hasText: 'Cost' }).count()).toBe(0);
    await expect.poll(() => notice(ana).getAttribute('data-count')).toBe('3');
    await ana.page.getByTestId('repair-show').click();
    await expect.poll(() => ana.page.getByTestId('repair-entry').count()).toBe(3);
    await screenshot(ana.page, 'hostile-findings-notice');
    // In Chinese too.
    await ana.page.evaluate(() => window.__wb?.app.i18n.setLocale('zh-CN'));
    await expect.poll(() => notice(ana).textContent()).toContain('需要修复');
    expect(await ana.page.getByTestId('repair-entry').first().textContent()).toContain('本应用不认识');
    await ana.page.evaluate(() => window.__wb?.app.i18n.setLocale('en'));
    await ana.page.getByTestId('repair-all').click();
    await expect.poll(() => notice(ana).count()).toBe(0);
    // Bo's notice goes too: the repair is an ordinary synced edit.
    await expect.poll(() => notice(bo).count()).toBe(0);
    await expect.poll(() => bo.page.evaluate(([s, c]) => window.__wb?.wb.column(s, c)?.type, [PRODUCTS, COST] as const)).toBe('number');
    expect([...ana.errors, ...bo.errors]).toEqual([]);
  });

  test('a browser that opened the broken copy recovers after the relay’s copy is restored from a clean backup', async () => {
    const backup = join(tempDataDir(), 'clean.ywb');
    // A backup as the CLI and the app write it (with its checksum).
    writeFileSync(backup, encodeBackupFile(baseBytes));
    const token = await storeWorkbook('restored', broken((p) => {
      p.sheet(PRODUCTS).set('name', { toString: 1 });
      p.settings.set('locale', '__proto__');
    }));
    const carol = await newPerson('Carol');
    await openWorkbook(carol, 'restored', token);
    await expect.poll(() => notice(carol).getAttribute('data-count')).toBe('2');
    // Carol closes the tab; the broken copy stays in her browser. The relay's copy is restored.
    await carol.page.goto(`${env.relay.server.url}/#/`);
    await carol.page.getByTestId('start-page').waitFor();
    const r = await runCli(env.relay.server.dataDir, ['restore', '--workbook', 'restored', '--replace', backup]);
    expect(r.code, r.stderr).toBe(0);
    // Her next visit opens her copy (tabs and all), syncs, and the fix arrives.
    await carol.page.goto(`${env.relay.server.url}/?test#/w/restored`);
    await carol.page.locator('.wb-tab', { hasText: 'Products' }).first().waitFor();
    await expect.poll(() => notice(carol).count(), { timeout: 20_000 }).toBe(0);
    expect(await carol.page.evaluate(() => window.__wb?.wb.settings.locale)).toBe('en');
    expect(carol.errors).toEqual([]);
  });
});

describe(`seeded hostile updates (seed ${SEED}) in the browser`, () => {
  // 20 of them, every kind of mutation among them, each with something to repair.
  const sample = hostileCases(baseBytes, base, SEED, 120)
    .map((c) => {
      const wb = Workbook.load(baseBytes);
      wb.applyUpdate(c.update);
      return { c, bytes: wb.encode() };
    })
    .filter(({ bytes }) => damageOf(bytes) > 0)
    .filter((_x, i) => i % 4 === 0)
    .slice(0, 20);
  let tokens: string[] = [];
  let viewer: Person;
  beforeAll(async () => {
    tokens = [];
    for (const { c, bytes } of sample) tokens.push(await storeWorkbook(`hostile-${c.index}`, bytes));
    viewer = await newPerson('Dana');
  });

  test('20 open with no page error and the "Needs repair" notice', { timeout: 600_000 }, async () => {
    expect(sample).toHaveLength(20);
    for (const [i, { c, bytes }] of sample.entries()) {
      const what = `seed ${SEED}, update #${c.index} (${c.label})`;
      viewer.errors.length = 0;
      await openWorkbook(viewer, `hostile-${c.index}`, tokens[i] ?? '');
      await expect.poll(() => notice(viewer).getAttribute('data-count'), { message: what }).toBe(String(damageOf(bytes)));
      // The workbook itself is there: its tabs, and no view failed.
      expect(await viewer.page.getByTestId('view-error').count(), what).toBe(0);
      expect(viewer.errors, what).toEqual([]);
    }
  });
});

describe('recovering a copy that breaks', () => {
  test('a local copy that cannot be read: the page says so and "Repair from the server" brings the workbook back in one click', async () => {
    const token = await storeWorkbook('poisoned', baseBytes);
    const erin = await newPerson('Erin');
    await openWorkbook(erin, 'poisoned', token);
    await erin.page.locator('.ag-row[row-index="0"]').first().waitFor();
    // A stored update that is not one (a damaged disk, a broken writer) goes into her IndexedDB copy.
    await erin.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('ops-workbook:poisoned');
          req.onsuccess = () => {
            const tx = req.result.transaction('updates', 'readwrite');
            tx.objectStore('updates').add(new Uint8Array([255, 255, 255, 255, 7, 1, 2]));
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await erin.page.reload();
    const problem = erin.page.getByTestId('open-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('damaged');
    await screenshot(erin.page, 'hostile-poisoned-copy');
    await erin.page.getByTestId('boundary-repair').click();
    await erin.page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await erin.page.getByTestId('open-problem').count()).toBe(0);
    expect(await erin.page.evaluate(() => window.__wb?.wb.sheets().length)).toBe(base.sheets().length);
  });

  test('a view that throws shows its message with Reload and Repair from the server; the rest works, and the repair brings it back', async () => {
    const token = await storeWorkbook('throwing', baseBytes);
    const finn = await newPerson('Finn');
    await openWorkbook(finn, 'throwing', token);
    await finn.page.locator('.ag-row[row-index="0"]').first().waitFor();
    // A read that throws (a bug, or damage no checker knows yet), made through the test hook.
    await finn.page.evaluate(() => {
      const wb = window.__wb?.wb;
      if (wb) wb.charts = () => {
        throw new Error('unreadable chart');
      };
    });
    await finn.page.getByTestId('open-charts').click();
    const failed = finn.page.locator('[data-testid="view-error"][data-view="charts"]');
    await failed.waitFor();
    await screenshot(finn.page, 'hostile-view-boundary');
    // The grid, the tabs and the status bar are still there and work.
    await finn.page.locator('.wb-tab', { hasText: 'Inventory' }).first().click();
    await finn.page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await finn.page.getByTestId('connection').getAttribute('data-state')).toBe('online');
    const reloaded = finn.page.waitForEvent('load');
    await failed.getByTestId('boundary-repair').click();
    await reloaded;
    // The page reloads with the relay's copy: the charts open.
    await finn.page.locator('.ag-row[row-index="0"]').first().waitFor();
    await finn.page.getByTestId('open-charts').click();
    await finn.page.getByTestId('charts-panel').waitFor();
    expect(await finn.page.getByTestId('view-error').count()).toBe(0);
  });
});

describe('schema versions', () => {
  test('a workbook a newer relay migrated opens read-only, with the sentence to reload', async () => {
    const future = Workbook.load(baseBytes);
    future.doc.transact(() => future.doc.getMap(SERVER_ROOT).set(SERVER_SCHEMA_KEY, SCHEMA_VERSION + 1), 'migration');
    const token = await storeWorkbook('future', future.encode());
    const gus = await newPerson('Gus');
    await openWorkbook(gus, 'future', token);
    await gus.page.getByTestId('newer-schema').waitFor();
    expect(await gus.page.getByTestId('newer-schema').textContent()).toContain('Reload to get the new version');
    await gus.page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await gus.page.evaluate(() => window.__wb?.app.readOnly)).toBe(true);
    await screenshot(gus.page, 'hostile-newer-schema');
    expect(gus.errors).toEqual([]);
  });

  test('a forged settings.schema = 999 leaves everyone editing; a forged stamp never reaches anyone', async () => {
    const token = await storeWorkbook('forged', baseBytes);
    const hana = await newPerson('Hana');
    await openWorkbook(hana, 'forged', token);
    await hana.page.locator('.ag-row[row-index="0"]').first().waitFor();
    const mallory = connectClient(env.relay.server.port, 'forged', token);
    await within('Mallory synced', mallory.synced());
    mallory.doc.getMap('settings').set('schema', 999);
    await expect.poll(() => hana.page.evaluate(() => window.__wb?.wb.doc.getMap('settings').get('schema'))).toBe(999);
    const closed = new Promise<number>((resolve) => mallory.provider.on('closed', (e) => resolve(e.code)));
    mallory.doc.getMap(SERVER_ROOT).set(SERVER_SCHEMA_KEY, 999);
    expect(await within('Mallory closed', closed)).toBe(4403);
    mallory.destroy();
    // Hana's edit after it goes through and comes back from a newcomer: the stamp came with nothing.
    await hana.page.evaluate(() => window.__wb?.wb.setSettings({ name: 'Hana’s plan' }));
    const newcomer = connectClient(env.relay.server.port, 'forged', token);
    await within('the newcomer synced', newcomer.synced());
    await waitFor('Hana’s edit reached the newcomer', () => newcomer.wb().settings.name === 'Hana’s plan');
    expect(newcomer.doc.getMap(SERVER_ROOT).size).toBe(0);
    newcomer.destroy();
    expect(await hana.page.evaluate(() => ({ stamp: window.__wb?.wb.doc.getMap('server').size, writable: window.__wb?.wb.writable, readOnly: window.__wb?.app.readOnly }))).toEqual({
      stamp: 0,
      writable: true,
      readOnly: false,
    });
    expect(await hana.page.getByTestId('newer-schema').count()).toBe(0);
  });
});

describe('storage', () => {
  test('the status bar says when the browser would not keep this site’s storage', async () => {
    const token = await storeWorkbook('storage', baseBytes);
    const ivy = await newPerson('Ivy');
    await openWorkbook(ivy, 'storage', token);
    const kept = await ivy.page.evaluate(() => navigator.storage.persisted());
    if (kept) expect(await ivy.page.getByTestId('persist').count()).toBe(0);
    else {
      await ivy.page.getByTestId('persist').waitFor();
      expect(await ivy.page.getByTestId('persist').getAttribute('data-state')).toBe('refused');
      expect(await ivy.page.getByTestId('persist').getAttribute('title')).toContain('did not agree to keep');
    }
  });
});
