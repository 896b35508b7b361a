/**
 * A worker thread of the relay's fan-out load that only listens: a few plain websocket peers in
 * the room, joined after every stock client, that note when each edit's frame reaches them and
 * apply nothing. A server writes an update to its peers in the order they joined, so the last of
 * these peers gets it once the relay has written it to everyone: "edit → relay delivered to every
 * peer". Unlike the stock clients' arrival times, it leaves out how late the clients' own
 * threads, busy applying 5,000 updates a second on the same two cores, got to the frame.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import WebSocket from 'ws';

/** What the session tells the observer thread when it starts it. */
export interface ObserverSetup {
  port: number;
  room: string;
  token: string | undefined;
  count: number;
}

/** Session → observer. */
export type ToObserver = { type: 'collect' };

/** Observer → session: per peer, the edit ids (as the load workers number them) and arrival times. */
export type FromObserver = { type: 'ready' } | { type: 'collected'; arrivals: [id: number, at: number][][] } | { type: 'failed'; message: string };

const clockMs = (): number => Number(process.hrtime.bigint()) / 1e6;

const port = parentPort;
if (!port) throw new Error('relay-load-observer.ts runs as a worker thread of the relay benchmark.');
const setup = workerData as ObserverSetup;
const send = (msg: FromObserver) => port.postMessage(msg);

/** The edit ids load clients wrote in `update` (numbers, as cell values): several when the relay merged edits. */
const editIdsOf = (update: Uint8Array): number[] => {
  const ids: number[] = [];
  for (const s of Y.decodeUpdate(update).structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentAny)) continue;
    const v = s.content.arr[0];
    if (typeof v === 'number') ids.push(v);
  }
  return ids;
};

const sockets: WebSocket[] = [];
const arrivals: [number, number][][] = [];

const connect = (k: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const query = setup.token ? `?token=${encodeURIComponent(setup.token)}` : '';
    const ws = new WebSocket(`ws://127.0.0.1:${setup.port}/${setup.room}${query}`);
    ws.binaryType = 'nodebuffer';
    const got: [number, number][] = [];
    arrivals[k] = got;
    ws.on('message', (data: Buffer) => {
      const at = clockMs();
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      // y-websocket: 0 = sync (sub 2 = update), 1 = awareness.
      if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) return;
      for (const id of editIdsOf(decoding.readVarUint8Array(d))) got.push([id, at]);
    });
    ws.once('open', () => resolve());
    ws.once('error', reject);
    sockets.push(ws);
  });

port.on('message', (msg: ToObserver) => {
  if (msg.type !== 'collect') return;
  send({ type: 'collected', arrivals });
  for (const ws of sockets) ws.terminate();
});

(async () => {
  for (let k = 0; k < setup.count; k++) await connect(k);
})().then(
  () => send({ type: 'ready' }),
  (err: unknown) => send({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
);
