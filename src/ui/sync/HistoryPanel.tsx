/**
 * The history panel. Cell history: for the active cell, who changed it to what and when (newest
 * first), with the values that lost against an edit made at the same time. Who wrote an entry is
 * the relay's record of the device (or link) that owns its client id; the name the person chose is
 * shown beside it. Looking here is what clears a cell's conflict mark, for everyone. Below, the
 * sheet's other cells with such a mark. Versions (its other tab, Versions.tsx): the workbook's
 * moments, to restore or revert.
 */
import { createEffect, createMemo, createSignal, For, lazy, onCleanup, Show, Suspense, type JSX } from 'solid-js';
import { cellConflicts, cellHistory, hasConflict, markConflictSeen } from '../../model/history.ts';
import type { CellHistoryEntry } from '../../schema/history-types.ts';
import { isCellFormula, type CellValue, type Column } from '../../schema/types.ts';
import { restoreValue } from '../../app/restore-value.ts';
import { editContext, editProblemText } from '../grid/cell-input.ts';
import type { ClientOwnerTag } from '../../sync/relay-api.ts';
import { useApp, type AppState } from '../app-context.ts';
import { formatValue } from '../../schema/format-value.ts';
import { shownName } from '../../schema/shown-name.ts';
import { syncTexts, type SyncText } from '../i18n/sync-texts.ts';
import './sync.css';

const Versions = lazy(() => import('./Versions.tsx'));

/** A stored value as the column shows it. */
const shown = (app: AppState, st: SyncText, col: Column, e: CellHistoryEntry): string => {
  const v = e.value;
  if (v === null || v === '') return st('history.empty');
  if (isCellFormula(v)) return st('history.formula', app.calc.display(v.f, app.activeSheet(), app.i18n.locale()));
  return formatValue(v, col, app.format());
};

