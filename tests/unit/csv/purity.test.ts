/**
 * src/csv is pure, so the CLI and a browser Web Worker can both run it: at run time it imports
 * only papaparse, fflate, its own files and the pure part of the model (types and value checks),
 * never Yjs (even through src/model/index.ts), solid-js, ag-grid, chart.js or the DOM.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', '..', 'src', 'csv');
const ALLOWED = /^(papaparse|fflate|\.\/[a-z-]+\.ts|\.\.\/model\/(types|values)\.ts)$/;

test('purity: src/csv imports at run time only papaparse, fflate, itself and the pure model files', () => {
  const offenders: string[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(DIR, file), 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
      const typeOnly = m[1] !== undefined;
      const spec = m[2] ?? '';
      if (!typeOnly && !ALLOWED.test(spec)) offenders.push(`${file} imports ${spec}`);
    }
    if (/\b(document|window|localStorage)\./.test(source)) offenders.push(`${file} uses the DOM`);
  }
  expect(offenders).toEqual([]);
});
