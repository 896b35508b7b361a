/**
 * Where the relay answers, recorded in its data folder when it starts (DATA_DIR/relay-address.json),
 * so the CLI's links (`token create --link`) point at the port the relay really took, without
 * PORT being set again for the CLI. The file is read as untrusted: anything but an http(s) base
 * URL is ignored and the caller falls back to HOST and PORT.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file the relay records its address in. */
export const RELAY_ADDRESS_FILE = 'relay-address.json';

/** Longest base URL taken from the file (a real one is far shorter). */
const MAX_URL = 2048;

/** Records `url` (PUBLIC_URL, or the address the relay listens on) for the CLI; replaced whole, never half written. */
export const recordRelayAddress = (dataDir: string, url: string): void => {
  const file = join(dataDir, RELAY_ADDRESS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ url, pid: process.pid, startedAt: new Date().toISOString() })}\n`, { mode: 0o600 });
  renameSync(temp, file);
};

/** The base URL the relay recorded in `dataDir`, without a trailing slash; undefined when there is none or it cannot be read. */
export const recordedRelayAddress = (dataDir: string): string | undefined => {
  let text: string;
  try {
    text = readFileSync(join(dataDir, RELAY_ADDRESS_FILE), 'utf8');
  } catch {
    return undefined;
  }
  if (text.length > MAX_URL + 200) return undefined;
  try {
    const record: unknown = JSON.parse(text);
    const url = record !== null && typeof record === 'object' && Object.hasOwn(record, 'url') ? (record as { url: unknown }).url : undefined;
    if (typeof url !== 'string' || url.length > MAX_URL) return undefined;
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    if (parsed.username || parsed.password || parsed.search || parsed.hash) return undefined;
    return url.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
};
