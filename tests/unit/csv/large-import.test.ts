/**
 * Large files are read in chunks: progress is reported, the event loop gets a turn between chunks
 * (so a Web Worker can take a cancel message), and a cancel stops the import with nothing written.
 */
import { describe, expect, test } from 'vitest';
import { ImportCancelledError, planImport, previewImport, type ImportProgress } from '../../../src/csv/index.ts';
import { bytesOf } from './read-as-text.ts';
import { shop } from './shop.ts';

const ROWS = 20_000;
const bigFile = (): Uint8Array =>
  bytesOf(['SKU,Name,Cost,Stock', ...Array.from({ length: ROWS }, (_x, i) => `S-${i},"Item ${i}, ""big""",${i % 100}.5,${i}`)].join('\r\n'));

const setupFor = (bytes: Uint8Array) => {
  const { wb, sheet } = shop();
  return { wb, sheet, setup: previewImport(bytes, { sheetId: sheet }, wb).setup };
};

describe('large import: progress and cancel', () => {
  test('progress rises chunk by chunk to the whole file, with the records read so far', async () => {
    const bytes = bigFile();
    const seen: ImportProgress[] = [];
    const plan = await planImport(bytes, setupFor(bytes).setup, { chunkSize: 64 * 1024, onProgress: (p) => seen.push(p) });
    expect(plan.rows).toHaveLength(ROWS);
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]?.fraction).toBeGreaterThan(seen[i - 1]?.fraction ?? 0);
      expect(seen[i]?.records).toBeGreaterThan(seen[i - 1]?.records ?? 0);
    }
    expect(seen.at(-1)).toEqual({ fraction: 1, records: ROWS });
  });

  test('a cancel sent from outside while the file is read stops it (the event loop got its turn)', async () => {
    const bytes = bigFile();
    const { wb, setup } = setupFor(bytes);
    const before = wb.encode();
    const cancel = new AbortController();
    let chunks = 0;
    const planning = planImport(bytes, setup, { chunkSize: 16 * 1024, signal: cancel.signal, onProgress: () => chunks++ });
    setTimeout(() => cancel.abort(), 0);
    await expect(planning).rejects.toThrow(ImportCancelledError);
    await expect(planning).rejects.toThrow('The import was cancelled; nothing was written.');
    expect(chunks).toBeGreaterThan(0);
    expect(chunks).toBeLessThan(bytes.length / (16 * 1024));
    expect(wb.encode()).toEqual(before);
  });

  test('a cancel before the start rejects at once', async () => {
    const bytes = bigFile();
    const cancel = new AbortController();
    cancel.abort();
    await expect(planImport(bytes, setupFor(bytes).setup, { signal: cancel.signal })).rejects.toThrow(ImportCancelledError);
  });

  test('the chunk size never changes what is read (records across chunk boundaries, CRLF split in two)', async () => {
    const bytes = bigFile();
    const { setup } = setupFor(bytes);
    const whole = await planImport(bytes, setup, { chunkSize: 1 << 24 });
    const small = bytes.subarray(0, 1500);
    for (const chunkSize of [3, 7, 64, 1000]) {
      const [a, b] = await Promise.all([planImport(small, setup, { chunkSize }), planImport(small, setup, { chunkSize: 1 << 24 })]);
      expect(a.rows, `chunk size ${chunkSize}`).toEqual(b.rows);
      expect(a.problems, `chunk size ${chunkSize}`).toEqual(b.problems);
    }
    expect(whole.rows[ROWS - 1]).toEqual([`S-${ROWS - 1}`, `Item ${ROWS - 1}, "big"`, 99.5, ROWS - 1]);
  });
});
