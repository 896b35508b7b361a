/**
 * The JavaScript a page loaded before the grid showed (the `wb-grid-rows` mark): the budget's
 * measure. Each file is gzipped from dist/ as a server would send it; the bytes the relay did send
 * (its brotli or gzip copies) come with it. Shared by the grid benchmark and tests/e2e/first-load.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ROOT } from './app-server.ts';

/** The first-load budget of DESIGN.md, in KB (1024 bytes) of gzipped JS. */
export const FIRST_LOAD_BUDGET_KB = 250;

/** One JS file of the first load. */
export interface FirstLoadFile {
  name: string;
  /** Gzipped size in KB. */
  kb: number;
}

/** What arrived before the grid showed. */
export interface FirstLoad {
  /** Total gzipped KB. */
  kb: number;
  /** Total KB the relay sent for them (brotli where the browser accepts it). */
  sentKb: number;
  files: FirstLoadFile[];
}

/** Measures the first load of `page`, once the grid has shown its rows. */
export const firstLoadJs = async (page: Page): Promise<FirstLoad> => {
  const loaded = await page.evaluate(() => {
    const shown = performance.getEntriesByName('wb-grid-rows')[0]?.startTime ?? Number.POSITIVE_INFINITY;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.endsWith('.js') && e.startTime < shown)
      .map((e) => ({ path: new URL(e.name).pathname, sent: e.encodedBodySize }));
  });
  const files = loaded.map(({ path }) => ({ name: basename(path), kb: gzipSync(readFileSync(join(ROOT, 'dist', path))).byteLength / 1024 }));
  return {
    kb: files.reduce((sum, f) => sum + f.kb, 0),
    sentKb: loaded.reduce((sum, f) => sum + f.sent, 0) / 1024,
    files,
  };
};

/** The files and sizes, one a line, largest first, then the total. */
export const describeFirstLoad = (load: FirstLoad): string =>
  [...load.files]
    .sort((a, b) => b.kb - a.kb)
    .map((f) => `${f.kb.toFixed(2).padStart(8)} KB  ${f.name}`)
    .concat(`${load.kb.toFixed(2).padStart(8)} KB  total (gzipped), budget ${FIRST_LOAD_BUDGET_KB} KB`)
    .join('\n');
