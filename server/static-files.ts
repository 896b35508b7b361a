/**
 * Serves the built app from dist/: hashed assets cached for a year, index.html never cached, and
 * the build's brotli or gzip copy of a file sent when the browser accepts it. The path comes
 * decoded and checked (server/http/request-path.ts); a file is streamed with stream.pipeline, which
 * closes it when the client goes away before the end.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { COMPRESSIBLE } from './build/precompress.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Headers every page of the app is served with. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self' ws: wss:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A file's stat, or undefined when there is no such file (or the path cannot be one: ENOTDIR, ENAMETOOLONG …). */
const fileStat = (path: string): Stats | undefined => {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s?.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Serves a file of `dist` for a GET/HEAD request of the decoded `path`; returns false when there
 * is none (the caller answers 404).
 */
export const serveStatic = (dist: string, decodedPath: string, req: IncomingMessage, res: ServerResponse): boolean => {
  let path = decodedPath;
  if (path === '/' || !extname(path)) path = '/index.html';
  const file = normalize(join(dist, path));
  const stat = file.startsWith(dist + sep) ? fileStat(file) : undefined;
  if (!stat) return false;
  const hashed = path.startsWith('/assets/');
  const encoding = precompressed(file, stat.mtimeMs, req.headers['accept-encoding']);
  const sent = encoding ? `${file}.${ENCODINGS[encoding]}` : file;
  const size = encoding ? (fileStat(sent)?.size ?? 0) : stat.size;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Caches must keep the copies for different Accept-Encoding headers apart.
    ...(COMPRESSIBLE.test(file) ? { Vary: 'Accept-Encoding' } : {}),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  if (req.method === 'HEAD') res.end();
  // Exactly the bytes announced: a file replaced while it is sent (a new build published into the
  // app folder) must not add bytes that the browser would read as the start of the next response.
  else if (size === 0) res.end();
  else {
    const stream = () =>
      pipeline(createReadStream(sent, { start: 0, end: size - 1 }), res, () => {
        // An aborted download or a file gone meanwhile: pipeline has closed the file and the response.
      });
    // A response queued behind others on its connection (pipelining) opens its file only when its
    // turn comes: Node never closes a queued response whose connection dies, so a file opened for
    // it would stay open.
    if (res.socket) stream();
    else res.once('socket', stream);
  }
  return true;
};

/** Content-Encoding → the extension of the build's copy in that encoding (server/build/precompress.ts). */
const ENCODINGS = { br: 'br', gzip: 'gz' } as const;
type Encoding = keyof typeof ENCODINGS;

/** The encodings an Accept-Encoding header allows (`br;q=0` refuses brotli). */
export const acceptedEncodings = (header: string | string[] | undefined): Set<string> => {
  const out = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) out.add(name);
  }
  return out;
};

/**
 * The best encoding the browser accepts of which the build wrote a copy of `file`, if any. A copy
 * older than the file is stale (the file was replaced, a copy not written) and is not used.
 */
const precompressed = (file: string, written: number, header: string | string[] | undefined): Encoding | undefined => {
  if (!COMPRESSIBLE.test(file)) return undefined;
  const accepted = acceptedEncodings(header);
  return (['br', 'gzip'] as const).find((e) => {
    if (!accepted.has(e) && !accepted.has('*')) return false;
    const copy = fileStat(`${file}.${ENCODINGS[e]}`);
    return copy !== undefined && copy.mtimeMs >= written;
  });
};
