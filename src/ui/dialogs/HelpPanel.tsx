/**
 * Function help: every function of the formula registry with its signature, one-line doc in the
 * UI language and an example; searchable by name or by words of the doc in either language. The
 * formula limits are stated below the list.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { FORMULA_LIMITS } from '../../formula/limits.ts';
import { useApp } from '../app-context.ts';
import '../i18n/dialog-texts.ts';

const HelpPanel = (props: { onClose: () => void }): JSX.Element => {
  const app = useApp();
  const [query, setQuery] = createSignal('');
  // The engine may arrive after the panel opened: read the registry reactively.
  const all = createMemo(() => app.calc.functions());
  const shown = createMemo(() => {
    const q = query().trim().toLowerCase();
    return q
      ? all().filter((f) => f.name.toLowerCase().includes(q) || Object.values(f.doc).some((d) => d.toLowerCase().includes(q)))
      : all();
  });
  return (
    <aside class="wb-help" aria-label={app.t('help.title')} data-testid="help-panel">
      <div class="wb-help-head">
        <h2>{app.t('help.title')}</h2>
        <button type="button" class="wb-tool" aria-label={app.t('common.close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <input
        class="wb-help-search"
        value={query()}
        placeholder={app.t('help.search')}
        aria-label={app.t('help.search')}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
      />
      <Show when={all().length > 0} fallback={<p class="wb-help-note">{app.t('help.pending')}</p>}>
        <ul class="wb-help-list">
          <For each={shown()} fallback={<li class="wb-help-note">{app.t('help.noMatch')}</li>}>
            {(f) => (
              <li>
                <code class="wb-help-sig">{f.signature}</code>
                <p>{f.doc[app.i18n.locale()] ?? f.doc.en}</p>
                <p class="wb-help-example">
                  {app.t('help.example')}: <code>{f.example}</code>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="wb-help-note" data-testid="help-limits">
        {app.t('help.limits', FORMULA_LIMITS.maxLength, FORMULA_LIMITS.maxDepth, FORMULA_LIMITS.maxTextLength)}
      </p>
    </aside>
  );
};

export default HelpPanel;
