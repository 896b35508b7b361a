/**
 * The relay's settings, from flags (`npm start -- --no-auth`) over environment variables over
 * defaults. Values that cannot be used stop the start with a StartupError saying what to change.
 */
import { resolve } from 'node:path';
import { CliError, flag, parseArgs, type FlagSpec, type ParsedArgs } from './cli/args.ts';
import type { LogLevel } from './log.ts';
import type { Durability } from './store/sqlite.ts';

/** A setting or a resource that keeps the relay from starting; the message says what to do. */
export class StartupError extends Error {
  override name = 'StartupError';
  /** 2 for a setting that cannot be used, 1 for the machine (port taken, folder not writable). */
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Everything the relay process is configured with. */
export interface RelayConfig {
  host: string;
  port: number;
  dataDir: string;
  /** False only with --no-auth, which is allowed on loopback addresses only. */
  auth: boolean;
  /** Base of the links the relay prints and hands out (PUBLIC_URL), when it is reached through a proxy. */
  publicUrl: string | undefined;
  logLevel: LogLevel;
  /** Build the app before serving it when it is missing or stale. */
  build: boolean;
  /** Where the built app is served from. */
  appDir: string;
  /** Largest websocket message accepted; larger ones close that connection with 1009. */
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  /** Connections not (yet) upgraded to an authorised websocket, at most. */
  maxUnauthenticated: number;
  /** The same, from one client address (the oldest idle one makes room for a new one). */
  maxUnauthenticatedPerAddress: number;
  /** How long a connection may stay unauthenticated. */
  unauthenticatedTimeoutMs: number;
  /** A room is unloaded this long after its last client left. */
  roomGraceMs: number;
  /** A workbook's log is folded into its snapshot after this many updates at most (sooner by bytes, relay/compaction-due.ts). */
  compactAfter: number;
  /** How far an update is written before it is relayed (DURABILITY=commit|fsync). */
  durability: Durability;
  /** How often the relay looks for writes made by the CLI. */
  storePollMs: number;
  /** A client that lets this much outgoing data pile up is disconnected. */
  maxBufferedBytes: number;
  /** A workbook whose stored size is over this is not loaded (MAX_ROOM_BYTES). */
  maxRoomBytes: number;
  /** Largest sync message an editor may send (a reconnecting editor's backlog), MAX_SYNC_BYTES. */
  maxSyncBytes: number;
  /** Bytes of sync replies a connection may be sent per second (REPLY_RATE_LIMIT_BYTES); burst: 2 × maxRoomBytes. */
  replyBytesPerSecond: number;
  /** Ms of every second the relay may spend encoding document state afresh for one client (ENCODE_TIME_LIMIT_MS). */
  encodeMsPerSecond: number;
  /** API requests and websocket connects per second, per client address and per token. */
  apiRatePerSecond: number;
  apiRateBurst: number;
  /** Take the client's address from X-Forwarded-For (and scheme from X-Forwarded-Proto) when the peer is a proxy on this host. */
  trustProxy: boolean;
  /** Shows /healthz figures to a request that carries it (`Authorization: Bearer …`); loopback sees them anyway. */
  adminToken: string | undefined;
  /** DATABASE_URL: the PostgreSQL store shared by several relays, instead of SQLite in DATA_DIR. */
  databaseUrl: string | undefined;
}

const MiB = 1024 * 1024;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/;

/** True when `host` only accepts connections from this machine. */
export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

const int = (name: string, raw: string | undefined, fallback: number, min: number, max: number): number => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new StartupError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return n;
};

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** The relay's own flags; every other setting comes from the environment. */
const FLAGS: FlagSpec = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'no-auth': { type: 'boolean' },
  'no-build': { type: 'boolean' },
  'app-dir': { type: 'string' },
  'max-message-bytes': { type: 'string' },
};

/** The relay's usage line, shown with a flag it does not take. */
export const RELAY_USAGE = '[--host HOST] [--port PORT] [--data-dir DIR] [--no-auth] [--no-build] [--app-dir DIR] [--max-message-bytes N]';

/**
 * Default MAX_ROOM_BYTES: loading a workbook is one Yjs transaction that stops every other room
 * until it is done. On the shared 2-core machine of BENCHMARKS.md ("Relay under abuse"), a 6 MB
 * load took 0.27-0.53 s of CPU and stalled the other rooms 0.46 s (median; up to 1.3 s when other
 * processes took the cores); 8 MB took up to 0.5 s of CPU and 12 MB 0.6-0.9 s, with stalls over a
 * second once the machine is busy. 6 MiB is the largest size whose stall stays under a second.
 */
export const DEFAULT_MAX_ROOM_BYTES = 6 * MiB;

/** MAX_ROOM_BYTES from the environment (the relay and the CLI read it the same way). */
export const maxRoomBytesFrom = (env: NodeJS.ProcessEnv): number => int('MAX_ROOM_BYTES', env.MAX_ROOM_BYTES, DEFAULT_MAX_ROOM_BYTES, 64 * 1024, 4096 * MiB);

const bool = (name: string, raw: string | undefined): boolean => {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new StartupError(`${name} must be 1 (on) or 0 (off); it is "${raw}".`);
};

