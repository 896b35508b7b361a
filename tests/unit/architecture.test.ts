/**
 * The layer table of docs/architecture.md, as dependency-cruiser checks it (.dependency-cruiser.cjs):
 * no import breaks a rule unless it is in the recorded baseline, and the baseline only shrinks (an
 * entry that no longer occurs fails here until it is removed with `npm run lint:baseline`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

const key = (v: Violation): string => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

const cruise = (): Violation[] => {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', 'sheets', 'server', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const out = JSON.parse(r.stdout) as { summary: { violations: Violation[] } };
  return out.summary.violations;
};

test('architecture: every import follows the layer table, and the baseline of older violations only shrinks', { timeout: 120_000 }, () => {
  const found = new Set(cruise().map(key));
  const known = new Set((JSON.parse(readFileSync(join(ROOT, '.dependency-cruiser-known-violations.json'), 'utf8')) as Violation[]).map(key));
  expect([...found].filter((k) => !known.has(k)), 'new violations (see docs/architecture.md)').toEqual([]);
  expect([...known].filter((k) => !found.has(k)), 'fixed: remove them from the baseline with `npm run lint:baseline`').toEqual([]);
});

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

test('architecture: files in the headless core stay small (at most 400 lines)', () => {
  const long = ['src/schema', 'src/formula', 'src/app']
    .flatMap((d) => {
      try {
        return files(join(ROOT, d));
      } catch {
        return [];
      }
    })
    // Lines, not line breaks: the newline that ends the last line starts no line of its own.
    .filter((f) => readFileSync(f, 'utf8').replace(/\n$/, '').split('\n').length > 400)
    .map((f) => relative(ROOT, f));
  expect(long).toEqual([]);
});
