/** Builds the app with vite when dist/ is missing or older than its sources (the build's plugins included). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir: string): number => {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
};

/** True when the built app in `dist` is older than anything it is built from. */
export const needsBuild = (root: string): boolean => {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  // server/build holds the build's own plugins: a change there changes what is built too.
  const sources = ['src', 'sheets', 'public', join('server', 'build')].map((d) => newest(join(root, d)));
  const configs = ['vite.config.ts', 'package.json'].map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0));
  return Math.max(...sources, ...configs) > builtAt;
};

/** Runs `vite build` in `root` when needed; throws with vite's output when the build fails. */
export const buildIfNeeded = (root: string, log: (msg: string) => void = console.log): void => {
  if (!needsBuild(root)) return;
  log('Building the app (vite build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Under vitest NODE_ENV is "test", which makes solid-js resolve to its development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('The app could not be built; see the vite output above.');
};
