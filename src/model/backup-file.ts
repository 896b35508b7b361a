/**
 * The backup file (.ywb), as the CLI's `backup` and the app's workbook list write it: one header
 * line with a SHA-256 checksum and the length of what follows, then the whole workbook as one Yjs
 * update. A file whose bytes were changed (a damaged disk, a truncated copy, an edit) no longer
 * matches its checksum and is refused, instead of being restored as some other content (Yjs
 * decodes many altered updates without complaint).
 *
 *   OWB-BACKUP 1 sha256=<64 hex digits> bytes=<length>\n<update>
 *
 * Files written before the checksum existed are the bare update: they read as `checked: false`,
 * and the caller decides whether to trust them.
 */
import { digest } from 'lib0/hash/sha256';

const MAGIC = 'OWB-BACKUP ';
const HEADER = /^OWB-BACKUP 1 sha256=([0-9a-f]{64}) bytes=(\d{1,12})\n/;
/** A header line is shorter than this. */
const MAX_HEADER = 128;

/** A backup file that is damaged or altered (or of a newer format); the message is a sentence to show. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes of a backup file holding `update`. */
export const encodeBackupFile = (update: Uint8Array): Uint8Array => {
  const header = new TextEncoder().encode(`${MAGIC}1 sha256=${hex(digest(update))} bytes=${update.byteLength}\n`);
  const out = new Uint8Array(header.byteLength + update.byteLength);
  out.set(header, 0);
  out.set(update, header.byteLength);
  return out;
};

/**
 * The update in a backup file. `checked` is true when the file carries a checksum and it matches;
 * false for a file of the older format without one. Throws BackupFileError when a checksum or a
 * length does not match, or the header cannot be read.
 */
export const decodeBackupFile = (bytes: Uint8Array): { update: Uint8Array; checked: boolean } => {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, MAX_HEADER));
  if (!start.startsWith(MAGIC)) return { update: bytes, checked: false };
  const m = HEADER.exec(start);
  if (!m) throw new BackupFileError('This backup file has a header that cannot be read: it is damaged, or written by a newer version.');
  const update = bytes.subarray(m[0].length);
  if (update.byteLength !== Number(m[2])) {
    throw new BackupFileError(`This backup file is damaged: it should hold ${m[2]} bytes after its header but holds ${update.byteLength} (a copy cut short?).`);
  }
  if (hex(digest(update)) !== m[1]) throw new BackupFileError('This backup file is damaged or was altered: its content does not match its checksum.');
  return { update, checked: true };
};
