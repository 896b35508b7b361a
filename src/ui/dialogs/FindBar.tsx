/**
 * Find in the current sheet (Ctrl/Cmd+F): matches what cells show (or their plain value, e.g. an
 * ISO date), in the order rows are shown; Enter goes to the next match, Shift+Enter back, Escape
 * closes and leaves the active cell on the match.
 */
import { createEffect, createSignal, on, onCleanup, onMount, type JSX } from 'solid-js';
import { isErrorValue } from '../../schema/computed-value.ts';
import { useApp } from '../app-context.ts';
import { formatValue, plainText } from '../../schema/format-value.ts';
import { single, type CellPos } from '../grid/selection.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

/** Matches past this many are not collected (the count says "10000+"). */
const MAX_HITS = 10_000;

const FindBar = (props: { onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const [query, setQuery] = createSignal('');
  const [hits, setHits] = createSignal<CellPos[]>([]);
  const [at, setAt] = createSignal(0);
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const search = (q: string) => {
    const g = app.grid();
    if (!g?.api) return;
    const needle = q.trim().toLowerCase();
    const found: CellPos[] = [];
    const keys = new Set<string>();
    if (needle) {
      const cols = g.displayedColumns();
      const fmt = app.format();
      const rows = g.displayedRowCount();
      for (let row = 0; row < rows && found.length < MAX_HITS; row++) {
        const rowId = g.rowIdAt(row);
        if (!rowId) continue;
        cols.forEach((c, col) => {
          const v = app.calc.value(g.sheetId, rowId, c.id);
          if (v === null) return;
          const shown = isErrorValue(v) ? v.error : formatValue(v, c, fmt);
          if (shown.toLowerCase().includes(needle) || plainText(v, c.type).toLowerCase().includes(needle)) {
            found.push({ row, col });
            keys.add(`${rowId} ${c.id}`);
          }
        });
      }
    }
    g.findHits = keys;
    g.api.refreshCells({ suppressFlash: true });
    setHits(found);
    setAt(0);
    if (found[0]) go(found[0]);
  };

  const go = (pos: CellPos) => {
    const g = app.grid();
    if (!g) return;
    g.select(single(pos));
    g.reveal(pos);
  };
  const step = (by: number) => {
    const n = hits().length;
    if (n === 0) return;
    const i = (at() + by + n) % n;
    setAt(i);
    const pos = hits()[i];
    if (pos) go(pos);
  };
  const close = () => {
    const g = app.grid();
    if (g?.api) {
      g.findHits = new Set();
      g.api.refreshCells({ suppressFlash: true });
      const pos = hits()[at()];
      if (pos) g.focusCell(pos);
      else g.refocus();
    }
    props.onClose();
  };

  createEffect(on(query, (q) => {
    clearTimeout(timer);
    timer = setTimeout(() => search(q), 120);
  }, { defer: true }));
  // A new sheet or new rows: search again.
  createEffect(on(() => [app.grid(), app.grid()?.rowsVersion(), app.cells()], () => query() && search(query()), { defer: true }));
  onMount(() => input?.focus());
  onCleanup(() => clearTimeout(timer));

  const count = () => (hits().length >= MAX_HITS ? `${MAX_HITS}+` : t('find.count', hits().length ? at() + 1 : 0, hits().length));
  return (
    <div class="wb-find" role="search" data-testid="find-bar">
      <input
        ref={input}
        value={query()}
        placeholder={t('find.placeholder')}
        aria-label={t('find.placeholder')}
        data-testid="find-input"
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.preventDefault(), step(e.shiftKey ? -1 : 1));
          if (e.key === 'Escape') (e.preventDefault(), e.stopPropagation(), close());
        }}
      />
      <span class="wb-find-count" data-testid="find-count">
        {query().trim() ? count() : ''}
      </span>
      <button type="button" class="wb-tool" title={t('find.previous')} aria-label={t('find.previous')} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" class="wb-tool" title={t('find.next')} aria-label={t('find.next')} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" class="wb-tool" title={t('find.close')} aria-label={t('find.close')} onClick={close}>
        ×
      </button>
    </div>
  );
};

export default FindBar;
