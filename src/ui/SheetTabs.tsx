/**
 * Sheet tabs: click to open, double-click to rename, drag to reorder, a menu to rename, print,
 * move or delete (with confirmation and undo; a viewer's menu prints only), and "+" to add a blank sheet, one from the gallery or a
 * view sheet (the menus are in tab-menus.tsx, loaded on first use).
 */
import { createSignal, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import { isViewSheet, type SheetInfo } from '../schema/types.ts';
import { useApp } from './app-context.ts';
import { afterFirstRows } from './first-paint.ts';
import type * as TabActions from './sheet-tab-actions.tsx';
import { Icon } from './widgets/Icon.tsx';
import type { MenuAnchor, MenuItem } from './widgets/Menu.tsx';

const Menu = lazy(() => import('./widgets/Menu.tsx'));
// What the tabs do when used loads just after the first paint (or on the first use, if sooner).
const actions = (): Promise<typeof TabActions> => import('./sheet-tab-actions.tsx');

/** The tab strip; `active` is the open sheet. */
export const SheetTabs = (props: { active: string; setActive: (id: string) => void }): JSX.Element => {
  const app = useApp();
  const t = app.t;
  const sheets = () => (app.structure(), app.wb.sheets());
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [renameError, setRenameError] = createSignal<string>();
  const [menu, setMenu] = createSignal<{ anchor: MenuAnchor; items: MenuItem[] } | null>(null);
  const [drag, setDrag] = createSignal<{ id: string; slot: number } | null>(null);
  let strip: HTMLDivElement | undefined;
  const ro = app.readOnly;
  /** Teammates on a sheet: a dot in their colour on its tab. */
  const peersOn = (sheetId: string) => app.peers().filter((p) => p.sheetId === sheetId);

  const st: TabActions.TabStrip = { app, setActive: (id) => props.setActive(id), sheets, renaming, setRenaming, setRenameError, setMenu, drag, setDrag, strip: () => strip };
  const act = (run: (a: typeof TabActions) => void) => void actions().then(run);
  void afterFirstRows().then(actions).then((a) => a.listenPrintKey(st));
  const commitRename = (s: SheetInfo, value: string) => act((a) => a.commitRename(st, s, value));
  const tabMenu = (s: SheetInfo, anchor: MenuAnchor) => act((a) => a.tabMenu(st, s, anchor));
  const startDrag = (e: PointerEvent, s: SheetInfo) => {
    if (e.button !== 0 || renaming() === s.id) return;
    const el = e.currentTarget as HTMLElement;
    const { pointerId, clientX } = e;
    act((a) => a.startDrag(st, el, pointerId, clientX, s));
  };

  return (
    <div class="wb-tabs" ref={strip} role="tablist" data-testid="sheet-tabs">
      <button
        type="button"
        class="wb-dash-tab"
        classList={{ 'wb-dash-tab-on': app.view() === 'dashboard' }}
        role="tab"
        aria-selected={app.view() === 'dashboard'}
        title={t('tabs.dashboardTitle')}
        data-testid="open-dashboard"
        onClick={() => app.setView('dashboard')}
      >
        <Icon name="dashboard" />
        <span>{t('tabs.dashboard')}</span>
      </button>
      <For each={sheets()}>
        {(s, i) => (
          <div
            class="wb-tab"
            classList={{
              'wb-tab-on': s.id === props.active,
              'wb-tab-drop-before': drag()?.slot === i() && drag()?.id !== s.id,
              'wb-tab-drop-after': drag()?.slot === sheets().length && i() === sheets().length - 1,
              'wb-tab-dragging': drag()?.id === s.id,
            }}
            role="tab"
            aria-selected={s.id === props.active}
            data-sheet-id={s.id}
            onPointerDown={(e) => !ro && startDrag(e, s)}
            onClick={() => props.setActive(s.id)}
            onDblClick={() => !ro && setRenaming(s.id)}
            onContextMenu={(e) => {
              e.preventDefault();
              tabMenu(s, { x: e.clientX, y: e.clientY });
            }}
          >
            <Show
              when={renaming() === s.id}
              fallback={
                // A view sheet's tab says so (a badge drawn by the stylesheet).
                <span class="wb-tab-name" classList={{ 'wb-tab-view': isViewSheet(s) }} data-badge={t('tabs.viewBadge')}>
                  {app.label(s)}
                </span>
              }
            >
              <input
                class="wb-tab-input"
                classList={{ 'wb-tab-input-bad': !!renameError() }}
                value={app.label(s)}
                title={renameError()}
                aria-label={t('tabs.rename')}
                aria-invalid={renameError() ? 'true' : undefined}
                ref={(el) => queueMicrotask(() => (el.focus(), el.select()))}
                onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === 'Enter') commitRename(s, e.currentTarget.value);
                  if (e.key === 'Escape') (setRenaming(null), setRenameError(undefined));
                }}
                onInput={() => setRenameError(undefined)}
                onBlur={(e) => renaming() === s.id && commitRename(s, e.currentTarget.value)}
              />
            </Show>
            <Show when={peersOn(s.id).length > 0}>
              <span class="wb-tab-peers">
                <For each={peersOn(s.id)}>
                  {(p) => <span class="wb-tab-peer" style={{ background: p.color }} title={p.name} data-testid="tab-peer" />}
                </For>
              </span>
            </Show>
            <Show when={s.id === props.active && renaming() !== s.id}>
              <button
                type="button"
                class="wb-tab-menu"
                aria-label={t('tabs.menu', app.label(s))}
                title={t('tabs.menu', app.label(s))}
                onPointerDown={(e) => e.stopPropagation()}
                onClick={(e) => (e.stopPropagation(), tabMenu(s, { element: e.currentTarget }))}
              >
                ▾
              </button>
            </Show>
          </div>
        )}
      </For>
      <Show when={!ro}>
        <button
          type="button"
          class="wb-tab-add"
          title={t('tabs.add')}
          aria-label={t('tabs.add')}
          data-testid="add-sheet"
          onClick={(e) => {
            const anchor = { element: e.currentTarget };
            act((a) => a.addMenu(st, anchor));
          }}
        >
          +
        </button>
      </Show>
      <Show when={renameError()}>
        <span class="wb-tab-error" role="alert">
          {renameError()}
        </span>
      </Show>
      <Show when={menu()}>
        {(m) => (
          <Suspense>
            <Menu anchor={m().anchor} items={m().items} onClose={() => setMenu(null)} />
          </Suspense>
        )}
      </Show>
    </div>
  );
};
