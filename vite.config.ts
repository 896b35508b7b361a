import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { serviceWorkerPlugin } from './server/build/service-worker-plugin.ts';
import { precompressPlugin } from './server/build/precompress.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The app is built from src/ into dist/; tests live in tests/ and run in Node (the browser tests drive real Chromium). */
export default defineConfig({
  root: `${here}src`,
  publicDir: `${here}public`,
  // The service worker is built to /sw.js with the build's file list (see server/build/service-worker-plugin.ts);
  // each text file also gets a .gz and a .br copy for the relay to send (server/build/precompress.ts).
  plugins: [solid(), serviceWorkerPlugin(`${here}src/sync/offline/sw.ts`), precompressPlugin()],
  build: {
    outDir: `${here}dist`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Compressing with brotli's best setting takes about a second, by design: no warning for it.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // lib0/dom.js (reached through yjs's logging) builds node schemas at load time with `$.$custom(…)`,
      // which kept all of lib0/schema.js (2 KB gzipped) in the first load although nothing uses them.
      // Calls through `$` are pure: no other module of the app or its dependencies calls a `$`.
      treeshake: { manualPureFunctions: ['$'] },
      output: {
        codeSplitting: {
          // Everything the entry imports statically is one chunk: rolldown would otherwise split the
          // modules that lazy chunks share with it (yjs, ids, types, errors…) into small chunks of
          // their own, each one more request and more import/export glue on the first load.
          // (sw.js is an entry of its own and stays out.)
          groups: [{ name: 'index', tags: ['$initial'], test: (id: string) => !id.endsWith('/sync/offline/sw.ts') }],
        },
      },
    },
    // The first chunk holds AG Grid (about 590 KB of its 880 KB): what counts is the first load's
    // gzipped size, which the grid benchmark holds to its 250 KB budget, so no 500 KB warning.
    chunkSizeWarningLimit: 1000,
    // Every browser the es2022 target allows has modulepreload: no polyfill. The entry lists no JS
    // files to preload for each lazy chunk (that list was 1.3 KB gzipped of the first load): a lazy
    // chunk fetches its imports when it loads (the service worker has them all after a first visit).
    // Its CSS is still loaded with it.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps) => deps.filter((d) => d.endsWith('.css')) },
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    root: here,
    // vite-plugin-solid would switch the environment to jsdom; every test here runs in Node.
    environment: 'node',
    reporters: ['default', ['json', { outputFile: `${here}tests/.results/vitest.json` }]],
    projects: [
      {
        test: {
          name: 'unit',
          root: here,
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          root: here,
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: here,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Two cores shared with the other projects: a poll waits up to 10 s unless a test says less.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
