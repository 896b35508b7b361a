/**
 * Stock y-websocket clients in Node, for the relay tests and the relay benchmark: the unchanged
 * `WebsocketProvider` of y-websocket 3.1 over the `ws` package, with the cross-tab BroadcastChannel
 * turned off (in one Node process it would let clients sync with each other without the relay).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Workbook } from '../../src/model/index.ts';

// Each provider adds a process 'exit' listener; tests and the benchmark open dozens at once.
process.setMaxListeners(Math.max(process.getMaxListeners(), 500));

/** One client: its document, its provider, and the workbook read through the model. */
export interface RelayClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The model over `doc` (created on first use). */
  wb: () => Workbook;
  /** Resolves once the provider has synced with the relay. */
  synced: () => Promise<void>;
  destroy: () => void;
}

/** Opens a stock provider to `ws://127.0.0.1:port/<workbook>?token=…`. */
export const connectClient = (
  port: number,
  workbook: string,
  token?: string,
  opts: { doc?: Y.Doc; connect?: boolean; protocols?: string[] } = {},
): RelayClient => {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, workbook, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
    connect: opts.connect ?? true,
    protocols: opts.protocols ?? [],
  });
  let wb: Workbook | null = null;
  return {
    doc,
    provider,
    wb: () => (wb ??= new Workbook(doc)),
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const on = (s: boolean) => {
              if (!s) return;
              provider.off('sync', on);
              resolve();
            };
            provider.on('sync', on);
          }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
};

/** Polls `check` until it returns true; fails with `what` after `timeoutMs` (a bound against hanging, not a speed check). */
export const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Waits for a promise, failing with `what` after `timeoutMs`. */
export const within = <T,>(what: string, p: Promise<T>, timeoutMs = 20_000): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`Timed out waiting until ${what}`)), timeoutMs).unref())]);
