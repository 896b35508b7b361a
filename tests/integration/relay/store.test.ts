/** The store on real SQLite files: tokens, the update log and its compaction, backups restored over live workbooks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { compactFile } from '../../../server/store/compact.ts';
import { Compactor, type CompactReply } from '../../../server/store/compactor.ts';
import { replaceContentUpdate } from '../../../server/store/replace-content.ts';
import { loadStoredWorkbook, Store } from '../../../server/store/store.ts';
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
  test('tokens are stored only as hashes, scoped to one workbook, and revocable', () => {
    const dir = tempDataDir();
    const store = Store.open(dir);
    store.create('a', productsWorkbook());
    store.create('b', productsWorkbook());
    const { token, id } = store.catalog.createToken('a', 'viewer');
    expect(store.catalog.verify(token)).toEqual({ tokenId: id, workbook: 'a', role: 'viewer' });
    expect(store.catalog.verify(`${token}x`)).toBeUndefined();
    store.catalog.revoke(id);
    expect(store.catalog.verify(token)).toBeUndefined();
    store.close();
    const files = readdirSync(dir).filter((f) => f.startsWith('catalog'));
    for (const f of files) expect(readFileSync(join(dir, f)).includes(token)).toBe(false);
  });
});

describe('workbook file and compaction', () => {
  test('a loaded workbook is its snapshot plus every logged update; compaction folds the log without changing it', () => {
    const dir = tempDataDir();
    const store = Store.open(dir);
    const wb = productsWorkbook(10);
    store.create('log', wb);
    const file = store.openFile('log');
    const rnd = seededRandom(77);
    for (let i = 0; i < 40; i++) file.append(edit(wb, () => randomEdits(wb, rnd, 1)));
    expect(file.stats().updates).toBe(40);
    const expected = JSON.stringify(wb.toJSON());
    expect(JSON.stringify(loadStoredWorkbook(dir, 'log').toJSON())).toBe(expected);

    // Updates appended after the compaction's limit stay in the log.
    const upto = file.readState().lastSeq - 5;
    expect(compactFile(file.path, upto)).toMatchObject({ compacted: true, folded: 35, name: 'Test shop' });
    expect(file.stats().updates).toBe(5);
    expect(JSON.stringify(loadStoredWorkbook(dir, 'log').toJSON())).toBe(expected);
    // A compaction based on a snapshot that has moved on changes nothing.
    expect(file.compact(0, 999, new Uint8Array([0, 0]))).toBe(false);
    expect(JSON.stringify(loadStoredWorkbook(dir, 'log').toJSON())).toBe(expected);
    file.close();
    store.close();
  });

  test('new files appear whole: nothing is left of the temporary file they are built in', () => {
    const dir = tempDataDir();
    const store = Store.open(dir);
    store.create('whole', productsWorkbook());
    store.close();
    expect(readdirSync(join(dir, 'workbooks'))).toEqual(['whole.sqlite']);
  });

  test('the compactor runs compactions in a worker thread and reports the workbook’s name', async () => {
    const dir = tempDataDir();
    const store = Store.open(dir);
    const wb = productsWorkbook(3, 'Worker plan');
    store.create('w', wb);
    const file = store.openFile('w');
    for (let i = 0; i < 10; i++) file.append(edit(wb, () => wb.insertRows(wb.sheets()[0]?.id ?? '', { count: 1 })));
    const done = new Promise<CompactReply>((resolve) => {
      const c = new Compactor(silentLogger, (reply) => {
        resolve(reply);
        void c.close();
      });
      c.request({ workbook: 'w', path: file.path, upto: Number.MAX_SAFE_INTEGER });
    });
    expect(await done).toMatchObject({ ok: true, compacted: true, folded: 10, name: 'Worker plan' });
    expect(file.stats().updates).toBe(0);
    file.close();
    store.close();
    expect(loadStoredWorkbook(dir, 'w').rowCount(wb.sheets()[0]?.id ?? '')).toBe(13);
  });
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
