/**
 * Find and replace (Ctrl/Cmd+F), in this sheet or the whole workbook: matches what cells show and
 * what was typed (src/app/workbook-find.ts), grouped by sheet with counts. Enter goes to the next
 * match (opening its sheet and selecting the cell), Shift+Enter back, Escape closes and leaves the
 * active cell on the match. Editors also get Replace and Replace all (src/app/workbook-replace.ts):
 * one step that one Undo takes back, input cells only, each new text read as if typed.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show, untrack, type JSX } from 'solid-js';
import type { FindProgress } from '../../app/find-build.ts';
import { keptFind } from '../../app/find-keeper.ts';
import { findInWorkbook, type FindHit, type FindQuery, type FindResult, type FindScope, type FindSource } from '../../app/workbook-find.ts';
import { replaceAll, replaceOne, type ReplaceContext } from '../../app/workbook-replace.ts';
import { useApp } from '../app-context.ts';
import type { GridController } from '../grid/grid-controller.ts';
import { single } from '../../app/selection.ts';
import { findTexts } from '../i18n/find-texts.ts';
import { loadView } from '../grid/view-state.ts';
import { replaceReport } from './replace-report.ts';
import './find.css';

const EMPTY: FindResult = { sheets: [], total: 0, hits: [], capped: false, hidden: 0, complete: true };

const sameHit = (a: FindHit, b: FindHit): boolean => a.sheetId === b.sheetId && a.rowId === b.rowId && a.colId === b.colId;

/** The rows a grid shows, in its order (only asked for while a sort or filter is on). */
const shownRows = (g: GridController): string[] => Array.from({ length: g.displayedRowCount() }, (_, i) => g.rowIdAt(i) ?? '');

