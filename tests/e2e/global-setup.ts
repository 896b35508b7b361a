/** Browser tests: Chromium must be there and the app built once before any file runs. */
import { existsSync } from 'node:fs';
import { buildIfNeeded } from '../../server/build/build-if-needed.ts';
import { ROOT } from '../support/app-server.ts';
import { CHROMIUM } from '../support/browser.ts';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}; run "npm test" (it installs Debian's chromium) or set CHROMIUM_PATH.`);
  }
  buildIfNeeded(ROOT);
}
