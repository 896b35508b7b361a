#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests: installs it when we are root with apt,
// otherwise stops with one sentence saying how to install it. Never downloads a browser of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const works = () => existsSync(CHROMIUM) && spawnSync(CHROMIUM, ['--version'], { stdio: 'ignore' }).status === 0;

if (!works()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('Chromium is missing: installing Debian\'s chromium package for the browser tests (about a minute)…');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // fall through to the check below, which says what to do
    }
  }
  if (!works()) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}: install it with "sudo apt-get update && sudo apt-get install -y chromium" (or set CHROMIUM_PATH to a Chromium binary) and run npm test again.`,
    );
    process.exit(1);
  }
}
