/**
 * The service worker (built to /sw.js): keeps the app shell and every built asset in a cache named
 * after the build, so the app loads with no network. Pages run the version their worker holds; a
 * new build installs beside it and takes over only when the page asks (the "new version" prompt).
 * The API, /healthz and the websocket are never cached.
 *
 * Written without imports and with its own minimal types: it runs outside the page (no DOM) and
 * the build replaces `__SW_MANIFEST__` with the build's version and file list.
 */

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

declare const __SW_MANIFEST__: { version: string; files: string[] };

const scope = self as unknown as WorkerScope;
const { version, files } = __SW_MANIFEST__;
const PREFIX = 'ops-workbook-';
const CACHE = `${PREFIX}${version}`;
const SHELL = '/index.html';
const NEVER = /^\/(api\/|healthz)/;

scope.addEventListener('install', (e) => {
  // `reload`: straight from the server, never an older copy from the HTTP cache.
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(files.map((f) => new Request(f, { cache: 'reload' })))));
});

scope.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      // The first visit is controlled at once, so it already works offline after a reload.
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('message', (e) => {
  if (e.data === 'skip-waiting') void scope.skipWaiting();
});

scope.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== scope.location.origin || NEVER.test(url.pathname)) return;
  if (req.mode === 'navigate') {
    // Every page of the app is the one shell; routes live in the hash.
    e.respondWith(caches.open(CACHE).then((c) => c.match(SHELL)).then((hit) => hit ?? fetch(req)));
    return;
  }
  e.respondWith(caches.open(CACHE).then((c) => c.match(url.pathname)).then((hit) => hit ?? fetch(req)));
});