const when = (app: AppState, time: number): string =>
  new Date(time).toLocaleString(app.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' });

/** Which tab the panel shows; the cell's history unless it was opened on Versions (see showVersions). */
const [tab, setTab] = createSignal<'cell' | 'versions'>('cell');

/** Opens the panel on its Versions tab (the status bar's Versions button, once it is open or opening). */
export const showVersions = (): void => {
  setTab('versions');
};

/** Who wrote an entry by the relay's record, or '' when the relay has none for it. */
const writer = (st: SyncText, owners: ReadonlyMap<number, ClientOwnerTag>, e: CellHistoryEntry): string => {
  const o = e.clientId === undefined ? undefined : owners.get(e.clientId);
  if (!o) return '';
  if (o.kind === 'member') return st('history.member', o.tag);
  return o.kind === 'device' ? st('history.device', o.tag) : o.kind === 'link' ? st('history.link', o.tag) : st('history.server');
};

/**
 * The name an entry shows: a member's as the relay knows it, else the one the writer chose (the
 * model already read that one through shownName; a member's name stored before the relay refused
 * control and bidi characters goes through the same rule).
 */
const authorOf = (owners: ReadonlyMap<number, ClientOwnerTag>, e: CellHistoryEntry): string => {
  const o = e.clientId === undefined ? undefined : owners.get(e.clientId);
  return (o?.kind === 'member' && shownName(o.name)) || e.userName;
};

/** Asks the relay again for owners it did not know at most this often. */
const OWNERS_AGAIN_MS = 3000;

const HistoryPanel = (props: { onClose: () => void }): JSX.Element => {
  const app = useApp();
  const st = app.i18n.texts(syncTexts);
  // The next opening (from a cell's menu) shows the cell's history.
  onCleanup(() => setTab('cell'));
  // Any history written or looked at (here or by a teammate) shows at once.
  const [version, setVersion] = createSignal(0);
  onCleanup(app.wb.onChange((c) => [...c.sheets.values()].some((s) => s.marks.size + s.cells.size > 0) && setVersion((v) => v + 1)));

  const target = createMemo(() => {
    version();
    app.cells();
    const g = app.grid();
    const cell = g?.activeCell();
    if (!g || !cell) return null;
    return { sheetId: g.sheetId, rowId: cell.rowId, col: cell.col, row: cell.rowIndex + 1 };
  });
  const entries = createMemo(() => {
    const t = target();
    return t && app.wb.hasRow(t.sheetId, t.rowId) ? cellHistory(app.wb, t.sheetId, t.rowId, t.col.id) : [];
  });
  const others = createMemo(() => {
    version();
    const t = target();
    const sheetId = app.grid()?.sheetId;
    return sheetId ? cellConflicts(app.wb, sheetId).filter((c) => !(t && c.rowId === t.rowId && c.colId === t.col.id)) : [];
  });
  // The relay's record of who owns each client id: asked for when an entry names one it lacks.
  const [owners, setOwners] = createSignal<ReadonlyMap<number, ClientOwnerTag>>(new Map());
  let asked = Number.NEGATIVE_INFINITY;
  createEffect(() => {
    const known = owners();
    const missing = entries().some((e) => e.clientId !== undefined && !known.has(e.clientId));
    const session = app.session;
    if (!missing || !session || Date.now() - asked < OWNERS_AGAIN_MS) return;
    asked = Date.now();
    void session.owners().then((got) => got.size > 0 && setOwners(got));
  });
  // The person is looking at this cell's history: its lost values are seen.
  createEffect(() => {
    if (tab() !== 'cell') return;
    const t = target();
    if (t && hasConflict(app.wb, t.sheetId, t.rowId, t.col.id)) markConflictSeen(app.wb, t.sheetId, t.rowId, t.col.id);
  });

  // Restoring an old value types it again: one edit, checked like any input, that Undo takes back.
  const restore = (t: { sheetId: string; rowId: string; col: Column }, value: CellValue) => {
    const g = app.grid();
    if (!g) return;
    const r = restoreValue({ ...editContext(app, g.references), calc: app.calc, readOnly: g.readOnly }, t.sheetId, t.rowId, t.col.id, value);
    app.toasts.show(r.ok ? { kind: 'info', message: st('history.restored') } : { kind: 'error', message: st('history.notRestored', editProblemText(app, r.problem)) });
  };
  const canRestore = () => !(app.grid()?.readOnly ?? true);

  // The panel narrows the grid: the column it describes is scrolled into view beside it, not left under it.
  const reveal = () => {
    const g = app.grid();
    const t = target();
    if (g && t) g.api?.ensureColumnVisible(t.col.id);
  };
  const sheetArea = document.querySelector('.wb-sheet');
  const resized = new ResizeObserver(() => requestAnimationFrame(reveal));
  if (sheetArea) resized.observe(sheetArea);
  onCleanup(() => resized.disconnect());
  createEffect(() => {
    target();
    requestAnimationFrame(reveal);
  });

  const go = (rowId: string, colId: string) => {
    const g = app.grid();
    const row = g?.indexOfRow(rowId) ?? -1;
    const col = g?.colIndex(colId) ?? -1;
    if (g && row >= 0 && col >= 0) g.focusCell({ row, col });
  };

  return (
    <aside class="wb-help wb-history" aria-label={st('history.title')} data-testid="history-panel">
      <div class="wb-help-head">
        <h2 class="wb-history-tabs" role="tablist">
          <For each={[['cell', st('history.title')], ['versions', st('history.versions')]] as const}>
            {([name, label]) => (
              <button type="button" role="tab" aria-selected={tab() === name} data-testid={`history-tab-${name}`} onClick={() => setTab(name)}>
                {label}
              </button>
            )}
          </For>
        </h2>
        <button type="button" class="wb-tool" aria-label={app.t('common.close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <Show when={tab() === 'versions'}>
        <Suspense>
          <Versions />
        </Suspense>
      </Show>
      <Show when={tab() === 'cell'}>
        <Show when={target()} fallback={<p class="wb-help-note">{st('history.pick')}</p>}>
          {(t) => (
            <>
              <p class="wb-history-cell" data-testid="history-cell">
                {st('history.of', app.label(t().col), t().row)}
              </p>
              <ol class="wb-history-list" data-testid="history-list">
                <For each={entries()} fallback={<li class="wb-help-note">{st('history.none')}</li>}>
                  {(e) => (
                    <li classList={{ 'wb-history-lost': e.lost, 'wb-history-now': e.current }} data-testid="history-entry" data-lost={e.lost ? 'true' : undefined}>
                      <div class="wb-history-value">{shown(app, st, t().col, e)}</div>
                      <div class="wb-history-meta">
                        <Show when={writer(st, owners(), e)}>
                          {(w) => (
                            <span class="wb-history-owner" data-testid="history-owner" title={st('history.ownerTip')}>
                              {w()}
                            </span>
                          )}
                        </Show>
                        <Show when={writer(st, owners(), e)}> · </Show>
                        <span data-testid="history-author">{authorOf(owners(), e) || st('history.someone')}</span> · {when(app, e.time)}
                      </div>
                      <Show when={e.clientId === undefined}>
                        <div class="wb-history-note" data-testid="history-unverified">
                          {st('history.unverified')}
                        </div>
                      </Show>
                      <Show when={e.kind !== 'edit'}>
                        <div class="wb-history-note">{e.kind === 'rows' ? st('history.rows', e.count ?? 1) : e.kind === 'cells' ? st('history.cells', e.count ?? 1) : st('history.retype')}</div>
                      </Show>
                      <Show when={e.current}>
                        <div class="wb-history-note">{st('history.now')}</div>
                      </Show>
                      <Show when={!e.current && canRestore()}>
                        <button type="button" class="wb-link wb-history-restore" data-testid="history-restore" onClick={() => restore(t(), e.value)}>
                          {st('history.restore')}
                        </button>
                      </Show>
                      <Show when={e.lost}>
                        <div class="wb-history-note wb-history-lost-note">
                          {st('history.lost')}
                          <Show when={e.seenBy}>{(s) => <> · {st('history.seenBy', s().userName || st('history.someone'))}</>}</Show>
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </>
          )}
        </Show>
        <Show when={others().length > 0}>
          <div class="wb-history-others">
            <p class="wb-help-note">{st('history.conflicts', others().length)}</p>
            <ul>
              <For each={others()}>
                {(c) => {
                  const sheetId = app.grid()?.sheetId ?? '';
                  const col = app.wb.column(sheetId, c.colId);
                  return (
                    <li>
                      <button type="button" class="wb-link" onClick={() => go(c.rowId, c.colId)}>
                        {st('history.of', col ? app.label(col) : c.colId, app.wb.rowIndex(sheetId, c.rowId) + 1)}
                      </button>
                    </li>
                  );
                }}
              </For>
            </ul>
          </div>
        </Show>
      </Show>
    </aside>
  );
};

export default HistoryPanel;
