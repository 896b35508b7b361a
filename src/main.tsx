/**
 * App entry: the address says what to show. `#/` (or nothing) is the workbook list; `#/w/<id>` a
 * workbook from this browser's copy (or, the first time, from the relay with the link's token);
 * `#/s/<space>` a team space's start page; `#/join/<space>?invite=…` an invite to one.
 * Behind `?bench` / `?test` without a workbook address, a test workbook opens in memory.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import './ui/styles/base.css';
import './ui/styles/grid.css';
import './ui/styles/editor.css';
import './ui/styles/shell.css';
import './ui/styles/overlays.css';
import { App } from './ui/App.tsx';
import { sessionRepair, ViewBoundary } from './ui/ViewBoundary.tsx';
import { afterFirstRows } from './ui/first-paint.ts';
import { createI18n, savedLocale } from './ui/i18n/i18n.ts';
import { parseRoute, spaceHash, workbookHash } from './app/routes.ts';
import type { Workbook } from './model/workbook.ts';
import { loadIdentity } from './sync/identity.ts';
import { openWorkbook } from './sync/open-workbook.ts';
import type { WorkbookSession } from './sync/session.ts';

const params = new URLSearchParams(location.search);
const route = parseRoute(location.hash);

/** The language before a workbook says which: the person's choice, else the browser's. */
const firstLocale = () => savedLocale() ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

const start = async (root: HTMLElement): Promise<void> => {
  // Each address is set up afresh: a workbook's storage and connection belong to its page.
  window.addEventListener('hashchange', () => location.reload());
  // The test hook is its own chunk: ordinary visits never download it.
  const hook = params.has('bench') || params.has('test') ? await import('./ui/test-hook.ts') : undefined;
  const inMemory = hook && (params.has('bench') || !location.hash);
  const i18n = await createI18n(firstLocale());
  started = i18n;
  let wb: Workbook;
  let session: WorkbookSession | undefined;
  if (inMemory) wb = hook.workbookFor(params);
  else if (route.kind === 'workbook') {
    // The token is kept in storage, not left in the address bar (or the history, or a screenshot).
    if (route.token) history.replaceState(null, '', `${location.pathname}${location.search}${workbookHash(route.id)}`);
    root.innerHTML = '<p class="wb-opening" role="status"></p>';
    root.firstElementChild?.append(i18n.t('open.loading'));
    const result = await openWorkbook(route.id, { token: route.token, identity: loadIdentity() });
    root.textContent = '';
    if (result.kind !== 'open') return (await import('./ui/sync/OpenProblem.tsx')).mountOpenProblem(root, { id: route.id, i18n, result });
    session = result.session;
    wb = session.wb;
  } else if (route.kind === 'space') {
    if (route.token) {
      // A personal link: its token is kept in storage, and the address keeps only the space.
      (await import('./sync/space-client.ts')).keepSpaceToken(route.id, route.token);
      history.replaceState(null, '', `${location.pathname}${location.search}${spaceHash(route.id)}`);
    }
    return (await import('./ui/sync/SpacePage.tsx')).mountSpacePage(root, { i18n, space: route.id });
  } else if (route.kind === 'join') {
    history.replaceState(null, '', `${location.pathname}${location.search}${spaceHash(route.space)}`);
    return (await import('./ui/sync/JoinPage.tsx')).mountJoinPage(root, { i18n, space: route.space, invite: route.invite });
  } else {
    const frame = (page: () => JSX.Element) => (
      <ViewBoundary name="start" locale={i18n.locale}>
        {page()}
      </ViewBoundary>
    );
    return (await import('./ui/sync/StartPage.tsx')).mountStartPage(root, { i18n, frame });
  }
  performance.mark('wb-loaded');
  // Sync is not needed for the first paint: its code loads after (and folds the stored log). It
  // starts whatever the page shows: a copy that breaks a view must still receive the relay's fix.
  const live = session;
  if (live) void afterFirstRows().then(() => live.startSync());
  if (!savedLocale() && wb.settings.locale !== i18n.locale()) await i18n.setLocale(wb.settings.locale);
  // The formula engine loads after the grid has shown (it is not part of the first load).
  const engine = hook?.engineFor(params) ?? ((w: Workbook) => import('./ui/app-engine.ts').then((m) => m.appEngine(w, i18n)));
  const key = inMemory ? hook.workbookKey(params) : route.kind === 'workbook' ? route.id : '';
  const viewer = inMemory ? hook.readOnly(params) : session?.access === 'viewer';
  // A workbook at a newer schema than this app knows opens read-only; if an update brings one while
  // it is open, the app is shown again read-only (the model refuses writes from that moment on).
  const [newer, setNewer] = createSignal(wb.isNewerSchema());
  wb.onChange((c) => c.settings && setNewer(wb.isNewerSchema()));
  const shown = wb;
  render(
    () => (
      <ViewBoundary name="workbook" locale={i18n.locale} repair={sessionRepair(live)}>
        <Show when={{ newerSchema: newer() }} keyed>
          {(s) => (
            <App wb={shown} workbookKey={key} i18n={i18n} session={live} readOnly={viewer || s.newerSchema} newerSchema={s.newerSchema} onReady={hook?.install} engine={engine} />
          )}
        </Show>
      </ViewBoundary>
    ),
    root,
  );
};

/** The translator, once made: the last-resort page uses it when it can. */
let started: Awaited<ReturnType<typeof createI18n>> | undefined;

const root = document.getElementById('app');
// Whatever went wrong before the app could show: a sentence, Reload, and the way to the list (never a blank page).
if (root) void start(root).catch((err: unknown) => import('./ui/cannot-start.ts').then((m) => m.showCannotStart(root, err, started?.locale)));
// The app is made available offline once what the person came for is on screen.
if (import.meta.env.PROD && !params.has('bench')) {
  void (route.kind === 'workbook' ? afterFirstRows() : Promise.resolve())
    .then(() => Promise.all([import('./sync/offline/register.ts'), import('./ui/update-prompt.ts')]))
    .then(([sw, prompt]) => sw.registerServiceWorker(prompt.offerUpdate));
}
