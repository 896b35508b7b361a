/**
 * Random HTTP requests for the relay's fuzz suite, as raw bytes: methods, paths of random bytes
 * and escapes, header shapes (valid, missing, duplicated, contradictory, oversized, folded),
 * bodies, and websocket upgrades. Some are valid, most are not; all come from a seeded Random.
 */
import type { Random } from '../../support/random.ts';

/** What the generator may put in requests: real ids and tokens, so that some requests go deep. */
export interface FuzzTargets {
  ids: string[];
  tokens: string[];
  /** Paths of files the relay serves (the big one for aborted downloads). */
  files: string[];
}

const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'get', 'G\u0000T', 'BREW', 'M-SEARCH'];
const SEGMENTS = [
  '', 'api', 'workbooks', 'state', 'tokens', 'assets', 'healthz', 'index.html', '..', '.', '%2e%2e', '%2e', '%2f', '%5c', '%00', '%0a', '%',
  '%z', '%zz', '%4', '%c0%ae', '%c0%af', '%ff', '%fe%ff', '%ed%a0%80', '%e4%ba%a7%e5%93%81', '%20', 'a%2fb', '~', '*', "'", ';', '@', 'x.js', '.git', 'etc',
  'passwd', 'w', '#', '?',
];

const hex = (b: number) => `%${b.toString(16).padStart(2, '0')}`;

/** A path segment: from the pool, a real id or file part, random escapes, or random raw bytes. */
const segment = (rnd: Random, t: FuzzTargets): string => {
  switch (rnd.int(6)) {
    case 0:
    case 1:
      return rnd.pick(SEGMENTS);
    case 2:
      return rnd.pick(t.ids);
    case 3:
      return Array.from(rnd.bytes(1 + rnd.int(12)), hex).join('');
    case 4:
      // Raw bytes as they would go on the wire (latin1), control and high bytes included.
      return String.fromCharCode(...Array.from(rnd.bytes(1 + rnd.int(8)), (b) => (b === 0x0a || b === 0x0d || b === 0x20 ? 0x41 : b)));
    default:
      return 'x'.repeat(rnd.pick([1, 64, 300, 3000]));
  }
};

const path = (rnd: Random, t: FuzzTargets): string => {
  if (rnd.chance(0.1)) return rnd.pick(t.files);
  if (rnd.chance(0.03)) return '*';
  let p = `/${Array.from({ length: 1 + rnd.int(5) }, () => segment(rnd, t)).join('/')}`;
  if (rnd.chance(0.3)) p += `?${rnd.pick(['token=', 'gc=1', 'a=%zz', 'x'])}${rnd.chance(0.5) ? rnd.pick(t.tokens) : ''}`;
  if (rnd.chance(0.05)) p = `http://${rnd.pick(['127.0.0.1', 'evil.example', ''])}${p}`;
  return p;
};

const HOSTS = ['127.0.0.1', '127.0.0.1:8787', 'localhost', 'evil.example', '[::1]', '', 'a b', '127.0.0.1:99999', 'x'.repeat(300)];

/** Header lines (without the final empty line). */
const headers = (rnd: Random, t: FuzzTargets, body: string): string[] => {
  const h: string[] = [];
  if (!rnd.chance(0.05)) h.push(`Host: ${rnd.pick(HOSTS)}`);
  if (rnd.chance(0.05)) h.push(`Host: ${rnd.pick(HOSTS)}`);
  if (rnd.chance(0.5)) h.push(`Authorization: ${rnd.pick(['Bearer ', 'Basic ', 'bearer ', ''])}${rnd.chance(0.6) ? rnd.pick(t.tokens) : rnd.pick(['owb_', 'owb_x', 'x'.repeat(200), '\u00ff\u00fe'])}`);
  if (body || rnd.chance(0.1)) {
    const len = rnd.chance(0.8) ? body.length : rnd.pick([-1, 0, 1, body.length + 10, 99999999999, 4097]);
    h.push(`Content-Length: ${len}`);
    if (rnd.chance(0.05)) h.push(`Content-Length: ${len + 1}`);
  }
  if (rnd.chance(0.08)) h.push(`Transfer-Encoding: ${rnd.pick(['chunked', 'gzip, chunked', 'chunked, identity', 'xchunked'])}`);
  if (rnd.chance(0.3)) h.push(`Connection: ${rnd.pick(['keep-alive', 'close', 'Upgrade', 'keep-alive, Upgrade'])}`);
  if (rnd.chance(0.2)) {
    h.push(`Upgrade: ${rnd.pick(['websocket', 'WebSocket', 'h2c', 'websocket, h2c'])}`);
    h.push(`Sec-WebSocket-Key: ${rnd.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'short', '', '!!!!!!!!!!!!!!!!!!!!!!!='])}`);
    h.push(`Sec-WebSocket-Version: ${rnd.pick(['13', '8', '', 'x'])}`);
    if (rnd.chance(0.5)) h.push(`Sec-WebSocket-Protocol: ${rnd.pick(['owb.v1', `owb.v1, owb.token.${rnd.pick(t.tokens)}`, 'owb.token.', 'a b, c', ',,,', 'owb.v1, owb.device.x'])}`);
  }
  if (rnd.chance(0.1)) h.push(`Origin: ${rnd.pick(['https://evil.example', 'null', 'http://127.0.0.1', ''])}`);
  if (rnd.chance(0.1)) h.push(`X-Forwarded-For: ${rnd.pick(['203.0.113.5', '1.2.3.4, 5.6.7.8', 'garbage', '::1', ''])}`);
  if (rnd.chance(0.1)) h.push(`Accept-Encoding: ${rnd.pick(['gzip, br', 'br;q=0', '*', ';;;', 'identity;q=x'])}`);
  if (rnd.chance(0.03)) h.push(`X-Long: ${'y'.repeat(rnd.pick([1000, 20_000, 70_000]))}`);
  if (rnd.chance(0.03)) h.push('No colon here');
  if (rnd.chance(0.03)) h.push('X-Folded: one', ' two');
  if (rnd.chance(0.03)) h.push(`X-Ctl: a\u0000b`);
  if (rnd.chance(0.05)) h.push(`${String.fromCharCode(...rnd.bytes(6).map((b) => 0x41 + (b % 26)))}: ${Array.from(rnd.bytes(10), hex).join('')}`);
  return h;
};

