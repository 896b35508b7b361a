/**
 * Who a request comes from, for per-client limits and logs. Normally the TCP peer. Behind a proxy
 * on the same host every peer is 127.0.0.1, so with TRUST_PROXY a loopback peer's request is taken
 * to come from the address that proxy appended last to X-Forwarded-For (earlier entries were sent
 * by the client and prove nothing). A peer that is not on loopback is never believed.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** True for an address of this machine's loopback (127.0.0.0/8, ::1, and their IPv4-mapped forms). */
export const isLoopbackAddress = (ip: string): boolean => /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip) || ip === '::1';

/** The address without an IPv4-mapped IPv6 prefix ("::ffff:10.0.0.2" → "10.0.0.2"). */
const plain = (ip: string): string => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

/** The client's address of `req` (see the module comment); "" when the socket has none (already closed). */
export const clientAddress = (req: IncomingMessage, trustProxy: boolean): string => {
  const peer = plain(req.socket.remoteAddress ?? '');
  if (!trustProxy || !isLoopbackAddress(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim() ?? '';
  return isIP(last) ? plain(last) : peer;
};

/**
 * The key limits count an address under: IPv4 as it is, IPv6 by its /64 (one household or host
 * gets a whole /64, so counting single IPv6 addresses would give one client billions of keys).
 */
export const addressKey = (ip: string): string => {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...new Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};
