/**
 * `npm run bench [name …]`: runs the named benchmarks (all when none is named), each in a fresh
 * Node process (so heap figures are its own), prints a table, and rewrites their sections of
 * BENCHMARKS.md with the date and the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fmt, type Figure } from './harness.ts';
import { BENCHES } from './registry.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = join(ROOT, 'BENCHMARKS.md');

const names = process.argv.slice(2);
const chosen = names.length ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES;
if (names.length && chosen.length !== names.length) {
  console.error(`Unknown benchmark; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);

const table = (figs: Figure[]): string => {
  const rows = figs.map(
    (f) =>
      `| ${f.what} | ${fmt(f.value)} ${f.unit} | ${f.budget ?? ''} | ${f.ok === undefined ? '' : f.ok ? 'yes' : '**no**'} | ${f.note ?? ''} |`,
  );
  return ['| what | measured | budget | within | note |', '|---|---|---|---|---|', ...rows].join('\n');
};

let doc = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
if (!doc.startsWith('# Benchmarks')) {
  doc = '# Benchmarks\n\nWritten by `npm run bench`; each section is replaced when its benchmark runs again. Anchors run in the same process as what they anchor.\n';
}
let failed = false;
for (const b of chosen) {
  console.log(`\n== ${b.title} (${b.name})`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(import.meta.dirname, 'one.ts'), b.name], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('@@result '));
  if (r.status !== 0 || !line) {
    console.error(`benchmark ${b.name} failed (exit ${r.status})\n${r.stdout}`);
    failed = true;
    continue;
  }
  const figs = JSON.parse(line.slice(9)) as Figure[];
  const t = table(figs);
  console.log(t);
  const section = `<!-- bench:${b.name} -->\n## ${b.title}\n\n${date} · ${machine}\n\n${t}\n<!-- /bench:${b.name} -->`;
  const re = new RegExp(`<!-- bench:${b.name} -->[\\s\\S]*?<!-- /bench:${b.name} -->`);
  doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`;
}
writeFileSync(FILE, doc.endsWith('\n') ? doc : `${doc}\n`);
console.log(`\nWritten to BENCHMARKS.md`);
process.exit(failed ? 1 : 0);
