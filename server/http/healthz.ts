/**
 * GET /healthz: what a load balancer or a service manager checks. Anyone gets 200 `{"ok":true}`
 * while the relay can read its catalog (503 `{"ok":false}` when it cannot). The figures (rooms,
 * connections, memory, delays) go only to a request from this machine's loopback or one that
 * carries ADMIN_TOKEN: they tell an outsider how busy the relay is and what it holds.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayConfig } from '../config.ts';
import type { RelayStats } from '../relay/relay.ts';
import type { StallCounts } from '../stall-watch.ts';
import type { Store } from '../store/contract.ts';
import { clientAddress, isLoopbackAddress } from './client-address.ts';

/** What /healthz reads. */
export interface HealthContext {
  config: Pick<RelayConfig, 'trustProxy' | 'adminToken'>;
  store: Store;
  relay: () => { stats(): RelayStats } | null;
  stalls?: () => StallCounts;
  started: number;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** True when `req` carries the admin token (compared in constant time). */
const isAdmin = (adminToken: string | undefined, req: IncomingMessage): boolean => {
  const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return adminToken !== undefined && given !== undefined && timingSafeEqual(digest(given), digest(adminToken));
};

/** Answers GET /healthz (see the module comment). */
export const serveHealth = async (ctx: HealthContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> => {
  let ok = true;
  try {
    await ctx.store.catalog.getMeta('demo_created');
  } catch {
    ok = false;
  }
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (!isLoopbackAddress(clientAddress(req, ctx.config.trustProxy)) && !isAdmin(ctx.config.adminToken, req)) {
    res.writeHead(ok ? 200 : 503, headers).end(JSON.stringify({ ok }));
    return;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  // Only a process started with --expose-gc (the memory tests) can be asked to collect first.
  if (gc && query.get('gc') === '1') gc();
  const mem = process.memoryUsage();
  const body = JSON.stringify({
    ok,
    uptimeS: Math.round((Date.now() - ctx.started) / 1000),
    ...(ctx.relay()?.stats() ?? {}),
    ...(ctx.stalls?.() ?? {}),
    heapUsedMB: Math.round(mem.heapUsed / 1048576),
    rssMB: Math.round(mem.rss / 1048576),
  });
  res.writeHead(ok ? 200 : 503, headers).end(body);
};
