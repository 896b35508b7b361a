/**
 * What the relay holds durably, as a client learns it: a client's sync step 1 is answered with
 * step 2 and then the relay's own step 1, whose state vector shows the client's edits only once
 * they are committed. Stock clients answer that extra step 1 harmlessly.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { Workbook } from '../../../src/model/index.ts';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within } from '../../support/relay-clients.ts';
import { seed, startRelay, tempDataDir, type Tokens } from './fixtures.ts';

let server: AppServer;
let dataDir: string;
let tokens: Tokens;

beforeAll(async () => {
  dataDir = tempDataDir();
  tokens = await seed(dataDir, ['plan']);
  server = await startRelay({ dataDir });
});
afterAll(async () => {
  await server?.stop();
});

type SyncMessage = { sub: number; payload: Uint8Array };

/** A raw y-websocket connection that records the sync messages it receives. */
const rawClient = async (token: string): Promise<{ ws: WebSocket; got: SyncMessage[]; send: (write: (e: encoding.Encoder) => void) => void }> => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/plan?token=${token}`);
  const got: SyncMessage[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    got.push({ sub: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) });
  });
  await within('the socket opens', new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)));
  const send = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    write(e);
    ws.send(encoding.toUint8Array(e));
  };
  return { ws, got, send };
};

describe('the relay tells a client what it holds durably', () => {
  test('step 1 is answered with step 2 and the relay’s state vector, which names the client’s edit once committed; the edit survives SIGKILL', async () => {
    const token = tokens.plan?.editor ?? '';
    const c = await rawClient(token);
    const doc = new Y.Doc();
    c.send((e) => syncProtocol.writeSyncStep1(e, doc));
    await waitFor('the first answer', () => c.got.some((m) => m.sub === syncProtocol.messageYjsSyncStep2));
    for (const m of c.got) if (m.sub === syncProtocol.messageYjsSyncStep2) Y.applyUpdate(doc, m.payload);
    const wb = new Workbook(doc);
    const sheet = wb.sheets()[0]?.id ?? '';
    const row = wb.rowIds(sheet)[0] ?? '';
    const cost = wb.columns(sheet)[2]?.id ?? '';

    const sent: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => sent.push(u));
    wb.setCell(sheet, row, cost, 123.45);
    c.got.length = 0;
    c.send((e) => syncProtocol.writeUpdate(e, sent[0] ?? new Uint8Array()));
    c.send((e) => syncProtocol.writeSyncStep1(e, doc));
    await waitFor('the answer to the second step 1', () => c.got.some((m) => m.sub === syncProtocol.messageYjsSyncStep1));
    // Step 2 first (nothing the client lacks), then the relay's state vector.
    expect(c.got.map((m) => m.sub)).toEqual([syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsSyncStep1]);
    const sv = Y.decodeStateVector(c.got[1]?.payload ?? new Uint8Array());
    expect(sv.get(doc.clientID)).toBe(Y.getState(doc.store, doc.clientID));
    c.ws.close();

    await server.stop('SIGKILL');
    server = await startRelay({ dataDir, port: server.port });
    const fresh = connectClient(server.port, 'plan', token);
    await fresh.synced();
    expect(fresh.wb().cell(sheet, row, cost)).toBe(123.45);
    fresh.destroy();
  });

  test('stock clients answer the extra step 1 with nothing to store: a viewer that only reads drops no write', async () => {
    const viewer = connectClient(server.port, 'plan', tokens.plan?.viewer, {});
    const editor = connectClient(server.port, 'plan', tokens.plan?.editor, {});
    await Promise.all([viewer.synced(), editor.synced()]);
    const sheet = editor.wb().sheets()[0]?.id ?? '';
    const row = editor.wb().rowIds(sheet)[1] ?? '';
    const name = editor.wb().columns(sheet)[1]?.id ?? '';
    editor.wb().setCell(sheet, row, name, 'Seen by the viewer');
    await waitFor('the viewer has the edit', () => viewer.wb().cell(sheet, row, name) === 'Seen by the viewer');
    viewer.destroy();
    editor.destroy();
    await waitFor('both connections are closed in the log', () => (server.stdout().match(/"conn.closed"/g) ?? []).length >= 2);
    expect(server.stdout()).not.toContain('viewer_write_dropped');
  });
});
