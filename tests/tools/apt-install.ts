/**
 * Installing a Debian package a test needs (a server the tests run for real), when we are root
 * with apt, as ensure-chromium.mjs does for the browser: once, before the tests, from `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** True when this process may install packages with apt (root, apt-get present). */
export const canAptInstall = (): boolean =>
  typeof process.getuid === 'function' && process.getuid() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/** Installs `packages` with apt (after one update of its lists); failures are left to the caller's check. */
export const aptInstall = (packages: string[], why: string): void => {
  if (packages.length === 0 || !canAptInstall()) return;
  console.log(`${why}: installing Debian's ${packages.join(', ')} (about a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  } catch {
    // the caller checks what is there and says what to do
  }
};
