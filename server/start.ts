/**
 * `npm start`: one process that serves the built app, the y-websocket relay at
 * ws://HOST:PORT/<workbookId>?token=…, the small HTTP API and /healthz (default 127.0.0.1:8787,
 * data in ./data). Creates the team space with the demo workbook on first start and prints the
 * link that makes its owner.
 *
 * stdout carries the structured log (one JSON line per event, never a token); stderr carries the
 * few sentences meant for the person who started it: the link to open, or why it could not start.
 * The first-start link holds the owner's token: it is printed only to a terminal; under a service
 * manager (stderr goes to the journal) it is written to a file only the relay's user can read.
 *
 * No request or message ends the process (each handler fails alone, see server/http/guarded.ts);
 * it exits on SIGTERM/SIGINT, when its store cannot be trusted at start, or on a bug that escaped
 * every guard (uncaughtException: logged, exit 1, and a service manager restarts it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoWorkbook } from '../sheets/demo.ts';
import { buildIfNeeded } from './build/build-if-needed.ts';
import { readConfig, StartupError, type RelayConfig } from './config.ts';
import { createHttpServer } from './http/http-server.ts';
import { listeningBase } from './http/public-base.ts';
import { recordRelayAddress } from './relay-address.ts';
import { createLogger, errorMessage, type Logger } from './log.ts';
import { ClientLimits } from './relay/client-limits.ts';
import { Relay } from './relay/relay.ts';
import { SocketGuard } from './relay/socket-guard.ts';
import { watchStalls } from './stall-watch.ts';
import { workbookFileIds } from './store/catalog-check.ts';
import type { Store } from './store/contract.ts';
import { StoreError } from './store/errors.ts';
import { openStore } from './store/open-store.ts';
import { describeUrl } from './store/pg/pg-db.ts';
import { writeRelayPid } from './store/relay-pid.ts';
import { createWorkbook } from './store/stored-workbook.ts';
import { DEFAULT_SPACE } from './store/catalog-spaces.ts';
import { spaceLink } from './spaces/links.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let log: Logger = createLogger('info');

const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

const listen = (server: Server, config: RelayConfig): Promise<number> =>
  new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const { host, port } = config;
      if (err.code === 'EADDRINUSE') reject(new StartupError(`Port ${port} on ${host} is already in use; stop the program using it or set PORT to another port.`, 1));
      else if (err.code === 'EACCES') reject(new StartupError(`This user may not listen on port ${port}; use a port above 1023, such as PORT=8787.`, 1));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new StartupError(`HOST=${host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its own addresses.`));
      else reject(err);
    };
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });

/**
 * On the very first start into an empty DATA_DIR: the team space with the demo workbook in it and,
 * with auth, its first owner, whose personal token is returned (shown once). A folder that
 * already holds other workbooks gets neither.
 */
const firstStart = async (store: Store, dataDir: string, auth: boolean): Promise<{ token: string | null } | null> => {
  if (await store.catalog.getMeta('demo_created')) return null;
  const others = [...(await store.catalog.workbooks()).map((w) => w.id), ...workbookFileIds(dataDir)].filter((id) => id !== 'demo');
  if (others.length > 0) return null;
  if (!(await store.catalog.space(DEFAULT_SPACE.id))) {
    try {
      await store.catalog.createSpace(DEFAULT_SPACE.id, DEFAULT_SPACE.name);
    } catch (err) {
      // Another start made it meanwhile (relays sharing one PostgreSQL store start at once).
      if (!(err instanceof StoreError) || !(await store.catalog.space(DEFAULT_SPACE.id))) throw err;
    }
  }
  if (!(await store.catalog.has('demo'))) {
    try {
      await createWorkbook(store, 'demo', createDemoWorkbook(), DEFAULT_SPACE.id);
    } catch (err) {
      // Relays sharing one PostgreSQL store start at once: another one created it first.
      if (!(err instanceof StoreError && (await store.catalog.has('demo')))) throw err;
    }
  }
  if (!auth) {
    await store.catalog.setMeta('demo_created', new Date().toISOString());
    return { token: null };
  }
  // The member and the flag are written together: the link is printed by exactly one start.
  const made = await store.catalog.addMemberOnce('demo_created', DEFAULT_SPACE.id, 'owner', 'Owner');
  return made && { token: made.token };
};

