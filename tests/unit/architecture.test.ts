/** The layering rules of DESIGN.md, checked on the source: a forbidden import fails the build. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

const files = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(n)) out.push(p);
    }
  };
  try {
    walk(join(ROOT, dir));
  } catch {
    // a folder that does not exist yet has nothing to check
  }
  return out;
};

const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );

const offenders = (dir: string, bad: RegExp): string[] =>
  files(dir).flatMap((f) => imports(f).filter((i) => bad.test(i)).map((i) => `${relative(ROOT, f)} imports ${i}`));

test('architecture: src/formula is pure (no yjs, solid-js, ag-grid, chart.js, y-* or model runtime)', () => {
  expect(offenders('src/formula', /^(yjs|solid-js|ag-grid-community|chart\.js|y-[a-z]+|lib0)(\/|$)|\/model\/(index|workbook)/)).toEqual([]);
});

test('architecture: only src/model and src/sync import yjs', () => {
  const dirs = ['src/formula', 'src/csv', 'src/ui', 'sheets'];
  expect(dirs.flatMap((d) => offenders(d, /^(yjs|y-indexeddb|y-websocket|y-protocols)(\/|$)/))).toEqual([]);
});

test('architecture: src/ui never imports the Yjs layout of the model', () => {
  expect(offenders('src/ui', /model\/(layout|sheet-cache|workbook-base)/)).toEqual([]);
});
