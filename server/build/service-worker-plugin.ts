/**
 * Vite plugin that builds the service worker (src/sync/offline/sw.ts) to /sw.js and writes the
 * build's manifest into it: a version (a hash of every file's content) and the files to cache.
 * Any change to the app changes sw.js, which is how browsers notice a new version.
 *
 * Written here rather than taken from vite-plugin-pwa: the worker needs a precache, a versioned
 * cache and an update handshake, about forty lines, where Workbox would add its build tool chain
 * and a generated worker several times that size.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

const PLACEHOLDER = '__SW_MANIFEST__';

const walk = (dir: string, root = dir): string[] => {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p, root));
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out;
};

/** The plugin; `entry` is the worker's source file. */
export const serviceWorkerPlugin = (entry: string): Plugin => {
  let publicDir = '';
  return {
    name: 'ops-workbook-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      const sw = bundle['sw.js'];
      if (!sw || sw.type !== 'chunk') return this.error('The service worker was not built.');
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const name of Object.keys(bundle).sort()) {
        const out = bundle[name];
        if (!out || name === 'sw.js' || name.endsWith('.map')) continue;
        files.push(`/${name}`);
        hash.update(name).update(out.type === 'chunk' ? out.code : out.source);
      }
      for (const name of publicDir ? walk(publicDir).sort() : []) {
        files.push(`/${name}`);
        hash.update(name).update(readFileSync(join(publicDir, name)));
      }
      const manifest = JSON.stringify({ version: hash.digest('hex').slice(0, 16), files });
      if (!sw.code.includes(PLACEHOLDER)) return this.error('The service worker has no manifest placeholder.');
      sw.code = sw.code.replace(PLACEHOLDER, manifest);
    },
  };
};
