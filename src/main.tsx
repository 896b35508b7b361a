/**
 * App entry: the address says what to show. `#/` (or nothing) is the workbook list; `#/w/<id>` a
 * workbook from this browser's copy (or, the first time, from the relay with the link's token);
 * `#/s/<space>` a team space's start page; `#/join/<space>?invite=…` an invite to one.
 * Behind `?bench` / `?test` without a workbook address, a test workbook opens in memory.
 */
import { render } from 'solid-js/web';
import './ui/styles/base.css';
import './ui/styles/grid.css';
import './ui/styles/editor.css';
import './ui/styles/shell.css';
import './ui/styles/overlays.css';
import { App } from './ui/App.tsx';
import { afterFirstRows } from './ui/first-paint.ts';
import { createI18n, savedLocale } from './ui/i18n/i18n.ts';
import { parseRoute, spaceHash, workbookHash } from './ui/routes.ts';
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
  } else return (await import('./ui/sync/StartPage.tsx')).mountStartPage(root, { i18n });
  performance.mark('wb-loaded');
  if (!savedLocale() && wb.settings.locale !== i18n.locale()) await i18n.setLocale(wb.settings.locale);
  // The formula engine loads after the grid has shown (it is not part of the first load).
  const engine = hook?.engineFor(params) ?? ((w: Workbook) => import('./ui/app-engine.ts').then((m) => m.appEngine(w, i18n)));
  const key = inMemory ? hook.workbookKey(params) : route.kind === 'workbook' ? route.id : '';
  const readOnly = inMemory ? hook.readOnly(params) : session?.access === 'viewer';
  render(() => <App wb={wb} workbookKey={key} i18n={i18n} session={session} readOnly={readOnly} onReady={hook?.install} engine={engine} />, root);
  // Sync is not needed for the first paint: its code loads after (and folds the stored log).
  if (session) void afterFirstRows().then(() => session.startSync());
};

const root = document.getElementById('app');
if (root) void start(root);
// The app is made available offline once what the person came for is on screen.
if (import.meta.env.PROD && !params.has('bench')) {
  void (route.kind === 'workbook' ? afterFirstRows() : Promise.resolve())
    .then(() => Promise.all([import('./sync/offline/register.ts'), import('./ui/update-prompt.ts')]))
    .then(([sw, prompt]) => sw.registerServiceWorker(prompt.offerUpdate));
}
