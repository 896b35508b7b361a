import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readConfig } from '../../../server/config.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The `Key=value` lines of a systemd unit (every value of a repeated key). */
const entries = (text: string): [string, string][] =>
  text
    .split('\n')
    .filter((l) => /^[A-Za-z]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);

test('deploy: the systemd unit starts server/start.ts with options it knows, restarts it on failure, and lets it write only its data folder', () => {
  const unit = entries(readFileSync(join(ROOT, 'deploy', 'ops-workbook.service'), 'utf8'));
  const get = (k: string) => unit.filter(([key]) => key === k).map(([, v]) => v);
  const [node, ...args] = (get('ExecStart')[0] ?? '').split(' ');
  expect(node).toBe('/usr/bin/node');
  const script = args.find((a) => a.endsWith('.ts')) ?? '';
  expect(existsSync(join(ROOT, script))).toBe(true);
  const env = Object.fromEntries(get('Environment').map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  // The settings it passes are ones the relay accepts.
  const config = readConfig(args.slice(args.indexOf(script) + 1), env, ROOT);
  expect(config).toMatchObject({ build: false, dataDir: '/srv/ops-workbook', trustProxy: true, publicUrl: 'https://workbook.example.com' });
  expect(get('Restart')).toEqual(['on-failure']);
  expect(get('KillSignal')).toEqual(['SIGTERM']);
  expect(get('ReadWritePaths')).toEqual([env.DATA_DIR]);
  expect(get('UMask')).toEqual(['0077']);
});
