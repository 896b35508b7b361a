/**
 * The websocket subprotocol: how the app hands its token to the relay without putting it in the
 * URL (which proxies log). The client offers a list of protocol entries, `owb.v1` first and then
 * one entry per field, `owb.<field>.<value>`: today `owb.token.<token>`; a later field (a device
 * id, say) is one more entry, and a relay that does not know it ignores it. The relay answers with
 * `owb.v1` only, so no value is ever echoed into a response header. Values must be HTTP token
 * characters (tokens are `owb_` + base64url, which are). Stock clients keep using `?token=`.
 * The app (src/sync/connection.ts) writes the same names.
 */
import type { IncomingMessage } from 'node:http';

/** The protocol the relay selects. */
export const PROTOCOL = 'owb.v1';
/** The entry that carries the token. */
export const TOKEN_ENTRY = 'owb.token.';

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
