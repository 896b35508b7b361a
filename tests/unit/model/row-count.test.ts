/** A sheet's row count stays right however rows come and go, here and from another replica, whether or not their order was read in between. */
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { seededRandom } from '../../support/random.ts';

describe('row count', () => {
  test.each([1, 2, 3, 4, 5])('random inserts, deletions, moves and remote edits (seed %i)', (seed) => {
    const rnd = seededRandom(seed);
    const a = Workbook.create({ name: 'Counts' });
    const sheet = a.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
    const b = Workbook.load(a.encode());
    for (let step = 0; step < 120; step++) {
      const wb = rnd.int(3) === 0 ? b : a;
      const rows = wb.rowIds(sheet);
      const op = rnd.int(4);
      if (op === 0 || rows.length === 0) wb.insertRows(sheet, { index: rnd.int(rows.length + 1), count: 1 + rnd.int(40) });
      else if (op === 1) wb.deleteRows(sheet, rows.filter(() => rnd.int(3) === 0));
      else if (op === 2) {
        const row = rnd.pick(rows);
        const before = rnd.pick(rows);
        wb.moveRows(sheet, [row], before === row ? null : before);
      }
      else a.applyUpdate(b.encode());
      // Sometimes the order is read (the count then comes from the kept list), sometimes not.
      for (const w of [a, b]) {
        if (rnd.int(2)) w.rowIds(sheet);
        const count = w.rowCount(sheet);
        // A fresh load counts the shared map itself: the kept list must agree with it.
        if (step % 10 === 9) expect(count, `seed ${seed}, step ${step}`).toBe(Workbook.load(w.encode()).rowCount(sheet));
        else expect(count, `seed ${seed}, step ${step}`).toBe(w.rowIds(sheet).length);
      }
    }
  });
});
