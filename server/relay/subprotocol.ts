/**
 * The websocket subprotocol: how the app hands its token to the relay without putting it in the
 * URL (which proxies log). The client offers a list of protocol entries, `owb.v1` first and then
 * one entry per field, `owb.<field>.<value>`: `owb.token.<token>` and `owb.device.<key>` (the
 * browser's device key, see src/sync/device-key.ts); a relay that does not know a field ignores it. The relay answers with
 * `owb.v1` only, so no value is ever echoed into a response header. Values must be HTTP token
 * characters (tokens are `owb_` + base64url, which are). Stock clients keep using `?token=`.
 * The app (src/sync/connection.ts) writes the same names.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The protocol the relay selects. */
export const PROTOCOL = 'owb.v1';
/** The entry that carries the token. */
export const TOKEN_ENTRY = 'owb.token.';

/** The entry that carries the device key. */
export const DEVICE_ENTRY = 'owb.device.';

/** A device key: random, base64url (the app makes 32 bytes, 43 characters). */
const DEVICE_KEY = /^[A-Za-z0-9_-]{22,86}$/;

/** The entries of a request's Sec-WebSocket-Protocol header. */
const entries = (req: IncomingMessage): string[] =>
  (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** The token of an upgrade request: from its protocol entries, else from the `token` query parameter. */
export const upgradeToken = (req: IncomingMessage, query: URLSearchParams): string | null => {
  const entry = entries(req).find((p) => p.startsWith(TOKEN_ENTRY));
  return entry !== undefined ? entry.slice(TOKEN_ENTRY.length) : query.get('token');
};

/** ws's handleProtocols: select `owb.v1` when offered, else none (a stock client offers none). */
export const selectProtocol = (offered: Set<string>): string | false => (offered.has(PROTOCOL) ? PROTOCOL : false);

/**
 * The owner a device key stands for: a hash of it, so that what the relay stores, logs and shows
 * (client-id owners) never lets anyone present the key itself. Undefined when the request sent
 * none, null when it sent one that is not a device key.
 */
export const upgradeDevice = (req: IncomingMessage): string | null | undefined => {
  const entry = entries(req).find((p) => p.startsWith(DEVICE_ENTRY));
  if (entry === undefined) return undefined;
  const key = entry.slice(DEVICE_ENTRY.length);
  if (!DEVICE_KEY.test(key)) return null;
  return `device:${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
};
