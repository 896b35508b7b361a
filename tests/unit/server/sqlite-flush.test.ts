/** Advisory catalog writes (last activity, last change) go without a disk flush; the connection's setting is restored. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDb, withoutDiskFlush } from '../../../server/store/sqlite.ts';

test('withoutDiskFlush: commits inside skip the flush; the fsync setting comes back, also after a throw', () => {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'wb-flush-')), 'x.sqlite'), { create: true, durability: 'fsync' });
  const level = () => Number(db.pragma('synchronous', { simple: true }));
  db.exec('CREATE TABLE t (v INTEGER)');
  expect(level()).toBe(2);
  expect(withoutDiskFlush(db, () => (db.prepare('INSERT INTO t VALUES (1)').run(), level()))).toBe(1);
  expect(level()).toBe(2);
  expect(() => withoutDiskFlush(db, () => db.prepare('INSERT INTO nowhere VALUES (1)').run())).toThrow();
  expect(level()).toBe(2);
  expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  db.close();
});
