/**
 * Text encodings of CSV files: detection and decoding with the platform's TextDecoder (Node and
 * Chromium both decode gb18030/GBK and UTF-16).
 *
 * Detection is deliberate rather than statistical: a byte order mark is certain, valid UTF-8 is
 * almost certain, and a file that is neither is, for our users, GBK/GB18030 (Chinese Excel and
 * ERP exports) or, when it is not even valid GB18030, Windows-1252 (Western Excel). A charset
 * guessing package would add weight for encodings we do not expect and would still guess; the
 * user can always override.
 */
import { ImportError } from './import-errors.ts';

/** Encodings an import can read. `gb18030` also reads GBK and GB2312 (it is their superset). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252'] as const;
export type CsvEncoding = (typeof ENCODINGS)[number];

/** Names to show for each encoding. */
export const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GBK / GB18030',
  'windows-1252': 'Windows-1252 (Western)',
};

/** A detected encoding and why it was chosen (a sentence to show). */
export interface DetectedEncoding {
  encoding: CsvEncoding;
  reason: string;
}

/** How much of a file detection looks at. */
const SAMPLE_BYTES = 1 << 20;

/** True when `bytes` (possibly cut in the middle of a character) are valid in `encoding`. */
export const decodes = (bytes: Uint8Array, encoding: CsvEncoding): boolean => {
  try {
    // `stream` lets a sample end in the middle of a character without counting as an error.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/** UTF-16 without BOM: ASCII text has a zero byte in every other position. */
const utf16WithoutBom = (b: Uint8Array): CsvEncoding | null => {
  const n = Math.min(b.length & ~1, 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
};

/** The encoding of a file, from its first megabyte. */
export const detectEncoding = (bytes: Uint8Array): DetectedEncoding => {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', reason: 'The file starts with a UTF-8 byte order mark.' };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', reason: 'The file starts with a UTF-16 LE byte order mark.' };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', reason: 'The file starts with a UTF-16 BE byte order mark.' };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, reason: `The file looks like ${ENCODING_NAMES[utf16]} without a byte order mark.` };
  if (decodes(sample, 'utf-8')) return { encoding: 'utf-8', reason: 'The file is valid UTF-8.' };
  if (decodes(sample, 'gb18030')) {
    return { encoding: 'gb18030', reason: 'The file is not UTF-8; it reads as GBK / GB18030 (Chinese Windows and Excel).' };
  }
  return { encoding: 'windows-1252', reason: 'The file is neither UTF-8 nor GBK; it is read as Windows-1252.' };
};

/**
 * The text of `bytes` in `encoding`, without its byte order mark. Bytes that are not valid in that
 * encoding make it fail with a sentence that says to choose another encoding.
 */
export const decodeBytes = (bytes: Uint8Array, encoding: CsvEncoding): string => {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      `The file is not valid ${ENCODING_NAMES[encoding]}. Choose the encoding it was saved in (UTF-8, UTF-16 or GBK) and try again.`,
    );
  }
};

/**
 * The first part of a file as text, for a preview: cut at a character boundary, and with U+FFFD
 * for invalid bytes, so that a wrong encoding shows as garbled text rather than failing.
 */
export const decodeStart = (bytes: Uint8Array, encoding: CsvEncoding, maxBytes: number): string =>
  new TextDecoder(encoding).decode(bytes.subarray(0, maxBytes), { stream: bytes.length > maxBytes });
