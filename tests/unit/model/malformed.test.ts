/**
 * A workbook must stay readable whatever a peer's update put in it: a sheet entry without the
 * parts every sheet is created with (a malformed or malicious update) is not shown, and reading
 * the workbook does not throw.
 */
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';

describe('a malformed sheet entry from a peer', () => {
  test('is not listed, and the real sheets read as before', () => {
    const wb = Workbook.create({ name: 'plan' });
    const real = wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
    // A peer writes into the same document: a bare map as a sheet, and a string as another.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, wb.encode());
    const sheets = peer.getMap('sheets');
    peer.transact(() => {
      const bare = new Y.Map<unknown>();
      bare.set('name', 'Broken');
      bare.set('order', 'a0');
      sheets.set('bare', bare);
      sheets.set('text', 'not a sheet');
    });
    wb.applyUpdate(Y.encodeStateAsUpdate(peer), 'remote');

    expect(wb.sheets().map((s) => s.name)).toEqual(['Products']);
    expect(wb.hasSheet('bare')).toBe(false);
    expect(wb.hasSheet('text')).toBe(false);
    expect(wb.columns(real).map((c) => c.name)).toEqual(['SKU']);
    expect(() => wb.columns('bare')).toThrow(/No sheet/);
    expect(() => wb.toJSON()).not.toThrow();
  });
});
