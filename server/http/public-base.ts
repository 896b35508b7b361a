/**
 * The base of the links the relay hands out (share links, the first-start link). PUBLIC_URL when
 * it is set. Without it, a request's Host header is only believed when it names this machine's
 * loopback or the very address and port the request came in on: anyone can send any Host, and a
 * link built from `Host: evil.example` would send a teammate's token to that site.
 */
import type { IncomingMessage } from 'node:http';
import type { RelayConfig } from '../config.ts';
import { isLoopbackAddress } from './client-address.ts';

const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/;

const isLoopbackName = (name: string): boolean => name.toLowerCase() === 'localhost' || isLoopbackAddress(name) || name === '[::1]';

const plain = (ip: string): string => ip.replace(/^::ffff:(?=\d+\.)/, '');

/** The listening address as a URL base (for the start message). */
export const listeningBase = (config: Pick<RelayConfig, 'host' | 'port'>): string => {
  const h = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${h}:${config.port}`;
};

/** The base URL for links in answer to `req`: PUBLIC_URL, or a trusted Host (see the module comment), else null. */
export const linkBase = (config: Pick<RelayConfig, 'publicUrl' | 'trustProxy'>, req: IncomingMessage): string | null => {
  if (config.publicUrl) return config.publicUrl;
  const m = HOST.exec(req.headers.host ?? '');
  if (!m) return null;
  const name = m[1] ?? '';
  const port = m[2] === undefined ? 80 : Number(m[2]);
  const local = plain(req.socket.localAddress ?? '');
  const addressed = name.replace(/^\[|\]$/g, '') === local;
  if (!(isLoopbackName(name) || addressed) || port !== req.socket.localPort) return null;
  // Behind a TLS proxy on this host (TRUST_PROXY) the request arrives as http; the proxy says what the browser used.
  const proxied = config.trustProxy && isLoopbackAddress(plain(req.socket.remoteAddress ?? ''));
  const scheme = proxied && req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${scheme}://${m[0]}`;
};
