/**
 * The SQLite store on real files, where it goes beyond the store contract (contract.test.ts):
 * token hashes on disk, whole new files, compaction in a worker thread; and backups restored over
 * live workbooks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { compactWorkbook } from '../../../server/store/compact.ts';
import { Compactor, type CompactReply } from '../../../server/store/compactor.ts';
import { openStore } from '../../../server/store/open-store.ts';
import { replaceContentUpdate } from '../../../server/store/replace-content.ts';
import { createWorkbook, loadWorkbook } from '../../../server/store/stored-workbook.ts';
import { silentLogger } from '../../../server/log.ts';
import { seededRandom, type Random } from '../../support/random.ts';
import { productsWorkbook, tempDataDir } from './fixtures.ts';

/** An edit of `wb` through the model: what it adds becomes one logged update. */
const edit = (wb: Workbook, fn: () => void): Uint8Array => {
  const before = Y.encodeStateVector(wb.doc);
  fn();
  return Y.encodeStateAsUpdate(wb.doc, before);
};

const randomEdits = (wb: Workbook, rnd: Random, n: number): void => {
  for (let i = 0; i < n; i++) {
    const sheets = wb.sheets();
    const sheet = rnd.pick(sheets).id;
    const rows = wb.rowIds(sheet);
    const cols = wb.columns(sheet);
    const op = rnd.int(12);
    if (op < 5 && rows.length > 0 && cols.length > 0) {
      const col = rnd.pick(cols);
      wb.setCell(sheet, rnd.pick(rows), col.id, col.type === 'text' ? `t${rnd.int(99)}` : rnd.int(99));
    } else if (op < 7) wb.insertRows(sheet, { index: rnd.int(rows.length + 1), count: 1 + rnd.int(3) });
    else if (op < 9 && rows.length > 0) wb.deleteRows(sheet, [rnd.pick(rows)]);
    else if (op === 9) wb.renameSheet(sheet, `Sheet ${rnd.int(1e6)}`);
    else if (op === 10) wb.addSheet({ name: `New ${rnd.int(1e6)}`, columns: [{ name: 'Note', type: 'text' }] });
    else if (sheets.length > 1) wb.deleteSheet(sheet);
  }
};

describe('catalog', () => {
  test('tokens are stored only as hashes, scoped to one workbook, and revocable', async () => {
    const dir = tempDataDir();
    const store = await openStore({ dataDir: dir });
    await createWorkbook(store, 'a', productsWorkbook());
    await createWorkbook(store, 'b', productsWorkbook());
    const { token, id } = await store.catalog.createToken('a', 'viewer');
    expect(await store.catalog.verify(token)).toEqual({ tokenId: id, workbook: 'a', role: 'viewer' });
    expect(await store.catalog.verify(`${token}x`)).toBeUndefined();
    await store.catalog.revoke(id);
    expect(await store.catalog.verify(token)).toBeUndefined();
    await store.close();
    const files = readdirSync(dir).filter((f) => f.startsWith('catalog'));
    for (const f of files) expect(readFileSync(join(dir, f)).includes(token)).toBe(false);
  });
});

