/** Real Chromium (Debian's) driven by playwright-core, with the flags this machine needs. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './app-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches a browser with a fresh profile. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });

/** A persistent profile (survives a browser restart when the same dir is passed again). */
export const launchProfile = (userDataDir = mkdtempSync(join(tmpdir(), 'wb-profile-'))): Promise<BrowserContext> =>
  chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS, headless: true });

/** Where test screenshots go for review. */
export const SCREENSHOTS = join(ROOT, 'tests', '.artifacts', 'screenshots');

/** Saves a screenshot named `name`.png for review. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
};