/** Reads the configuration from `argv` (after `npm start --`) and `env`; an unknown flag is a StartupError with the usage line. */
export const readConfig = (argv: readonly string[], env: NodeJS.ProcessEnv, root: string): RelayConfig => {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, FLAGS, RELAY_USAGE, 'npm start --');
  } catch (err) {
    if (err instanceof CliError) throw new StartupError(err.message);
    throw err;
  }
  if (args.positional.length > 0) throw new StartupError(`Unexpected argument "${args.positional[0]}".\nusage: npm start -- ${RELAY_USAGE}`);
  const host = flag(args, 'host') ?? env.HOST ?? '127.0.0.1';
  const auth = !(flag(args, 'no-auth') === 'true' || env.NO_AUTH === '1');
  if (!auth && !isLoopback(host)) {
    throw new StartupError(
      `--no-auth is only allowed when the relay listens on a loopback address (HOST=127.0.0.1, ::1 or localhost), not on ${host}: ` +
        'anyone who can reach it could read and change every workbook. Give people tokens instead: ' +
        'npm run -s workbook -- token create --workbook ID --role editor',
    );
  }
  const durability = (env.DURABILITY ?? 'commit') as Durability;
  if (durability !== 'commit' && durability !== 'fsync') {
    throw new StartupError(`DURABILITY must be "commit" (the default) or "fsync"; it is "${durability}".`);
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LEVELS.includes(logLevel)) throw new StartupError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}.`);
  const appDirFlag = flag(args, 'app-dir');
  const maxMessageBytes = int('--max-message-bytes (MAX_MESSAGE_BYTES)', flag(args, 'max-message-bytes') ?? env.MAX_MESSAGE_BYTES, MiB, 1024, 512 * MiB);
  const maxRoomBytes = maxRoomBytesFrom(env);
  // A sync message cannot usefully be bigger than a whole workbook the relay is willing to hold.
  const maxSyncBytes = int('MAX_SYNC_BYTES', env.MAX_SYNC_BYTES, Math.max(maxRoomBytes, maxMessageBytes), maxMessageBytes, 4096 * MiB);
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 16) throw new StartupError('ADMIN_TOKEN must be at least 16 characters long (a random string, such as the output of: openssl rand -hex 24).');
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(publicUrl)) {
    throw new StartupError(`PUBLIC_URL must look like https://workbook.example.com (scheme and host, no path); it is "${publicUrl}".`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new StartupError('DATABASE_URL must look like postgres://user:password@host:5432/database (or be unset to keep workbooks in DATA_DIR).');
  }
  return {
    host,
    port: int('PORT', flag(args, 'port') ?? env.PORT, 8787, 0, 65535),
    dataDir: resolve(flag(args, 'data-dir') ?? env.DATA_DIR ?? './data'),
    auth,
    publicUrl,
    logLevel,
    build: appDirFlag === undefined && flag(args, 'no-build') !== 'true',
    appDir: resolve(appDirFlag ?? resolve(root, 'dist')),
    maxMessageBytes,
    messagesPerSecond: int('RATE_LIMIT', env.RATE_LIMIT, 100, 1, 1_000_000),
    messageBurst: int('RATE_BURST', env.RATE_BURST, 500, 1, 10_000_000),
    bytesPerSecond: int('RATE_LIMIT_BYTES', env.RATE_LIMIT_BYTES, 8 * MiB, 1024, 1024 * MiB),
    maxUnauthenticated: int('MAX_UNAUTHENTICATED', env.MAX_UNAUTHENTICATED, 512, 1, 100_000),
    maxUnauthenticatedPerAddress: int('MAX_UNAUTHENTICATED_PER_ADDRESS', env.MAX_UNAUTHENTICATED_PER_ADDRESS, 64, 1, 100_000),
    unauthenticatedTimeoutMs: int('UNAUTHENTICATED_TIMEOUT_MS', env.UNAUTHENTICATED_TIMEOUT_MS, 10_000, 100, 600_000),
    roomGraceMs: int('ROOM_GRACE_MS', env.ROOM_GRACE_MS, 3000, 0, 3_600_000),
    compactAfter: int('COMPACT_AFTER', env.COMPACT_AFTER, 10_000, 1, 10_000_000),
    durability,
    storePollMs: int('STORE_POLL_MS', env.STORE_POLL_MS, 250, 10, 60_000),
    maxBufferedBytes: int('MAX_BUFFERED_BYTES', env.MAX_BUFFERED_BYTES, 64 * MiB, MiB, 4096 * MiB),
    maxRoomBytes,
    maxSyncBytes,
    replyBytesPerSecond: int('REPLY_RATE_LIMIT_BYTES', env.REPLY_RATE_LIMIT_BYTES, 4 * MiB, 64 * 1024, 4096 * MiB),
    encodeMsPerSecond: int('ENCODE_TIME_LIMIT_MS', env.ENCODE_TIME_LIMIT_MS, 100, 1, 1000),
    apiRatePerSecond: int('API_RATE_LIMIT', env.API_RATE_LIMIT, 20, 1, 1_000_000),
    apiRateBurst: int('API_RATE_BURST', env.API_RATE_BURST, 60, 1, 10_000_000),
    trustProxy: bool('TRUST_PROXY', env.TRUST_PROXY),
    adminToken,
    databaseUrl,
  };
};
