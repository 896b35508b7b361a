/**
 * Sheet tabs: click to open, double-click to rename, drag to reorder, a menu to rename, move or
 * delete (with confirmation and undo), and "+" to add a blank sheet or one from the gallery.
 */
import { createSignal, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import type { SheetInfo } from '../schema/types.ts';
import { addBlankSheet } from './template-gallery.ts';
import { useApp } from './app-context.ts';
import { undo } from './grid/grid-commands.ts';
import { nextFreeName, sheetNameProblem } from './names.ts';
import { Icon } from './widgets/Icon.tsx';
import type { MenuAnchor, MenuItem } from './widgets/Menu.tsx';

const GalleryDialog = lazy(() => import('./dialogs/GalleryDialog.tsx'));
const Menu = lazy(() => import('./widgets/Menu.tsx'));
const ConfirmDialog = lazy(() => import('./widgets/Dialog.tsx').then((m) => ({ default: m.ConfirmDialog })));

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

  const report = (err: unknown) => app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });

  const commitRename = (s: SheetInfo, value: string) => {
    if (value.trim() === app.label(s)) return setRenaming(null);
    const problem = sheetNameProblem(app, value, s.id);
    if (problem) return setRenameError(problem);
    try {
      app.wb.renameSheet(s.id, value, app.i18n.locale());
    } catch (err) {
      report(err);
    }
    setRenaming(null);
    setRenameError(undefined);
  };

  const addBlank = () => {
    const name = nextFreeName((n) => t('tabs.newName', n), (n) => !app.wb.sheetByName(n), sheets().length + 1);
    try {
      props.setActive(addBlankSheet(app.wb, { name, locale: app.i18n.locale() }));
    } catch (err) {
      report(err);
    }
  };

  // What depends on the sheet is found first (its code loads with the question), so the question can name it.
  const confirmDelete = (s: SheetInfo) =>
    void Promise.all([import('../app/dependents.ts'), import('./dependents-text.ts')]).then(([deps, words]) => {
      const dependents = words.dependentsText(app, deps.dependentsOfSheet(app.wb, s.id));
      askDelete(s, dependents);
    });
  const askDelete = (s: SheetInfo, dependents: { summary: string; details: string[] } | null) =>
    app.openDialog((close) => (
      <ConfirmDialog
        title={t('tabs.deleteTitle', app.label(s))}
        body={t('tabs.deleteBody', app.wb.rowCount(s.id))}
        dependents={dependents}
        confirm={t('tabs.deleteConfirm')}
        cancel={t('common.cancel')}
        onClose={close}
        onConfirm={() => {
          try {
            app.wb.deleteSheet(s.id);
            app.toasts.show({ kind: 'info', message: t('tabs.deleted', app.label(s)), action: { label: t('common.undo'), run: () => undo(app) } });
          } catch (err) {
            report(err);
          }
        }}
      />
    ));

  const tabMenu = (s: SheetInfo, anchor: MenuAnchor) => {
    const i = sheets().findIndex((x) => x.id === s.id);
    const move = (to: number) => () => {
      try {
        app.wb.moveSheet(s.id, to);
      } catch (err) {
        report(err);
      }
    };
    setMenu({
      anchor,
      items: [
        { label: t('tabs.rename'), run: () => setRenaming(s.id), testId: 'tab-rename' },
        { label: t('tabs.moveLeft'), run: move(i - 1), disabled: i === 0 },
        { label: t('tabs.moveRight'), run: move(i + 1), disabled: i === sheets().length - 1 },
        { label: t('tabs.delete'), run: () => confirmDelete(s), danger: true, separator: true, testId: 'tab-delete' },
      ],
    });
  };

  /** Slot (0 … n) the pointer is over: before the tab whose middle is right of it. */
  const slotAt = (x: number): number => {
    const tabs = [...(strip?.querySelectorAll<HTMLElement>('.wb-tab') ?? [])];
    const i = tabs.findIndex((el) => {
      const r = el.getBoundingClientRect();
      return x < r.left + r.width / 2;
    });
    return i < 0 ? tabs.length : i;
  };

  const startDrag = (e: PointerEvent, s: SheetInfo) => {
    if (e.button !== 0 || renaming() === s.id) return;
    const x0 = e.clientX;
    const el = e.currentTarget as HTMLElement;
    const move = (ev: PointerEvent) => {
      if (!drag() && Math.abs(ev.clientX - x0) < 6) return;
      setDrag({ id: s.id, slot: slotAt(ev.clientX) });
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      const d = drag();
      setDrag(null);
      if (!d) return;
      const from = sheets().findIndex((x) => x.id === d.id);
      const to = d.slot > from ? d.slot - 1 : d.slot;
      if (to !== from) {
        try {
          app.wb.moveSheet(d.id, to);
        } catch (err) {
          report(err);
        }
      }
    };
    el.setPointerCapture(e.pointerId);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
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
              if (!ro) tabMenu(s, { x: e.clientX, y: e.clientY });
            }}
          >
            <Show
              when={renaming() === s.id}
              fallback={<span class="wb-tab-name">{app.label(s)}</span>}
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
            <Show when={s.id === props.active && renaming() !== s.id && !ro}>
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
          onClick={(e) =>
            setMenu({
              anchor: { element: e.currentTarget },
              items: [
                { label: t('tabs.blank'), run: addBlank, testId: 'add-blank-sheet' },
                {
                  label: t('tabs.gallery'),
                  testId: 'add-from-gallery',
                  run: () => app.openDialog((close) => <GalleryDialog onClose={close} onAdded={props.setActive} />),
                },
              ],
            })
          }
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
