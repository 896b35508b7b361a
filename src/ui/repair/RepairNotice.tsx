/**
 * The "Needs repair" notice: when stored entries of the workbook could not be used as they are
 * (a peer wrote values of the wrong kind, unknown words, prototype keys, huge text …), a bar says
 * how many, and its list says where each is and what was wrong, with its repairs (reset to a
 * default, or remove), each one click and one synced, undoable edit. Loaded after the first paint.
 */
import { createMemo, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { DamageWatch } from '../../model/damage-watch.ts';
import { repairAll, repairEntry } from '../../model/repair.ts';
import type { DamagedEntry, RepairAction } from '../../schema/stored/index.ts';
import { useApp } from '../app-context.ts';
import { entryPlace, problemText, repairText } from '../i18n/repair-i18n.ts';
import { RecoveryButtons } from './Recovery.tsx';
import './repair.css';

const RepairNotice = (): JSX.Element => {
  const app = useApp();
  const rt = repairText(app.i18n.locale);
  const watch = new DamageWatch(app.wb);
  onCleanup(() => watch.dispose());
  // Re-read after every change (the watch re-checks only what the change touched).
  const [version, setVersion] = createSignal(0);
  onCleanup(app.wb.onChange(() => setVersion((v) => v + 1)));
  const report = createMemo(() => (version(), watch.report()));
  const [open, setOpen] = createSignal(false);
  const canRepair = () => !app.readOnly && app.wb.writable;
  // Sheets and columns as the tabs and headers show them (in the person's language).
  const shown = (e: DamagedEntry): DamagedEntry => {
    const out = { ...e };
    const sheet = e.sheetId === undefined ? undefined : app.wb.sheet(e.sheetId);
    if (sheet) out.sheet = app.label(sheet);
    if (sheet && e.kind === 'sheet') out.name = app.label(sheet);
    const colId = e.kind === 'column' ? e.id : e.columnId;
    const col = sheet && colId !== undefined ? app.wb.column(sheet.id, colId) : undefined;
    if (col && e.kind === 'column') out.name = app.label(col);
    if (col && e.kind === 'cell') out.column = app.label(col);
    return out;
  };

  // What happened is a toast: the notice itself goes once nothing is left to repair.
  const run = (fn: () => number | void) => {
    try {
      const n = fn();
      if (typeof n === 'number') app.toasts.show({ kind: 'info', message: rt('notice.done', n) });
    } catch (err) {
      app.toasts.show({ kind: 'error', message: rt('notice.failed', err instanceof Error ? err.message : String(err)) });
    }
  };
  const repair = (e: DamagedEntry, action: RepairAction) => run(() => repairEntry(app.wb, e, action));

  return (
    <Show when={report().total > 0}>
      <section class="wb-repair" aria-label={rt('notice.title')} data-testid="repair-notice" data-count={report().total}>
        <div class="wb-repair-bar">
          <span class="wb-repair-icon" aria-hidden="true">
            ⚠
          </span>
          <span class="wb-repair-count">{rt('notice.count', report().total)}</span>
          <span class="wb-repair-hint">{rt('notice.hint')}</span>
          <button type="button" class="wb-link" onClick={() => setOpen((o) => !o)} data-testid="repair-show" aria-expanded={open()}>
            {open() ? rt('notice.hide') : rt('notice.show')}
          </button>
        </div>
        <Show when={open()}>
          <div class="wb-repair-panel" data-testid="repair-list">
            <ul>
              <For each={report().entries}>
                {(e) => (
                  <li class="wb-repair-entry" data-testid="repair-entry" data-kind={e.kind}>
                    <div class="wb-repair-where">
                      {entryPlace(rt, shown(e))}
                      <Show when={e.hidden}>
                        <span class="wb-repair-hidden"> ({rt('entry.hidden')})</span>
                      </Show>
                    </div>
                    <div class="wb-repair-what">{e.problems.map((p) => problemText(rt, p)).join('; ')}</div>
                    <Show when={canRepair()}>
                      <span class="wb-repair-actions">
                        <For each={e.repairs}>
                          {(action) => (
                            <button
                              type="button"
                              class={action === 'remove' ? 'wb-danger-text' : ''}
                              title={rt(action === 'reset' ? 'repair.resetTitle' : 'repair.removeTitle')}
                              onClick={() => repair(e, action)}
                              data-testid={`repair-${action}`}
                            >
                              {rt(action === 'reset' ? 'repair.reset' : 'repair.remove')}
                            </button>
                          )}
                        </For>
                      </span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={report().total > report().entries.length}>
              <p class="wb-repair-more">{rt('notice.more', report().total - report().entries.length)}</p>
            </Show>
            <div class="wb-repair-footer">
              <Show when={canRepair()} fallback={<span>{rt('notice.readOnly')}</span>}>
                <button type="button" class="wb-primary" title={rt('notice.allTitle')} onClick={() => run(() => repairAll(app.wb))} data-testid="repair-all">
                  {rt('notice.all')}
                </button>
              </Show>
              <Show when={app.session?.canRepairFromServer && app.session}>
                {(s) => <RecoveryButtons locale={app.i18n.locale} repair={() => s().repairFromServer()} reload={false} />}
              </Show>
            </div>
          </div>
        </Show>
      </section>
    </Show>
  );
};

export default RepairNotice;
