/**
 * Function help: every function of the formula registry with its signature, one-line doc in the
 * UI language and an example; searchable by name or by words of the doc in either language. The
 * formula limits are stated below the list. A second page lists the deliberate differences from
 * Excel, each with why and what to write instead.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { EXCEL_DIFFERENCES } from '../../formula/differences.ts';
import { FORMULA_LIMITS } from '../../formula/limits.ts';
import { useApp } from '../app-context.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

type Page = 'functions' | 'differences';

const HelpPanel = (props: { onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const [query, setQuery] = createSignal('');
  const [page, setPage] = createSignal<Page>('functions');
  // The engine may arrive after the panel opened: read the registry reactively.
  const all = createMemo(() => app.calc.functions());
  const shown = createMemo(() => {
    const q = query().trim().toLowerCase();
    return q
      ? all().filter((f) => f.name.toLowerCase().includes(q) || Object.values(f.doc).some((d) => d.toLowerCase().includes(q)))
      : all();
  });
  const tab = (p: Page) => (
    <button
      type="button"
      role="tab"
      aria-selected={page() === p}
      classList={{ 'wb-help-tab-on': page() === p }}
      data-testid={`help-tab-${p}`}
      onClick={() => setPage(p)}
    >
      {t(p === 'functions' ? 'help.functions' : 'help.differences')}
    </button>
  );
  return (
    <aside class="wb-help" aria-label={t('help.title')} data-testid="help-panel">
      <div class="wb-help-head">
        <h2>{t('help.title')}</h2>
        <button type="button" class="wb-tool" aria-label={t('common.close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <div class="wb-help-tabs" role="tablist">
        {tab('functions')}
        {tab('differences')}
      </div>
      <Show when={page() === 'functions'}>
        <input
          class="wb-help-search"
          value={query()}
          placeholder={t('help.search')}
          aria-label={t('help.search')}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
        />
        <Show when={all().length > 0} fallback={<p class="wb-help-note">{t('help.pending')}</p>}>
          <ul class="wb-help-list">
            <For each={shown()} fallback={<li class="wb-help-note">{t('help.noMatch')}</li>}>
              {(f) => (
                <li>
                  <code class="wb-help-sig">{f.signature}</code>
                  <p>{f.doc[app.i18n.locale()] ?? f.doc.en}</p>
                  <p class="wb-help-example">
                    {t('help.example')}: <code>{f.example}</code>
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={page() === 'differences'}>
        <p class="wb-help-note">{t('help.differencesIntro')}</p>
        <ul class="wb-help-list" data-testid="help-differences">
          <For each={EXCEL_DIFFERENCES}>
            {(d) => (
              <li>
                <h3 class="wb-help-diff">{d.title[app.i18n.locale()]}</h3>
                <p>{d.what[app.i18n.locale()]}</p>
                <p class="wb-help-example">
                  {t('help.why')}: {d.why[app.i18n.locale()]}
                </p>
                <p>
                  {t('help.instead')}: {d.instead[app.i18n.locale()]}
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="wb-help-note" data-testid="help-limits">
        {t('help.limits', FORMULA_LIMITS.maxLength, FORMULA_LIMITS.maxDepth, FORMULA_LIMITS.maxTextLength)}
      </p>
    </aside>
  );
};

export default HelpPanel;
