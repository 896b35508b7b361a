/**
 * A small TCP load balancer for tests of several relays: each connection goes to the next relay in
 * turn that accepts it (a relay that is down is skipped), bytes pass through unchanged (websocket
 * upgrades included), and when either side closes, so does the other, as a proxy in front of
 * real relays would behave when one of them dies.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A running balancer. */
export interface TcpBalancer {
  port: number;
  /** Connections made to each backend port so far. */
  counts: Map<number, number>;
  close: () => Promise<void>;
}

/** Connects to `port` on loopback; null when nothing accepts there. */
const tryConnect = (port: number): Promise<Socket | null> =>
  new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.removeAllListeners('error');
      resolve(s);
    });
    s.once('error', () => resolve(null));
  });

/** Starts a balancer on a free loopback port in front of the relays listening on `backends()`. */
export const startBalancer = async (backends: () => number[]): Promise<TcpBalancer> => {
  let next = 0;
  const counts = new Map<number, number>();
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    client.pause();
    open.add(client);
    client.on('error', () => {});
    client.on('close', () => open.delete(client));
    void (async () => {
      const ports = backends();
      for (let i = 0; i < ports.length && !client.destroyed; i++) {
        const port = ports[(next + i) % ports.length] ?? 0;
        const upstream = await tryConnect(port);
        if (!upstream) continue;
        next = (next + i + 1) % ports.length;
        counts.set(port, (counts.get(port) ?? 0) + 1);
        open.add(upstream);
        upstream.on('error', () => {});
        upstream.on('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        return;
      }
      client.destroy();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
};
