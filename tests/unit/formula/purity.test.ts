/** src/formula is one engine for the browser, the relay and the CLI: it imports no yjs, solid-js, ag-grid, chart.js or DOM. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIR = join(ROOT, 'src', 'formula');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const imports = (file: string): { spec: string; typeOnly: boolean }[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    spec: m[2] ?? m[3] ?? '',
    typeOnly: Boolean(m[1]),
  }));

describe('src/formula stays pure', () => {
  it.each(files(DIR).map((f) => relative(ROOT, f)))('%s imports nothing forbidden', (file) => {
    for (const { spec, typeOnly } of imports(join(ROOT, file))) {
      expect(spec, file).not.toMatch(/^(yjs|y-|solid-js|ag-grid|chart\.js|papaparse)/);
      if (spec.includes('/model/')) {
        // Only the types of the model's records, never the Yjs-backed workbook.
        expect(spec, file).toMatch(/\/model\/types\.ts$/);
        expect(typeOnly, `${file} imports ${spec} for more than types`).toBe(true);
      }
    }
    expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/\b(document|window)\.|\bHTMLElement\b/);
  });

  it('keeps files small', () => {
    for (const f of files(DIR)) expect(readFileSync(f, 'utf8').split('\n').length, relative(ROOT, f)).toBeLessThanOrEqual(400);
  });
});
