import { describe, expect, test } from 'vitest';
import { BackupFileError, decodeBackupFile, encodeBackupFile, Workbook } from '../../../src/model/index.ts';
import { seededRandom } from '../../support/random.ts';

const workbook = () => {
  const wb = Workbook.create({ name: 'Backup test' });
  const sheet = wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }, { name: 'Cost', type: 'currency' }] });
  wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), Array.from({ length: 50 }, (_, i) => [`SKU-${i}`, i + 0.5]));
  return wb.encode();
};

describe('backup files carry a checksum', () => {
  test('a backup reads back as the update it holds, checked', () => {
    const update = workbook();
    const file = encodeBackupFile(update);
    expect(new TextDecoder().decode(file.subarray(0, 20))).toBe('OWB-BACKUP 1 sha256=');
    const { update: back, checked } = decodeBackupFile(file);
    expect(checked).toBe(true);
    expect(back).toEqual(update);
  });

  test('30 backups with a byte flipped anywhere in them are all refused (seeded)', () => {
    const rnd = seededRandom(30);
    const file = encodeBackupFile(workbook());
    let refused = 0;
    for (let i = 0; i < 30; i++) {
      const bad = file.slice();
      const at = rnd.int(bad.length);
      bad[at] = (bad[at] ?? 0) ^ (1 + rnd.int(255));
      try {
        const r = decodeBackupFile(bad);
        // Flipping the header's first bytes makes it a file without a header: unchecked, never trusted as checked.
        if (!r.checked) refused++;
      } catch (err) {
        expect(err, `seed 30, flip ${i} at ${at}`).toBeInstanceOf(BackupFileError);
        refused++;
      }
    }
    expect(refused).toBe(30);
  });

  test('a copy cut short is refused with a sentence that says so', () => {
    const file = encodeBackupFile(workbook());
    expect(() => decodeBackupFile(file.subarray(0, file.length - 10))).toThrow(/damaged: it should hold \d+ bytes after its header but holds \d+/);
  });

  test('a file without the header (written before checksums) is read as unchecked', () => {
    const update = workbook();
    expect(decodeBackupFile(update)).toEqual({ update, checked: false });
  });
});
