/**
 * Pasting clipboard text at the active cell: the grid's part of it. What is read and written is
 * decided by src/app/paste-block.ts (one undo step, bad cells left alone, other currencies
 * reported); this file hands it the displayed grid, words the outcome in the person's language,
 * selects what was pasted and puts the toast where it does not cover those cells. Loaded on
 * first paste (papaparse comes with it).
 */
import { applyPaste, currencyMismatches, pastedCount, planPaste, type GridRect, type PastePlan } from '../../app/paste-block.ts';
import { boundingBox, toastCorner, type Corner, type ScreenBox } from '../../app/overlay-place.ts';
import { dateSummary, pastedDates, switchPastedDates, type DateSummary, type PastedDate } from '../../app/paste-dates.ts';
import { parseTsv } from '../../csv/read-tsv.ts';
import { dateOrderOf, regionOf } from '../../schema/date-text.ts';
import { CURRENCY_SYMBOLS } from '../../schema/number-format.ts';
import { dayText, editContext, editProblemText } from './cell-input.ts';
import type { GridController } from './grid-controller.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

const LISTED = 8;

/** What a paste did. */
export interface PasteReport {
  written: number;
  rowsAdded: number;
  problems: number;
  cutColumns: number;
}

/** Pastes `text` at the selection of `ctl` and reports the outcome in a toast. */
export const pasteText = (ctl: GridController, text: string): PasteReport => {
  const { app, sheetId, wb } = ctl;
  const block = parseTsv(text);
  if (block.length === 0) {
    app.toasts.show({ kind: 'info', message: app.i18n.texts(dialogTexts)('paste.nothing') });
    return { written: 0, rowsAdded: 0, problems: 0, cutColumns: 0 };
  }
  const selection = ctl.selectedRect() ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const target = { columns: ctl.displayedColumns(), rowCount: ctl.displayedRowCount(), rowIdAt: (i: number) => ctl.rowIdAt(i), selection };
  const plan = planPaste(editContext(app, ctl.references), sheetId, block, target);
  const dates = pastedDates(plan.dates, applyPaste(wb, sheetId, plan));
  ctl.select({ anchor: { row: plan.area.top, col: plan.area.left }, focus: { row: plan.area.bottom, col: plan.area.right } });
  // The toast is placed once the grid shows the pasted cells.
  requestAnimationFrame(() => announce(ctl, plan, dates));
  return { written: pastedCount(plan), rowsAdded: plan.newRows.length, problems: plan.problems.length, cutColumns: plan.cutColumns };
};

/** Where the cells of `area` are on screen (the part of them the grid shows), or null. */
const areaOnScreen = (ctl: GridController, area: GridRect): ScreenBox | null => {
  const root = document.querySelector<HTMLElement>('.wb-grid-wrap');
  const body = root?.querySelector<HTMLElement>('.ag-body-viewport') ?? root;
  if (!body) return null;
  const ids = new Set(ctl.displayedColumns().slice(area.left, area.right + 1).map((c) => c.id));
  const boxes: ScreenBox[] = [];
  for (const row of body.querySelectorAll<HTMLElement>('.ag-row[row-index]')) {
    const i = Number(row.getAttribute('row-index'));
    if (i < area.top || i > area.bottom) continue;
    for (const c of row.querySelectorAll<HTMLElement>('.ag-cell[col-id]')) {
      if (ids.has(c.getAttribute('col-id') ?? '')) boxes.push(c.getBoundingClientRect());
    }
  }
  return boundingBox(boxes, body.getBoundingClientRect());
};

/** The corner for the toast: away from the pasted cells (the toast stack as it will be, about). */
const cornerFor = (ctl: GridController, area: GridRect, lines: number): Corner => {
  const stack = document.querySelector<HTMLElement>('.wb-toasts');
  const now = stack?.getBoundingClientRect();
  const size = { width: 440, height: (now && now.height > 0 ? now.height + 8 : 0) + 44 + 18 * lines };
  const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  return toastCorner(areaOnScreen(ctl, area), size, viewport, { side: 16, top: 16, bottom: 68 });
};

/** "3 dates read day first, e.g. 10/01/2027 → 10 Jan 2027 — did you mean 1 Oct?" and its switch, in one toast action. */
const datesNote = (ctl: GridController, s: DateSummary, cells: readonly PastedDate[]) => {
  const { app, sheetId } = ctl;
  const t = app.i18n.texts(dialogTexts);
  const dayFirst = s.order === 'DMY';
  const line = t('paste.datesRead', s.count, dayFirst, s.example.text, dayText(app, s.example.taken, true), dayText(app, s.example.other, false));
  const run = () => {
    const r = switchPastedDates(app.wb, sheetId, cells);
    const message = r.ok ? t('paste.datesSwitched', r.switched, !dayFirst) : t('paste.datesChanged', r.changed, r.total);
    app.toasts.show({ kind: r.ok ? 'info' : 'error', message }, r.ok ? 6_000 : 10_000);
  };
  return { line, action: { label: t('paste.switchDates', s.count, dayFirst), run } };
};

const announce = (ctl: GridController, plan: PastePlan, cells: readonly PastedDate[]): void => {
  const { app } = ctl;
  const t = app.i18n.texts(dialogTexts);
  const written = pastedCount(plan);
  const lines: string[] = [];
  if (plan.newRows.length > 0) lines.push(t('paste.grew', plan.newRows.length));
  if (plan.cutColumns > 0) lines.push(t('paste.tooWide', plan.cutColumns));
  const summary = dateSummary(cells, dateOrderOf(regionOf(app.wb.settings)));
  const dates = summary ? datesNote(ctl, summary, cells) : null;
  if (dates) lines.push(dates.line);
  const action = dates ? { action: dates.action } : {};
  const currency = currencyMismatches(plan.warnings).map((m) =>
    t('paste.currencyDiffers', m.count, m.typed.map((c) => CURRENCY_SYMBOLS[c]).join(' '), app.label(m.column), CURRENCY_SYMBOLS[m.currency]),
  );
  const problems = plan.problems.slice(0, LISTED).map((p) => t('paste.badCell', p.row, app.label(p.column), editProblemText(app, p.problem)));
  if (plan.problems.length > LISTED) problems.push(t('paste.more', plan.problems.length - LISTED));
  const details = [...currency, ...problems];
  const corner = cornerFor(ctl, plan.area, details.length + 1);
  if (plan.problems.length === 0) {
    const message = [t('paste.done', written), ...lines].join(' ');
    app.toasts.show(currency.length > 0 ? { kind: 'info', message, details, corner, ...action } : { kind: 'info', message, corner, ...action }, dates ? 15_000 : undefined);
    return;
  }
  const head = written > 0 ? [t('paste.done', written), ...lines] : lines;
  app.toasts.show({ kind: 'error', message: [...head, t('paste.bad', plan.problems.length)].join(' '), details, corner, ...action }, dates ? 15_000 : undefined);
};
