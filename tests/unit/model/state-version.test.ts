/** An export names the workbook state it shows: the same edits give the same version on every replica. */
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { snapshotOfVersion, stateVersion, VersionError, Workbook } from '../../../src/model/index.ts';
import { seededRandom } from '../../support/random.ts';
import { pair } from '../../support/replicas.ts';

test('state version: replicas that have seen the same edits name the same state', () => {
  const { a, b, sync } = pair(seededRandom(5));
  const sheet = a.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
  b.setSettings({ name: 'Shop plan' });
  expect(stateVersion(a)).not.toBe(stateVersion(b));
  sync();
  expect(stateVersion(a)).toBe(stateVersion(b));
  expect(a.sheet(sheet)?.name).toBe('Products');
});

test('state version: every edit gives a new version, and a reload of the same update the same one', () => {
  const wb = Workbook.create({ name: 'Plan' });
  const before = stateVersion(wb);
  wb.addSheet({ name: 'Products' });
  const after = stateVersion(wb);
  expect(after).not.toBe(before);
  expect(after).toMatch(/^snap:[A-Za-z0-9+/]+=*$/);
  expect(stateVersion(Workbook.load(wb.encode()))).toBe(after);
});

test('state version: an overwritten value is part of the version (the delete set), not only which edits were seen', () => {
  const wb = Workbook.create({ name: 'Plan' });
  const sheet = wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
  const [row = ''] = wb.insertRows(sheet, { count: 1 });
  const col = wb.columns(sheet)[0]?.id ?? '';
  wb.setCell(sheet, row, col, 'A-1');
  const v1 = stateVersion(wb);
  wb.setCell(sheet, row, col, 'A-2');
  const snap = snapshotOfVersion(stateVersion(wb));
  expect(Y.equalSnapshots(snap, Y.snapshot(wb.doc))).toBe(true);
  expect(Y.equalSnapshots(snapshotOfVersion(v1), snap)).toBe(false);
});

test.each([
  ['an older export’s version', 'sv:AQID', 'names only which edits were seen, not which were deleted'],
  ['text that is no version', 'yesterday', 'is not a workbook version; copy the "version" of an export’s manifest.json'],
  ['a damaged version', 'snap:AQIDBAUG', 'is not a workbook version'],
  ['an empty version', 'snap:', 'is not a workbook version'],
])('state version: %s is refused with a sentence', (_what, text, message) => {
  expect(() => snapshotOfVersion(text)).toThrow(VersionError);
  expect(() => snapshotOfVersion(text)).toThrow(message.replace(/’/g, "'"));
});
