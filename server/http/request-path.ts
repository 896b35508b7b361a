/**
 * The one place a request's path is decoded, for the static files, the API and websocket upgrades.
 * Percent-escapes are decoded per segment as strict UTF-8, and anything a file path or an id could
 * be tricked with is refused with a 400: a malformed escape (`%`, `%zz`), bytes that are not UTF-8
 * (the overlong `%c0%ae` that some decoders read as "."), NUL and other control characters, an
 * encoded "/" or "\\", and "." or ".." segments. `decodeURIComponent` is never called on a request.
 */
import { HttpError } from './http-error.ts';

/** A request target, decoded. */
export interface RequestTarget {
  /** The decoded segments between "/" (empty ones kept: "/a//b" is ["a", "", "b"]). */
  segments: string[];
  /** "/" + the segments joined by "/". */
  path: string;
  query: URLSearchParams;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const refuse = (why: string): never => {
  throw new HttpError(400, `That address cannot be read (${why}).`);
};

const HEX = /^[0-9a-fA-F]{2}$/;

/** Decodes one raw path segment; refuses what could change which file or id it names. */
const decodeSegment = (raw: string): string => {
  if (!raw.includes('%')) return checkSegment(raw);
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 0x25) {
      bytes.push(c);
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!HEX.test(hex)) refuse('a "%" that is not followed by two hexadecimal digits');
    bytes.push(Number.parseInt(hex, 16));
    i += 2;
  }
  let text = '';
  try {
    text = utf8.decode(new Uint8Array(bytes));
  } catch {
    refuse('escaped bytes that are not UTF-8');
  }
  if (text.includes('/') || text.includes('\\')) refuse('an escaped "/" or "\\"');
  return checkSegment(text);
};

// Controls (C0, DEL, C1): never part of a file name or an id the relay serves.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const checkSegment = (s: string): string => {
  if (CONTROL.test(s)) refuse('a control character');
  if (s === '.' || s === '..') refuse('a "." or ".." segment');
  return s;
};

// What may appear unescaped in a path (RFC 3986 pchar and "/"); browsers escape everything else.
const RAW_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

/** Decodes `url` (req.url: origin-form "/a/b?q", or absolute-form "http://host/a/b?q"). Throws HttpError 400. */
export const parseTarget = (url: string | undefined): RequestTarget => {
  let raw = url ?? '/';
  const absolute = /^https?:\/\/[^/?#]*/i.exec(raw);
  if (absolute) raw = raw.slice(absolute[0].length) || '/';
  if (!raw.startsWith('/')) refuse('it does not start with "/"');
  const q = raw.indexOf('?');
  const rawPath = q < 0 ? raw : raw.slice(0, q);
  const rawQuery = q < 0 ? '' : raw.slice(q + 1);
  if (!RAW_PATH.test(rawPath)) refuse('a character that must be escaped');
  if (rawQuery.includes('#')) refuse('a "#"');
  const segments = rawPath.slice(1).split('/').map(decodeSegment);
  return { segments, path: `/${segments.join('/')}`, query: new URLSearchParams(rawQuery) };
};

/**
 * The path of `url` for a log line: decoded when it can be, else its raw form, cut short, never
 * with the query, and with anything shaped like a token (pasted into a path by mistake) hidden.
 */
export const pathForLog = (url: string | undefined): string => {
  let path: string;
  try {
    path = parseTarget(url).path;
  } catch {
    path = (url ?? '').split('?')[0] ?? '';
  }
  return path.replace(/owb_[A-Za-z0-9_-]+/g, 'owb_…').slice(0, 200);
};