const FindBar = (props: { onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(findTexts);
  const [query, setQuery] = createSignal('');
  const [scope, setScope] = createSignal<FindScope>('workbook');
  const [matchCase, setMatchCase] = createSignal(false);
  const [wholeCell, setWholeCell] = createSignal(false);
  const [replacing, setReplacing] = createSignal(false);
  const [by, setBy] = createSignal('');
  const [result, setResult] = createSignal<FindResult>(EMPTY);
  const [at, setAt] = createSignal(0);
  // A match to select once its sheet's grid is showing.
  const [target, setTarget] = createSignal<FindHit | null>(null);
  const canReplace = () => !app.readOnly && app.wb.writable;
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // The texts find reads, kept for the session (for the engine in use: it replaces the stand-in),
  // read in the background while the bar is open, the open sheet first.
  const kept = createMemo(() => keptFind(app.wb, app.calc));
  const [progress, setProgress] = createSignal<FindProgress>({ read: 0, total: 0, complete: false });
  createEffect(() => {
    const { build } = kept();
    build.start(app.activeSheet(), app.format());
    onCleanup(() => build.pause());
  });

  const findQuery = (): FindQuery => ({ text: query(), scope: scope(), sheetId: app.activeSheet(), matchCase: matchCase(), wholeCell: wholeCell() });
  const source = (): FindSource => {
    const g = app.grid();
    const { index, orders } = kept();
    const format = app.format();
    // The grid's own order for its sheet (a view not saved yet included), the saved view for the others.
    const rowOrder = (s: string) => (g && g.sheetId === s ? (g.viewActive() ? shownRows(g) : undefined) : orders.rows(s, loadView(app.workbookKey, s), format));
    return { wb: app.wb, calc: app.calc, format, index, readSoFar: true, rowOrder };
  };
  const replaceContext = (): ReplaceContext => {
    const refs = app.grid()?.references;
    const ctx = { ...source(), locale: app.i18n.locale() };
    return refs ? { ...ctx, hasKey: (s: string, key: string) => refs.lookup(s, key) !== undefined } : ctx;
  };

  /** Marks the matches of the grid on screen. */
  const paintHits = () => {
    const g = app.grid();
    if (!g?.api) return;
    g.findHits = new Set(result().hits.filter((h) => h.sheetId === g.sheetId).map((h) => `${h.rowId} ${h.colId}`));
    g.api.refreshCells({ suppressFlash: true });
  };

  const go = (hit: FindHit) => {
    if (app.activeSheet() !== hit.sheetId || app.view() !== 'grid') app.openSheet(hit.sheetId);
    setTarget(hit);
  };
  createEffect(() => {
    const hit = target();
    const g = app.grid();
    if (!hit || !g?.api || g.sheetId !== hit.sheetId || g.loadingRows()) return;
    setTarget(null);
    untrack(paintHits);
    const pos = { row: g.indexOfRow(hit.rowId), col: g.colIndex(hit.colId) };
    if (pos.row < 0 || pos.col < 0) return void app.toasts.show({ kind: 'info', message: app.t('row.hiddenByFilter') });
    g.select(single(pos));
    g.reveal(pos);
  });

  /** Searches again; `jump`: a new query, go to its first match (in the sheet open now, if it has one). */
  const search = (jump: boolean) =>
    untrack(() => {
      const prev = result().hits[at()];
      const r = findInWorkbook(source(), findQuery());
      setResult(r);
      const again = !jump && prev ? r.hits.findIndex((h) => sameHit(h, prev)) : -1;
      const here = r.hits.findIndex((h) => h.sheetId === app.activeSheet());
      const i = again >= 0 ? again : !jump && prev ? Math.min(at(), Math.max(0, r.hits.length - 1)) : Math.max(0, here);
      setAt(i);
      paintHits();
      const hit = r.hits[i];
      if (jump && hit) go(hit);
    });

  const step = (delta: number) => {
    const hits = result().hits;
    if (hits.length === 0) return;
    const i = (at() + delta + hits.length) % hits.length;
    setAt(i);
    const hit = hits[i];
    if (hit) go(hit);
  };

  const replaceCurrent = () => {
    const hit = result().hits[at()];
    if (!hit || !canReplace()) return;
    const r = replaceOne(replaceContext(), findQuery(), hit, by());
    if (r.ok && r.replaced === 0 && r.refused === 0 && r.computed > 0) app.toasts.show({ kind: 'info', message: t('find.notHere') });
    else if (!r.ok || r.refused > 0) app.toasts.show(replaceReport(app, t, r));
    search(false);
    const next = result().hits[at()];
    if (next) go(next);
  };
  const replaceEverything = () => {
    if (!canReplace() || !query().trim()) return;
    app.toasts.show(replaceReport(app, t, replaceAll(replaceContext(), findQuery(), by())));
    search(false);
  };

  const close = () => {
    const g = app.grid();
    if (g?.api) {
      g.findHits = new Set();
      g.api.refreshCells({ suppressFlash: true });
      const hit = result().hits[at()];
      const pos = hit && hit.sheetId === g.sheetId ? { row: g.indexOfRow(hit.rowId), col: g.colIndex(hit.colId) } : undefined;
      if (pos && pos.row >= 0 && pos.col >= 0) g.focusCell(pos);
      else g.refocus();
    }
    props.onClose();
  };

  // A search waiting for a pause in typing (true: of a new query, which goes to its first match).
  let waiting: boolean | null = null;
  const later = (jump: boolean) => {
    clearTimeout(timer);
    waiting = jump || waiting === true;
    timer = setTimeout(() => {
      const j = waiting === true;
      waiting = null;
      search(j);
    }, 120);
  };
  /** Enter right after typing: the new query's first match, not the next of the old one. */
  const next = (delta: number) => {
    if (waiting !== true) return step(delta);
    clearTimeout(timer);
    waiting = null;
    search(true);
  };
  // A new query or option: search and go to the first match.
  createEffect(on([query, scope, matchCase, wholeCell], () => later(true), { defer: true }));
  // While the workbook is being read: the matches so far grow every tenth of the way, and are all there at the end.
  let tenth = -1;
  createEffect(() => {
    const { build } = kept();
    const off = build.onProgress((p) => {
      setProgress(p);
      const now = p.complete ? 10 : Math.floor((p.read * 10) / Math.max(1, p.total));
      if (now === tenth) return;
      tenth = now;
      if (query().trim() && !result().complete && waiting === null) search(false);
    });
    onCleanup(off);
  });
  // Edits, recalculations, another sheet, another sort or filter: search again, staying on the match.
  createEffect(
    on(
      () => [app.cells(), app.structure(), app.grid(), app.grid()?.rowsVersion(), kept()],
      () => {
        if (!query().trim()) return;
        untrack(paintHits);
        later(false);
      },
      { defer: true },
    ),
  );
  onMount(() => input?.focus());
  onCleanup(() => clearTimeout(timer));

  const sheetName = (id: string) => {
    const s = app.wb.sheet(id);
    return s ? app.label(s) : '';
  };
  const onKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') (e.preventDefault(), e.stopPropagation(), close());
  };
  const current = () => result().hits[at()];
  return (
    <div class="wb-find wb-find-panel" role="search" data-testid="find-bar" onKeyDown={onKeys}>
      <div class="wb-find-row">
        <input
          ref={input}
          value={query()}
          placeholder={t('find.placeholder')}
          aria-label={t('find.placeholder')}
          data-testid="find-input"
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.preventDefault(), next(e.shiftKey ? -1 : 1));
          }}
        />
        <span class="wb-find-count" data-testid="find-count">
          {query().trim() ? t('find.count', result().hits.length ? at() + 1 : 0, result().total, result().hits.length) : ''}
          {query().trim() && result().hidden > 0 ? t('find.hidden', result().hidden) : ''}
          {query().trim() && !result().complete ? t('find.soFar') : ''}
        </span>
        <button type="button" class="wb-tool" title={t('find.previous')} aria-label={t('find.previous')} onClick={() => step(-1)}>
          ↑
        </button>
        <button type="button" class="wb-tool" title={t('find.next')} aria-label={t('find.next')} onClick={() => step(1)}>
          ↓
        </button>
        <Show when={canReplace()}>
          <button type="button" class="wb-tool" aria-pressed={replacing()} data-testid="find-show-replace" onClick={() => setReplacing(!replacing())}>
            {t('find.showReplace')}
          </button>
        </Show>
        <button type="button" class="wb-tool" title={t('find.close')} aria-label={t('find.close')} onClick={close}>
          ×
        </button>
      </div>
      <div class="wb-find-row wb-find-options">
        <select aria-label={t('find.scope')} data-testid="find-scope" value={scope()} onChange={(e) => setScope(e.currentTarget.value === 'sheet' ? 'sheet' : 'workbook')}>
          <option value="workbook">{t('find.scopeWorkbook')}</option>
          <option value="sheet">{t('find.scopeSheet')}</option>
        </select>
        <label>
          <input type="checkbox" data-testid="find-case" checked={matchCase()} onChange={(e) => setMatchCase(e.currentTarget.checked)} />
          {t('find.matchCase')}
        </label>
        <label>
          <input type="checkbox" data-testid="find-whole" checked={wholeCell()} onChange={(e) => setWholeCell(e.currentTarget.checked)} />
          {t('find.wholeCell')}
        </label>
      </div>
      <Show when={!progress().complete && progress().total > 0}>
        <div class="wb-find-row wb-find-progress" role="status" data-testid="find-progress">
          {t('find.reading', Math.min(99, Math.floor((progress().read * 100) / progress().total)))}
        </div>
      </Show>
      <Show when={replacing() && canReplace()}>
        <div class="wb-find-row">
          <input
            value={by()}
            placeholder={t('find.replaceWith')}
            aria-label={t('find.replaceWith')}
            data-testid="replace-input"
            onInput={(e) => setBy(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.preventDefault(), replaceCurrent());
            }}
          />
          <button type="button" class="wb-tool" data-testid="replace-one" disabled={!current()} onClick={replaceCurrent}>
            {t('find.replace')}
          </button>
          <button type="button" class="wb-tool" data-testid="replace-all" disabled={result().total === 0} onClick={replaceEverything}>
            {t('find.replaceAll')}
          </button>
        </div>
      </Show>
      <Show when={query().trim() && result().sheets.length > 0}>
        <div class="wb-find-sheets" role="list" aria-label={t('find.sheets')} data-testid="find-sheets">
          <For each={result().sheets}>
            {(s) => (
              <button
                type="button"
                role="listitem"
                class="wb-find-sheet"
                classList={{ 'wb-find-sheet-on': current()?.sheetId === s.sheetId }}
                title={t('find.sheetCount', sheetName(s.sheetId), s.count) + (s.hidden > 0 ? ` · ${t('find.hiddenTitle')}` : '')}
                data-testid="find-sheet"
                onClick={() => {
                  const i = result().hits.findIndex((h) => h.sheetId === s.sheetId);
                  const hit = result().hits[i];
                  if (!hit) return void (s.hidden > 0 && app.toasts.show({ kind: 'info', message: app.t('row.hiddenByFilter') }));
                  setAt(i);
                  go(hit);
                }}
              >
                {sheetName(s.sheetId)} <span class="wb-find-sheet-n">{s.count.toLocaleString(app.i18n.locale())}</span>
                <Show when={s.hidden > 0}>
                  {' '}
                  <span class="wb-find-sheet-hidden" title={t('find.hiddenTitle')}>
                    {t('find.sheetHidden', s.hidden)}
                  </span>
                </Show>
              </button>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
};

export default FindBar;
