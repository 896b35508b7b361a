/**
 * What the attack tests need beyond the relay fixtures: raw HTTP bytes on a TCP socket from a chosen
 * loopback address, raw websockets, and the relay process's open files and memory from /proc.
 * Every wait is bounded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';

/** Open file descriptors of process `pid`. */
export const openFiles = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;

/** Resident memory of process `pid`, MB. */
export const rssMB = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** A TCP connection to the relay from `localAddress` (127.0.0.1 unless said). */
export const tcp = (port: number, localAddress = '127.0.0.1'): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', localAddress });
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });

/** What came back on a raw connection: every byte until the server closed it (or `waitMs` passed), and whether it closed. */
export interface RawReply {
  text: string;
  closed: boolean;
  /** Status of the first response, 0 when none came. */
  status: number;
}

/** Sends `bytes` on a new connection and collects the answer (see RawReply). */
export const rawRequest = async (port: number, bytes: string | Buffer, opts: { localAddress?: string; waitMs?: number } = {}): Promise<RawReply> => {
  const s = await tcp(port, opts.localAddress);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let closed = false;
    const done = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      s.destroy();
      resolve({ text, closed, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0) });
    };
    s.on('data', (d: Buffer) => chunks.push(d));
    s.on('error', () => {});
    s.on('close', () => {
      closed = true;
      done();
    });
    setTimeout(done, opts.waitMs ?? 3000).unref();
    s.write(bytes);
  });
};

/** A GET request as raw bytes (the path exactly as given: fetch would normalise it). */
export const rawGet = (path: string, headers: Record<string, string> = {}): string =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}Connection: close\r\n\r\n`;

/** A raw websocket that records what it receives and how it closed. */
export interface RawSocket {
  ws: WebSocket;
  received: number;
  closeCode: number | null;
  closeReason: string;
}

/** Opens a raw websocket; rejects with the HTTP status when the upgrade is refused. */
export const rawSocket = (url: string, opts: { protocols?: string[]; localAddress?: string } = {}): Promise<RawSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts.protocols ?? [], { localAddress: opts.localAddress ?? '127.0.0.1' });
    const raw: RawSocket = { ws, received: 0, closeCode: null, closeReason: '' };
    ws.binaryType = 'nodebuffer';
    ws.on('message', (d: Buffer) => (raw.received += d.byteLength));
    ws.on('close', (code, reason) => {
      raw.closeCode = code;
      raw.closeReason = reason.toString();
    });
    ws.on('error', () => {});
    ws.on('open', () => resolve(raw));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });

/** A sync step 1 with an empty state vector: "send me the whole workbook". */
export const EMPTY_STEP1 = new Uint8Array([0, 0, 1, 0]);
