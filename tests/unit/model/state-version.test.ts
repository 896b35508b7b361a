/** An export names the workbook state it shows: the same edits give the same version on every replica. */
import { expect, test } from 'vitest';
import { stateVersion, Workbook } from '../../../src/model/index.ts';
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
  expect(after).toMatch(/^sv:[A-Za-z0-9+/]+=*$/);
  expect(stateVersion(Workbook.load(wb.encode()))).toBe(after);
});
