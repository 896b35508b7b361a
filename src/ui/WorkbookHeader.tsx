/**
 * The top bar: workbook name (click to rename), undo/redo, add row/column, find, functions, the
 * sheet's charts, a campaign sheet's calendar, CSV import/export, workbook settings, language.
 */
import { createSignal, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import { LOCALES, type Locale } from '../schema/types.ts';
import { useApp, type AppState } from './app-context.ts';
import { openExport, openImport } from './csv/csv-dialogs.tsx';
import { insertRow, redo, reportError, undo } from './grid/grid-commands.ts';
import { Icon } from './widgets/Icon.tsx';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

const SettingsDialog = lazy(() => import('./dialogs/SettingsDialog.tsx'));

/** Opens the workbook settings (the currency of amounts). */
const openSettings = (app: AppState): void =>
  app.openDialog((close) => (
    <Suspense>
      <SettingsDialog onClose={close} />
    </Suspense>
  ));

/** The header bar of the app. */
export const WorkbookHeader = (): JSX.Element => {
  const app = useApp();
  const t = app.t;
  const [renaming, setRenaming] = createSignal(false);
  const name = () => (app.structure(), app.wb.settings.name);
  const canUndo = () => (app.structure(), app.cells(), app.wb.canUndo());
  const canRedo = () => (app.structure(), app.cells(), app.wb.canRedo());
  const onSheet = () => app.view() !== 'dashboard';
  const isCampaigns = () => (app.structure(), onSheet() && app.wb.sheet(app.activeSheet())?.kind === 'campaigns');

  const ro = app.readOnly;
  const saveName = (value: string) => {
    setRenaming(false);
    const v = value.trim();
    if (!v || v === app.wb.settings.name) return;
    try {
      app.wb.setSettings({ name: v });
    } catch (err) {
      app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const withGrid = (fn: (g: NonNullable<ReturnType<typeof app.grid>>) => void) => () => {
    const g = app.grid();
    if (!g) return;
    try {
      fn(g);
    } catch (err) {
      reportError(g, err);
    }
  };

  return (
    <header class="wb-header">
      <span class="wb-logo" aria-hidden="true">
        ▦
      </span>
      <Show
        when={renaming()}
        fallback={
          <button type="button" class="wb-name" title={ro ? undefined : t('header.rename')} data-testid="workbook-name" onClick={() => !ro && setRenaming(true)}>
            {name()}
          </button>
        }
      >
        <input
          class="wb-name-input"
          value={name()}
          aria-label={t('header.rename')}
          ref={(el) => queueMicrotask(() => (el.focus(), el.select()))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveName(e.currentTarget.value);
            if (e.key === 'Escape') setRenaming(false);
          }}
          onBlur={(e) => saveName(e.currentTarget.value)}
        />
      </Show>
      <Show when={ro}>
        <span class="wb-view-only" title={t('header.viewOnlyTitle')} data-testid="view-only">
          {t('header.viewOnly')}
        </span>
      </Show>
      <div class="wb-header-tools">
        <Show when={!ro}>
          <button type="button" class="wb-tool" title={t('header.undo')} aria-label={t('header.undo')} disabled={!canUndo()} onClick={() => undo(app)}>
            ↶
          </button>
          <button type="button" class="wb-tool" title={t('header.redo')} aria-label={t('header.redo')} disabled={!canRedo()} onClick={() => redo(app)}>
            ↷
          </button>
          <span class="wb-sep" />
          <button type="button" class="wb-tool wb-tool-text" title={t('header.addRowTitle')} data-testid="add-row" onClick={withGrid((g) => insertRow(g, 'end'))}>
            + {t('header.addRow')}
          </button>
          <button type="button" class="wb-tool wb-tool-text" title={t('header.addColumnTitle')} data-testid="add-column" onClick={withGrid((g) => void import('./grid/menus.tsx').then((m) => m.openAddColumn(g)))}>
            + {t('header.addColumn')}
          </button>
          <span class="wb-sep" />
        </Show>
        <button type="button" class="wb-tool wb-tool-text" title={t('header.findTitle')} data-testid="open-find" onClick={() => app.setPanel('find')}>
          ⌕ {t('header.find')}
        </button>
        <button
          type="button"
          class="wb-tool wb-tool-text"
          classList={{ 'wb-tool-on': app.panel() === 'help' }}
          title={t('header.helpTitle')}
          data-testid="open-help"
          onClick={() => app.setPanel(app.panel() === 'help' ? null : 'help')}
        >
          ƒ {t('header.help')}
        </button>
        <Show when={onSheet()}>
          <button
            type="button"
            class="wb-tool wb-tool-text"
            classList={{ 'wb-tool-on': app.panel() === 'charts' }}
            title={t('header.chartsTitle')}
            aria-label={t('header.charts')}
            aria-pressed={app.panel() === 'charts'}
            data-testid="open-charts"
            onClick={() => app.setPanel(app.panel() === 'charts' ? null : 'charts')}
          >
            <Icon name="chart" />
            <span class="wb-tool-label">{t('header.charts')}</span>
          </button>
        </Show>
        <Show when={isCampaigns()}>
          <button
            type="button"
            class="wb-tool wb-tool-text"
            classList={{ 'wb-tool-on': app.view() === 'calendar' }}
            title={t('header.calendarTitle')}
            aria-label={t('header.calendar')}
            aria-pressed={app.view() === 'calendar'}
            data-testid="open-calendar"
            onClick={() => app.setView(app.view() === 'calendar' ? 'grid' : 'calendar')}
          >
            <Icon name="calendar" />
            <span class="wb-tool-label">{t('header.calendar')}</span>
          </button>
        </Show>
        <span class="wb-sep" />
        <Show when={!ro}>
          <button type="button" class="wb-tool wb-tool-text" title={t('header.importTitle')} data-testid="open-import" onClick={() => openImport(app)}>
            ⤓ {t('header.import')}
          </button>
        </Show>
        <button type="button" class="wb-tool wb-tool-text" title={t('header.exportTitle')} data-testid="open-export" onClick={() => openExport(app)}>
          ⤒ {t('header.export')}
        </button>
        <span class="wb-sep" />
        <button type="button" class="wb-tool wb-tool-text" title={t('header.settingsTitle')} data-testid="open-settings" onClick={() => openSettings(app)}>
          ⚙ {t('header.settings')}
        </button>
        <select
          class="wb-select"
          title={t('header.language')}
          aria-label={t('header.language')}
          data-testid="language"
          value={app.i18n.locale()}
          onChange={(e) => void app.i18n.setLocale(e.currentTarget.value as Locale)}
        >
          <For each={[...LOCALES]}>{(l) => <option value={l}>{LANGUAGE_NAMES[l]}</option>}</For>
        </select>
      </div>
    </header>
  );
};
