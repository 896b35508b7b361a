/**
 * The app installs as a web app in Chromium: the page links a valid manifest, its icons load, and
 * Chromium itself (the DevTools protocol's installability check) reports nothing in the way.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchProfile } from '../support/browser.ts';

// A real profile: Chromium never offers to install an app from an incognito window.
let server: AppServer;
let profile: BrowserContext;
beforeAll(async () => {
  server = await startAppServer();
  profile = await launchProfile();
});
afterAll(async () => {
  await profile?.close();
  await server?.stop();
});

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

test('pwa: the manifest is linked and valid, its icons load, and Chromium reports the app installable', async () => {
  const page = await profile.newPage();
  await page.goto(server.url);
  await page.getByTestId('start-page').waitFor();

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const res = await page.request.get(new URL(href ?? '', server.url).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await res.json()) as { name: string; start_url: string; display: string; icons: ManifestIcon[] };
  expect(manifest).toMatchObject({ name: 'Ops workbook', start_url: '/', display: 'standalone' });

  // Every icon decodes in the page at the size the manifest says.
  for (const icon of manifest.icons) {
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, icon.src);
    if (icon.sizes !== 'any') expect(size, icon.src).toBe(icon.sizes);
  }
  expect(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png' && i.purpose === undefined)).toBe(true);

  // Chromium parses the manifest without errors and, once the service worker runs, has no objection.
  const cdp = await page.context().newCDPSession(page);
  const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
  expect(parsed.url).toContain('/manifest.webmanifest');
  expect(parsed.errors).toEqual([]);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(async () => ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] }).installabilityErrors.map((e) => e.errorId))
    .toEqual([]);
});
