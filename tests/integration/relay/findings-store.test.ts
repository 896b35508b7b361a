/**
 * Regression tests of the store findings of the attack on the relay (issue #14), each named after
 * its finding: the catalog is never silently replaced, files are private, backups carry a checksum,
 * a damaged file is reported as such, and the first-start link goes only to a terminal.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeBackupFile } from '../../../src/model/index.ts';
import { restoreCommand } from '../../../server/cli/restore.ts';
import { CliError } from '../../../server/cli/args.ts';
import { loadWorkbook } from '../../../server/store/stored-workbook.ts';
import { ROOT } from '../../support/app-server.ts';
import { freePort } from '../../support/ports.ts';
import { connectClient, within } from '../../support/relay-clients.ts';
import { seededRandom } from '../../support/random.ts';
import { productsWorkbook, rawUpgrade, runCli, runStartExpectingExit, seed, startRelay, tempDataDir, withTestStore } from './fixtures.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const mode = (path: string) => statSync(path).mode & 0o777;

describe('finding: an empty catalog.sqlite silently replaced the demo', () => {
  const withWorkbooks = async () => {
    const dataDir = tempDataDir();
    const tokens = await seed(dataDir, ['plan', 'ops']);
    const files = { plan: sha(join(dataDir, 'workbooks', 'plan.sqlite')), ops: sha(join(dataDir, 'workbooks', 'ops.sqlite')) };
    return { dataDir, tokens, files };
  };
  const loseCatalog = (dataDir: string, how: 'empty' | 'missing' | 'damaged') => {
    const path = join(dataDir, 'catalog.sqlite');
    for (const side of ['-wal', '-shm']) rmSync(path + side, { force: true });
    if (how === 'missing') rmSync(path);
    else if (how === 'empty') truncateSync(path, 0);
    else writeFileSync(path, Buffer.alloc(8192, 'not a database '));
  };

  test.each(['empty', 'missing', 'damaged'] as const)('a %s catalog next to workbook files stops the start with a sentence; nothing is replaced', async (how) => {
    const { dataDir, files } = await withWorkbooks();
    loseCatalog(dataDir, how);
    const r = await runStartExpectingExit({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('npm run -s workbook -- repair-catalog');
    expect(r.stderr).toContain('every access token must then be issued again');
    expect(r.stderr).toMatch(/holds 2 workbook file\(s\)|lists no workbook/);
    expect(r.stderr).not.toContain('token=');
    expect(readdirSync(join(dataDir, 'workbooks')).sort()).toEqual(['ops.sqlite', 'plan.sqlite']);
    expect(sha(join(dataDir, 'workbooks', 'plan.sqlite'))).toBe(files.plan);
    // The CLI refuses the same folder rather than making a new catalog.
    const cli = await runCli(dataDir, ['token', 'list', '--workbook', 'plan']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('repair-catalog');
  });

  test('repair-catalog rebuilds it from the files: the relay starts again with no demo, old tokens are gone, new ones work', async () => {
    const { dataDir, tokens } = await withWorkbooks();
    loseCatalog(dataDir, 'damaged');
    const repair = await runCli(dataDir, ['repair-catalog']);
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain('The old catalog could not be used; it was moved to');
    expect(repair.stdout).toContain('Added 2 workbook(s)');
    expect(repair.stdout).toContain('plan  "Test shop"');
    expect(repair.stdout).toContain('Their old access tokens cannot be recovered');
    expect(repair.stdout).toContain('space invite --space team --role owner');
    expect((await runCli(dataDir, ['space', 'list'])).stdout).toContain('team\tTeam\t2 workbooks\t0 members');
    expect(readdirSync(dataDir).some((f) => f.startsWith('catalog.sqlite.damaged-'))).toBe(true);
    expect((await runCli(dataDir, ['repair-catalog'])).stdout).toContain('already lists every workbook file; nothing was added');

    const token = (await runCli(dataDir, ['token', 'create', '--workbook', 'plan', '--role', 'editor'])).stdout.trim();
    const server = await startRelay({ dataDir });
    try {
      expect(server.firstLink()).toBeUndefined();
      expect((await rawUpgrade(server.port, `/plan?token=${tokens.plan?.editor}`)).status).toBe(401);
      const c = connectClient(server.port, 'plan', token);
      await within('a new token opens the repaired workbook', c.synced());
      expect(c.wb().rowCount(c.wb().sheets()[0]?.id ?? '')).toBe(3);
      c.destroy();
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dataDir, 'workbooks', 'demo.sqlite'))).toBe(false);
  });

  test('the demo is made only into an empty DATA_DIR: a folder where the CLI made a workbook first gets none', async () => {
    const dataDir = tempDataDir();
    expect((await runCli(dataDir, ['create', '--workbook', 'mine', '--template', 'blank'])).code).toBe(0);
    const server = await startRelay({ dataDir });
    try {
      expect(server.firstLink()).toBeUndefined();
      expect(server.output()).toContain('token create --workbook');
    } finally {
      await server.stop();
    }
    expect(readdirSync(join(dataDir, 'workbooks'))).toEqual(['mine.sqlite']);
  });
});

describe('finding: data files were 0644', () => {
  test('folders are 0700 and files 0600, new ones and those an earlier version left open', async () => {
    const dataDir = tempDataDir();
    const t = await seed(dataDir, ['old']);
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'workbooks'), 0o755);
    chmodSync(join(dataDir, 'workbooks', 'old.sqlite'), 0o644);
    const server = await startRelay({ dataDir });
    try {
      // A room writes to the file (its write-ahead log appears next to it).
      const c = connectClient(server.port, 'old', t.old?.editor);
      await within('the workbook opened', c.synced());
      const wb = c.wb();
      wb.insertRows(wb.sheets()[0]?.id ?? '', { count: 1 });
      await new Promise((r) => setTimeout(r, 300));
      c.destroy();
      expect(server.stdout()).toContain('"event":"store.modes_tightened"');
    } finally {
      await server.stop();
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'workbooks'))).toBe(0o700);
    for (const f of readdirSync(join(dataDir, 'workbooks'))) expect(mode(join(dataDir, 'workbooks', f)), f).toBe(0o600);
    for (const f of readdirSync(dataDir).filter((n) => n.includes('.sqlite') || n.endsWith('.txt'))) expect(mode(join(dataDir, f)), f).toBe(0o600);
    const backup = join(dataDir, 'old.ywb');
    expect((await runCli(dataDir, ['backup', '--workbook', 'old', '--out', backup])).code).toBe(0);
    expect(mode(backup)).toBe(0o600);
  });
});

describe('finding: backups carried no integrity check', () => {
  test('30 backups with a byte flipped are all refused, nothing restored; the intact one restores (seeded)', async () => {
    const dataDir = tempDataDir();
    await seed(dataDir, ['shop']);
    const backup = join(dataDir, 'shop.ywb');
    expect((await runCli(dataDir, ['backup', '--workbook', 'shop', '--out', backup])).code).toBe(0);
    const bytes = readFileSync(backup);
    const rnd = seededRandom(14);
    const before = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    try {
      for (let i = 0; i < 30; i++) {
        const bad = Buffer.from(bytes);
        const at = rnd.int(bad.length);
        bad[at] = (bad[at] ?? 0) ^ (1 + rnd.int(255));
        const file = join(dataDir, `bad-${i}.ywb`);
        writeFileSync(file, bad);
        await expect(restoreCommand.run(['--workbook', `copy-${i}`, file]), `seed 14, flip ${i} at byte ${at}`).rejects.toBeInstanceOf(CliError);
      }
    } finally {
      process.env.DATA_DIR = before;
    }
    expect(await withTestStore(dataDir, async (s) => (await s.catalog.workbooks()).map((w) => w.id))).toEqual(['shop']);
    const one = await runCli(dataDir, ['restore', '--workbook', 'copy', join(dataDir, 'bad-0.ywb')]);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/damaged|no checksum/);
    expect((await runCli(dataDir, ['restore', '--workbook', 'copy', backup])).code).toBe(0);
    const [copy, shop] = await withTestStore(dataDir, (s) => Promise.all([loadWorkbook(s, 'copy'), loadWorkbook(s, 'shop')]));
    expect(JSON.stringify(copy.toJSON())).toBe(JSON.stringify(shop.toJSON()));
  });

  test('a backup from before checksums restores only with --unverified', async () => {
    const dataDir = tempDataDir();
    const old = join(dataDir, 'old.ywb');
    writeFileSync(old, productsWorkbook(2).encode());
    const refused = await runCli(dataDir, ['restore', '--workbook', 'old', old]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('has no checksum');
    expect((await runCli(dataDir, ['restore', '--workbook', 'old', '--unverified', old])).code).toBe(0);
    // And the checked form of the same content restores as it is.
    writeFileSync(old, encodeBackupFile(productsWorkbook(2).encode()));
    expect((await runCli(dataDir, ['restore', '--workbook', 'old2', old])).code).toBe(0);
  });
});

describe('finding: a permanently damaged file answered 503 "try again in a moment"', () => {
  test('GET /state of a damaged workbook answers 500 and says to restore it from a backup', async () => {
    const dataDir = tempDataDir();
    const t = await seed(dataDir, ['broken']);
    writeFileSync(join(dataDir, 'workbooks', 'broken.sqlite'), Buffer.alloc(8192, 'this is not a database '));
    const server = await startRelay({ dataDir });
    try {
      const r = await fetch(`${server.url}/api/workbooks/broken/state`, { headers: { Authorization: `Bearer ${t.broken?.viewer}` } });
      expect(r.status).toBe(500);
      const { error } = (await r.json()) as { error: string };
      expect(error).toContain('is damaged and cannot be opened');
      expect(error).not.toContain('try again');
    } finally {
      await server.stop();
    }
  });
});

describe('finding: the first-start link went to whatever read the output', () => {
  test('in a terminal it is printed (and no file is written)', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const cmd = `${process.execPath} --import tsx ${join(ROOT, 'server', 'start.ts')} --no-build`;
    const proc = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, detached: true });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!/#\/s\/team\?token=owb_/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain(`http://127.0.0.1:${port}/#/s/team?token=owb_`);
      expect(existsSync(join(dataDir, 'first-start-link.txt'))).toBe(false);
    } finally {
      if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    }
  });
});