describe('workbook file and compaction', () => {
  test('a loaded workbook is its snapshot plus every logged update; compaction folds the log without changing it', async () => {
    const dir = tempDataDir();
    const store = await openStore({ dataDir: dir });
    const wb = productsWorkbook(10);
    await createWorkbook(store, 'log', wb);
    const log = await store.openLog('log');
    const rnd = seededRandom(77);
    for (let i = 0; i < 40; i++) await log.append([edit(wb, () => randomEdits(wb, rnd, 1))]);
    expect((await log.stats()).updates).toBe(40);
    const expected = JSON.stringify(wb.toJSON());
    expect(JSON.stringify((await loadWorkbook(store, 'log')).toJSON())).toBe(expected);

    // Updates appended after the compaction's limit stay in the log.
    const upto = (await log.read()).lastSeq - 5;
    expect(await compactWorkbook(store, 'log', 'test', upto)).toMatchObject({ compacted: true, folded: 35, name: 'Test shop' });
    expect((await log.stats()).updates).toBe(5);
    expect(JSON.stringify((await loadWorkbook(store, 'log')).toJSON())).toBe(expected);
    // A compaction based on a snapshot that has moved on changes nothing.
    const claim = await store.claimCompaction('log', 'test', 60_000);
    expect(await claim?.replace(0, 999, new Uint8Array([0, 0]))).toBe(false);
    await claim?.release();
    expect(JSON.stringify((await loadWorkbook(store, 'log')).toJSON())).toBe(expected);
    await log.close();
    await store.close();
  });

  test('new files appear whole: nothing is left of the temporary file they are built in', async () => {
    const dir = tempDataDir();
    const store = await openStore({ dataDir: dir });
    await createWorkbook(store, 'whole', productsWorkbook());
    await store.close();
    expect(readdirSync(join(dir, 'workbooks'))).toEqual(['whole.sqlite']);
  });

  test('the compactor runs compactions in a worker thread and reports the workbook’s name', async () => {
    const dir = tempDataDir();
    const store = await openStore({ dataDir: dir });
    const wb = productsWorkbook(3, 'Worker plan');
    await createWorkbook(store, 'w', wb);
    const log = await store.openLog('w');
    for (let i = 0; i < 10; i++) await log.append([edit(wb, () => wb.insertRows(wb.sheets()[0]?.id ?? '', { count: 1 }))]);
    const done = new Promise<CompactReply>((resolve) => {
      const c = new Compactor(silentLogger, store, (reply) => {
        resolve(reply);
        void c.close();
      });
      c.request({ workbook: 'w', upto: Number.MAX_SAFE_INTEGER });
    });
    expect(await done).toMatchObject({ ok: true, compacted: true, folded: 10, name: 'Worker plan' });
    expect((await log.stats()).updates).toBe(0);
    await log.close();
    expect((await loadWorkbook(store, 'w')).rowCount(wb.sheets()[0]?.id ?? '')).toBe(13);
    await store.close();
  });
});

test('a warm compactor (rooms are loaded) starts its worker before the first job and keeps it between jobs', async () => {
  const store = await openStore({ dataDir: tempDataDir() });
  const wb = Workbook.create({ name: 'Warm plan' });
  wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
  await createWorkbook(store, 'w', wb);
  const log = await store.openLog('w');
  const replies: CompactReply[] = [];
  let told = () => {};
  const c = new Compactor(silentLogger, store, (reply) => {
    replies.push(reply);
    told();
  });
  const job = async () => {
    await log.append([edit(wb, () => wb.insertRows(wb.sheets()[0]?.id ?? '', { count: 1 }))]);
    const done = new Promise<void>((resolve) => (told = resolve));
    c.request({ workbook: 'w', upto: Number.MAX_SAFE_INTEGER });
    await done;
  };
  expect(c.started).toBe(false);
  c.warm(true);
  expect(c.started).toBe(true);
  await job();
  await job();
  expect(c.started).toBe(true);
  expect(replies).toMatchObject([{ ok: true, compacted: true, folded: 1 }, { ok: true, compacted: true, folded: 1 }]);
  // A settling job folds nothing: the log keeps its update, and the write-ahead log goes into the file.
  await log.append([edit(wb, () => wb.insertRows(wb.sheets()[0]?.id ?? '', { count: 1 }))]);
  const settled = new Promise<void>((resolve) => (told = resolve));
  c.request({ workbook: 'w', upto: Number.MAX_SAFE_INTEGER, settleOnly: true });
  await settled;
  expect(replies.at(-1)).toMatchObject({ ok: true, compacted: false, settled: true });
  expect((await log.stats()).updates).toBe(1);
  await c.close();
  expect(c.started).toBe(false);
  await log.close();
  expect((await loadWorkbook(store, 'w')).rowCount(wb.sheets()[0]?.id ?? '')).toBe(3);
  await store.close();
});

describe('restoring a backup over a live workbook', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('content becomes the backup’s after random later edits, on every replica (seed %i)', (seedValue) => {
    const rnd = seededRandom(seedValue);
    const original = productsWorkbook(6);
    randomEdits(original, rnd, 15);
    const backup = original.encode();
    const atBackup = JSON.stringify(original.toJSON());
    // Two replicas go on editing (concurrently) after the backup, then merge.
    const a = Workbook.load(backup);
    const b = Workbook.load(backup);
    randomEdits(a, rnd, 20);
    randomEdits(b, rnd, 20);
    a.applyUpdate(b.encode());
    b.applyUpdate(a.encode());
    const change = replaceContentUpdate(a, backup);
    a.applyUpdate(change);
    b.applyUpdate(change);
    expect(JSON.stringify(a.toJSON()), `seed ${seedValue}`).toBe(atBackup);
    expect(JSON.stringify(b.toJSON()), `seed ${seedValue}`).toBe(atBackup);
  });
});
