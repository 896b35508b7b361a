/**
 * Vite plugin that writes a gzip and a brotli copy next to each built text file (`app-3f2a.js.gz`,
 * `app-3f2a.js.br`), so the relay can send compressed files without compressing on a request:
 * the first load of the app is then about a third of its size on the wire. Source maps are left
 * alone (only developer tools ask for them).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Extensions worth compressing. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Files under 1 KB gain too little from compression to be worth a copy. */
const MIN_BYTES = 1024;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Writes `<file>.gz` and `<file>.br` for `content`. */
export const writeCompressed = async (file: string, content: Uint8Array): Promise<void> => {
  const [gz, br] = await Promise.all([
    gzipAsync(content, { level: 9 }),
    brotliAsync(content, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
      },
    }),
  ]);
  await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
};

/** The plugin. */
export const precompressPlugin = (): Plugin => ({
  name: 'ops-workbook-precompress',
  apply: 'build',
  enforce: 'post',
  async writeBundle(options, bundle) {
    const dir = options.dir ?? '';
    const jobs: Promise<void>[] = [];
    for (const [name, out] of Object.entries(bundle)) {
      if (!COMPRESSIBLE.test(name)) continue;
      const content = out.type === 'chunk' ? Buffer.from(out.code) : typeof out.source === 'string' ? Buffer.from(out.source) : out.source;
      if (content.byteLength >= MIN_BYTES) jobs.push(writeCompressed(join(dir, name), content));
    }
    await Promise.all(jobs);
  },
});
