import { describe, expect, test } from 'vitest';
import { isLoopback, readConfig, RELAY_USAGE, StartupError } from '../../../server/config.ts';

const read = (argv: string[], env: Record<string, string> = {}) => readConfig(argv, env, '/app');

describe('relay configuration', () => {
  test('defaults: 127.0.0.1:8787, ./data, auth on, 1 MiB messages, commits before relaying, the app built into dist', () => {
    const c = read([]);
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8787, auth: true, maxMessageBytes: 1048576, durability: 'commit', build: true, appDir: '/app/dist' });
    expect(read([], { DURABILITY: 'fsync' }).durability).toBe('fsync');
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  test('limits per client: defaults, and MAX_SYNC_BYTES following MAX_ROOM_BYTES unless set', () => {
    const c = read([]);
    expect(c).toMatchObject({
      maxRoomBytes: 6 * 1048576,
      maxSyncBytes: 6 * 1048576,
      maxUnauthenticated: 512,
      maxUnauthenticatedPerAddress: 64,
      apiRatePerSecond: 20,
      apiRateBurst: 60,
      replyBytesPerSecond: 4 * 1048576,
      encodeMsPerSecond: 100,
      trustProxy: false,
      adminToken: undefined,
    });
    expect(read([], { MAX_ROOM_BYTES: String(32 * 1048576) }).maxSyncBytes).toBe(32 * 1048576);
    expect(read([], { MAX_ROOM_BYTES: String(65536), MAX_MESSAGE_BYTES: String(1048576) }).maxSyncBytes).toBe(1048576);
    expect(read([], { MAX_SYNC_BYTES: String(2 * 1048576) }).maxSyncBytes).toBe(2 * 1048576);
    expect(read([], { TRUST_PROXY: '1', ADMIN_TOKEN: 'a-long-enough-secret' })).toMatchObject({ trustProxy: true, adminToken: 'a-long-enough-secret' });
  });

  test('flags win over the environment', () => {
    expect(read(['--port', '9000', '--max-message-bytes=4096'], { PORT: '8000', MAX_MESSAGE_BYTES: '2048' })).toMatchObject({ port: 9000, maxMessageBytes: 4096 });
    expect(read(['--app-dir', '/srv/app'])).toMatchObject({ build: false, appDir: '/srv/app' });
  });

  test.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1'])('--no-auth is allowed on %s', (host) => {
    expect(read(['--no-auth'], { HOST: host }).auth).toBe(false);
    expect(isLoopback(host)).toBe(true);
  });

  test.each(['0.0.0.0', '192.168.1.20', '::', 'example.com'])('--no-auth is refused on %s', (host) => {
    expect(() => read(['--no-auth'], { HOST: host })).toThrow(/only allowed when the relay listens on a loopback address/);
  });

  test.each([
    [['--tokenless'], 'Unknown option --tokenless.'],
    [['--port'], '--port needs a value.'],
    [['--no-auth=yes'], '--no-auth takes no value.'],
    [['serve'], 'Unexpected argument "serve".'],
  ])('a flag the relay does not take stops it with the usage line: %j', (argv, sentence) => {
    let caught: unknown;
    try {
      read(argv);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StartupError);
    expect((caught as StartupError).exitCode).toBe(2);
    expect((caught as StartupError).message).toBe(`${sentence}\nusage: npm start -- ${RELAY_USAGE}`);
  });

  test.each([
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535'],
    [{ MAX_MESSAGE_BYTES: '1.5' }, 'MAX_MESSAGE_BYTES'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
    [{ PUBLIC_URL: 'workbook.example.com/x' }, 'PUBLIC_URL must look like'],
    [{ DURABILITY: 'eventually' }, 'DURABILITY must be "commit" (the default) or "fsync"'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be 1 (on) or 0 (off)'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN must be at least 16 characters'],
    [{ MAX_SYNC_BYTES: '1024' }, 'MAX_SYNC_BYTES must be a whole number from 1048576'],
    [{ MAX_ROOM_BYTES: '10' }, 'MAX_ROOM_BYTES must be a whole number from 65536'],
  ])('a setting that cannot be used says so: %o', (env, message) => {
    expect(() => read([], env)).toThrow(StartupError);
    expect(() => read([], env)).toThrow(message);
  });
});
