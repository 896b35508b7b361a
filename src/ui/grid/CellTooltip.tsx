/**
 * Hover text of a cell: the whole text of a cell too narrow for it, an error value's message, the
 * reasons of the sheet's alerts, a reference to a key that does not exist. Shown as text (never
 * HTML) after a short pause.
 */
import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { isErrorValue } from '../../schema/computed-value.ts';
import { cellText } from '../../app/calc-service.ts';
import { useApp } from '../app-context.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import type { GridController } from './grid-controller.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

const DELAY = 350;

/** True when a cell shows less than its whole text: cut at its right edge (…), or below its last wrapped line. */
const isCut = (cell: HTMLElement): boolean =>
  [cell, ...cell.querySelectorAll<HTMLElement>('.wb-cell-text, .wb-pill, .wb-ref')].some(
    (e) => e.scrollWidth > e.clientWidth + 1 || (cell.classList.contains('wb-wrap') && e.scrollHeight > e.clientHeight + 2),
  );

/** The tooltip layer of a sheet grid; listens on `container`. */
export const CellTooltip = (props: { ctl: GridController; container: () => HTMLElement | undefined }): JSX.Element => {
  const app = useApp();
  const dt = app.i18n.texts(dialogTexts);
  const st = app.i18n.texts(syncTexts);
  const [tip, setTip] = createSignal<{ text: string; left: number; top: number } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: HTMLElement | null = null;

  const messageOf = (rowId: string, colId: string, cut: boolean): string | undefined => {
    const { sheetId } = props.ctl;
    const shape = props.ctl.shape;
    if (!app.wb.hasSheet(sheetId) || !shape.hasRow(rowId)) return undefined;
    const col = shape.column(colId);
    if (!col) return undefined;
    const lines: string[] = [];
    const v = app.calc.value(sheetId, rowId, colId);
    if (cut && !isErrorValue(v)) lines.push(cellText(app.calc, app.format(), sheetId, rowId, col, v));
    if (isErrorValue(v)) lines.push(`${v.error} ${v.message}`);
    for (const a of app.calc.alerts(sheetId, rowId)) if (a.colId === colId) lines.push(`${dt('cell.alert')}: ${a.message}`);
    if (app.hasConflict(sheetId, rowId, colId)) lines.push(st('history.conflictTip'));
    const ref = col.options.refSheet;
    if (col.type === 'reference' && typeof v === 'string' && v && ref && app.wb.hasSheet(ref) && !props.ctl.references.lookup(ref, v)) {
      const sheet = app.wb.sheet(ref);
      lines.push(dt('edit.refUnknown', v, sheet ? app.label(sheet) : ''));
    }
    return lines.length > 0 ? lines.join('\n') : undefined;
  };

  const over = (e: MouseEvent) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.ag-cell');
    if (cell === current) return;
    current = cell;
    clearTimeout(timer);
    setTip(null);
    const rowId = cell?.closest('.ag-row')?.getAttribute('row-id');
    const colId = cell?.getAttribute('col-id');
    if (!cell || !rowId || !colId) return;
    timer = setTimeout(() => {
      const text = messageOf(rowId, colId, isCut(cell));
      const box = props.container()?.getBoundingClientRect();
      if (!text || !box || !cell.isConnected) return;
      const r = cell.getBoundingClientRect();
      setTip({ text, left: Math.min(r.left - box.left, box.width - 320), top: r.bottom - box.top + 2 });
    }, DELAY);
  };
  const leave = () => {
    current = null;
    clearTimeout(timer);
    setTip(null);
  };

  onMount(() => {
    const el = props.container();
    el?.addEventListener('mouseover', over);
    el?.addEventListener('mouseleave', leave);
    el?.addEventListener('wheel', leave, { passive: true });
  });
  onCleanup(() => {
    clearTimeout(timer);
    const el = props.container();
    el?.removeEventListener('mouseover', over);
    el?.removeEventListener('mouseleave', leave);
    el?.removeEventListener('wheel', leave);
  });

  return (
    <Show when={tip()}>
      {(t) => (
        <div class="wb-tooltip" role="tooltip" data-testid="cell-tooltip" style={{ left: `${Math.max(4, t().left)}px`, top: `${t().top}px` }}>
          {t().text}
        </div>
      )}
    </Show>
  );
};