const body = (rnd: Random): string => {
  switch (rnd.int(8)) {
    case 0:
      return '{"role":"viewer"}';
    case 1:
      return '{"role":"editor"}';
    case 2:
      return String.fromCharCode(...rnd.bytes(1 + rnd.int(200)));
    case 3:
      return `{"role":"${'x'.repeat(5000)}"}`;
    case 4:
      return '{"role":';
    default:
      return '';
  }
};

/** A well-formed request of a kind the app or a client makes, with a random detail: it goes past the parser. */
const plausible = (rnd: Random, t: FuzzTargets): Buffer => {
  const id = rnd.pick(t.ids);
  const p = rnd.pick([
    rnd.pick(t.files),
    `/api/workbooks/${id}`,
    `/api/workbooks/${id}/state`,
    `/api/workbooks/${id}/tokens`,
    `/api/workbooks/${id}/nope`,
    '/api/other',
    '/healthz',
    `/${id}?token=${rnd.pick(t.tokens)}`,
    `/${id}/${Array.from(rnd.bytes(3), hex).join('')}`,
  ]);
  const method = rnd.pick(['GET', 'GET', 'HEAD', 'POST', 'DELETE']);
  const b = method === 'POST' ? rnd.pick(['{"role":"viewer"}', '{"role":"owner"}', 'not json', `{"x":"${'z'.repeat(5000)}"}`]) : '';
  const h = [`Host: ${rnd.pick(['127.0.0.1', `127.0.0.1:${rnd.pick(['8787', '1'])}`, 'localhost', 'evil.example'])}`];
  if (rnd.chance(0.7)) h.push(`Authorization: Bearer ${rnd.pick(t.tokens)}`);
  if (b) h.push(`Content-Length: ${b.length}`, 'Content-Type: application/json');
  if (rnd.chance(0.3)) h.push(`Accept-Encoding: ${rnd.pick(['gzip, br', 'identity', 'br;q=0'])}`);
  if (rnd.chance(0.15)) h.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13');
  else h.push(`Connection: ${rnd.pick(['keep-alive', 'close'])}`);
  if (rnd.chance(0.1)) h.push(rnd.pick(['Origin: https://evil.example', 'X-Forwarded-For: 203.0.113.9', `Sec-WebSocket-Protocol: owb.v1, owb.token.${rnd.pick(t.tokens)}`]));
  return Buffer.from(`${method} ${p} HTTP/1.1\r\n${h.join('\r\n')}\r\n\r\n${b}`, 'latin1');
};

/** One random request, as bytes for the wire: half of them well-formed, half anything. */
export const randomRequest = (rnd: Random, t: FuzzTargets): Buffer => {
  if (rnd.chance(0.5)) return plausible(rnd, t);
  const b = body(rnd);
  const version = rnd.pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 ', '']);
  const head = `${rnd.pick(METHODS)} ${path(rnd, t)} ${version}\r\n${headers(rnd, t, b).join('\r\n')}\r\n\r\n`;
  return Buffer.from(head + b, 'latin1');
};

/** Random bytes that are not HTTP at all. */
export const garbage = (rnd: Random): Buffer => Buffer.from(rnd.bytes(1 + rnd.int(2000)));