/** Shows the first-start link: on a terminal; else in a file only this user can read, whose path is logged. */
const showFirstLink = (dataDir: string, link: string, token: boolean): void => {
  if (!token || process.stderr.isTTY) {
    say(`\nOps workbook is running. Open your team's space (the demo workbook is in it):\n\n  ${link}\n`);
    if (token) say('This link makes you the owner of the space and is shown only now; keep it private. Invite your team from the space\'s page.\n');
    return;
  }
  const file = join(dataDir, FIRST_LINK_FILE);
  // With DATABASE_URL, nothing else may have made the folder.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${link}\n`, { mode: 0o600 });
  log.info('relay.first_link_written', { path: file });
  say(`\nOps workbook is running. The link to your team's space holds its owner's token, so it is not printed here: it is in ${file} (readable by this user only). Delete the file once you have it.\n`);
};

/** The file the first-start link goes to when stderr is not a terminal. */
const FIRST_LINK_FILE = 'first-start-link.txt';

const main = async (): Promise<void> => {
  const config = readConfig(process.argv.slice(2), process.env, root);
  log = createLogger(config.logLevel);
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    durability: config.durability,
    autoCheckpoint: false,
    pollMs: config.storePollMs,
    log,
  });
  // Commands that must not run beside a SQLite relay (migrate --to) look for this.
  const removePid = config.databaseUrl ? () => {} : writeRelayPid(config.dataDir);
  process.on('exit', removePid);
  if (config.build) buildIfNeeded(root, (message) => log.info('app.build', { message }));
  let relay: Relay | null = null;
  let guard: SocketGuard | null = null;
  const stalls = watchStalls(log);
  const clients = new ClientLimits(config);
  const server = createHttpServer({ config, store, log, clients, relay: () => relay, guard: () => guard, stalls: () => stalls.counts() });
  guard = new SocketGuard(
    server,
    { max: config.maxUnauthenticated, maxPerAddress: config.maxUnauthenticatedPerAddress, timeoutMs: config.unauthenticatedTimeoutMs, trustProxy: config.trustProxy },
    log,
  );
  relay = new Relay(store, config, log, guard, clients);
  const port = await listen(server, config);
  const first = await firstStart(store, config.dataDir, config.auth);
  const base = config.publicUrl ?? listeningBase({ ...config, port });
  // The CLI's links use the port taken here (PORT=0 picks any), not whatever its own environment says.
  // Several relays on one PostgreSQL have no data folder of their own to record it in.
  if (!config.databaseUrl) recordRelayAddress(config.dataDir, base);
  const where = config.databaseUrl ? { database: describeUrl(config.databaseUrl) } : { dataDir: config.dataDir };
  log.info('relay.listening', { url: base, auth: config.auth, ...where, workbooks: (await store.catalog.workbooks()).length });

  if (first) {
    showFirstLink(config.dataDir, spaceLink(base, DEFAULT_SPACE.id, first.token), first.token !== null);
  } else {
    say(`\nOps workbook is running at ${base}/`);
    if (config.auth) {
      say('Open your space with your personal link; an owner can invite you, or make an invite with:\n  npm run -s workbook -- space invite --space ID --role owner');
      say('A link to one workbook, for someone outside a space:\n  npm run -s workbook -- token create --workbook ID --role editor --link\n');
    }
  }
  if (!config.auth) say('Access checks are off (--no-auth): anyone on this machine can open every workbook.\n');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info('relay.stopping', { signal });
    setTimeout(() => {
      log.error('relay.stop_timeout', { message: 'shutdown took over 15 s; exiting anyway (every update was already committed)' });
      process.exit(1);
    }, 15_000).unref();
    server.close();
    await relay?.close();
    server.closeAllConnections();
    await store.close();
    log.info('relay.stopped', {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
};

process.on('uncaughtException', (err) => {
  // Every update is committed before it is relayed, so exiting here loses nothing that was acknowledged.
  log.error('relay.crashed', { message: errorMessage(err), stack: err.stack });
  process.exit(1);
});

main().catch((err: unknown) => {
  const known = err instanceof StartupError || err instanceof StoreError;
  const message = known ? err.message : `The relay could not start: ${errorMessage(err)}`;
  log.error('relay.start_failed', { message });
  say(message);
  process.exit(err instanceof StartupError ? err.exitCode : 1);
});
