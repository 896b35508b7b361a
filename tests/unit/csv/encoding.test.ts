/**
 * Encodings: UTF-8 with or without BOM, UTF-16 LE/BE, GBK/GB18030 (files from Chinese systems),
 * detected with a reason, and overridden by hand. There is no TextEncoder for GBK, so the GBK
 * bytes are made here from a small table of known characters (checked against GB18030 tables).
 */
import { describe, expect, test } from 'vitest';
import {
  decodeBytes,
  detectEncoding,
  ImportError,
  planImport,
  previewImport,
  type CsvEncoding,
} from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { bytesOf } from './read-as-text.ts';

const GBK: Record<string, [number, number]> = {
  你: [0xc4, 0xe3], 好: [0xba, 0xc3], 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 是: [0xca, 0xc7], 否: [0xb7, 0xf1],
  商: [0xc9, 0xcc], 品: [0xc6, 0xb7], 价: [0xbc, 0xdb], 格: [0xb8, 0xf1], 库: [0xbf, 0xe2], 存: [0xb4, 0xe6],
  元: [0xd4, 0xaa], 上: [0xc9, 0xcf], 架: [0xbc, 0xdc], 满: [0xc2, 0xfa], 减: [0xbc, 0xf5],
};

/** GBK bytes of a text made of ASCII and the characters of the table. */
const gbk = (text: string): Uint8Array =>
  Uint8Array.from([...text].flatMap((ch) => {
    const pair = GBK[ch];
    if (pair) return pair;
    const c = ch.charCodeAt(0);
    if (c < 0x80) return [c];
    throw new Error(`no GBK bytes for ${ch} in the test table`);
  }));

/** UTF-16 bytes with a BOM (or without, when `bom` is false). */
const utf16 = (text: string, le: boolean, bom = true): Uint8Array => {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
};

const FILE = '商品,价格,上架,库存\r\n你好,12元,是,3\r\n中文 满减,5元,否,0\r\n';

const importNew = async (bytes: Uint8Array, encoding?: CsvEncoding) => {
  const wb = Workbook.create({ name: 'Imports' });
  const preview = previewImport(bytes, { newSheet: 'Supplier' }, wb, encoding ? { encoding } : {});
  return { preview, plan: await planImport(bytes, preview.setup) };
};

describe('encoding: detection says what it found and why', () => {
  test.each([
    ['UTF-8 with BOM', bytesOf(`\uFEFF${FILE}`), 'utf-8', /byte order mark/],
    ['UTF-8 without BOM', bytesOf(FILE), 'utf-8', /valid UTF-8/],
    ['UTF-16 LE with BOM', utf16(FILE, true), 'utf-16le', /UTF-16 LE byte order mark/],
    ['UTF-16 BE with BOM', utf16(FILE, false), 'utf-16be', /UTF-16 BE byte order mark/],
    ['UTF-16 LE without BOM', utf16('SKU,Name\r\nA-1,Garlic press\r\n', true, false), 'utf-16le', /without a byte order mark/],
    ['GBK', gbk(FILE), 'gb18030', /GBK/],
    ['Windows-1252 (Western Excel)', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0d, 0x0a]), 'windows-1252', /Windows-1252/],
  ] as const)('%s', (_what, bytes, encoding, reason) => {
    const found = detectEncoding(bytes);
    expect(found.encoding).toBe(encoding);
    expect(found.reason).toMatch(reason);
  });
});

describe('encoding: every encoding imports the same typed rows', () => {
  test.each([
    ['UTF-8 with BOM', bytesOf(`\uFEFF${FILE}`)],
    ['UTF-8 without BOM', bytesOf(FILE)],
    ['UTF-16 LE', utf16(FILE, true)],
    ['UTF-16 BE', utf16(FILE, false)],
    ['GBK', gbk(FILE)],
  ])('%s', async (_what, bytes) => {
    const { preview, plan } = await importNew(bytes);
    expect(preview.headers).toEqual(['商品', '价格', '上架', '库存']);
    expect(preview.setup.columns.map((c) => c.into?.type)).toEqual(['text', 'currency', 'boolean', 'integer']);
    expect(preview.setup.columns[1]?.into?.options).toEqual({ currency: 'CNY' });
    expect(plan.problems).toEqual([]);
    expect(plan.rows).toEqual([
      ['你好', 12, true, 3],
      ['中文 满减', 5, false, 0],
    ]);
  });

  test('the preview shows every row of a small file, the last one too when no line break ends it', () => {
    const wb = Workbook.create({ name: 'Imports' });
    const preview = previewImport(gbk('商品,价格\r\n你好,12元\r\n中文,5元'), { newSheet: 'Supplier' }, wb);
    expect(preview.rows).toEqual([['你好', '12元'], ['中文', '5元']]);
  });

  test('GB18030 four-byte characters decode too', () => {
    expect(decodeBytes(Uint8Array.from([0x61, 0x95, 0x32, 0x82, 0x36]), 'gb18030')).toBe('a𠀀');
  });
});

describe('encoding: the manual override', () => {
  test('a GBK file read as UTF-8: the preview says so, and the import is refused with a sentence that says what to do', async () => {
    const bytes = gbk(FILE);
    const wb = Workbook.create({ name: 'Imports' });
    const preview = previewImport(bytes, { newSheet: 'Supplier' }, wb, { encoding: 'utf-8' });
    expect(preview.setup.encoding).toBe('utf-8');
    expect(preview.detectedEncoding.encoding).toBe('gb18030');
    expect(preview.notes).toContain('The file is not valid UTF-8; choose the encoding it was saved in.');
    await expect(planImport(bytes, preview.setup)).rejects.toThrow(ImportError);
    await expect(planImport(bytes, preview.setup)).rejects.toThrow(
      'The file is not valid UTF-8. Choose the encoding it was saved in (UTF-8, UTF-16 or GBK) and try again.',
    );
  });

  test('the override wins over detection: a UTF-8 file forced to Windows-1252 shows mojibake, as asked', async () => {
    const { plan } = await importNew(bytesOf('名,x\r\n是,1\r\n'), 'windows-1252');
    expect(plan.setup.encoding).toBe('windows-1252');
    expect(plan.setup.columns[0]?.header).not.toBe('名');
  });
});
