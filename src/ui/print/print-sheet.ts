/**
 * Printing a sheet (its tab menu's *Print…*, Ctrl+P on a sheet): the person's view of it — their
 * filters and sort — as a plain table in a container only print media shows, with the header row
 * repeated on every page (a real <thead>), every column, and nothing of the app around it (no
 * toolbars, no teammates' cursors). Loaded on first use.
 */
import type { AppState } from '../app-context.ts';
import { cellShownType, cellText } from '../../app/calc-service.ts';
import { printTable, PRINT_ROW_LIMIT, type PrintTable } from '../../app/print-table.ts';
import { sheetShape } from '../../app/sheet-shape.ts';
import { formatValue } from '../../schema/format-value.ts';
import { orderRows } from '../../app/row-order.ts';
import type { ViewState } from '../../app/sheet-view.ts';
import { loadView } from '../grid/view-state.ts';
import { printTexts } from './print-texts.ts';
import './print.css';

/** The body's class while a sheet is being printed: print media then shows the print view alone. */
const PRINTING = 'wb-print-sheet';

/** The view a person has of a sheet: the open grid's (it may not be saved yet), else the one they saved. */
const viewOf = (app: AppState, sheetId: string): ViewState => {
  const g = app.grid();
  return g && g.sheetId === sheetId ? g.view() : loadView(app.workbookKey, sheetId);
};

/** The table of sheet `sheetId` as the person sees it: their filters and sort, cells as the grid writes them. */
export const sheetPrintTable = (app: AppState, sheetId: string, limit = PRINT_ROW_LIMIT): { table: PrintTable; view: ViewState } => {
  const calc = app.calc;
  const fmt = app.format();
  const shape = sheetShape(app.wb, calc, sheetId);
  const view = viewOf(app, sheetId);
  const rowIds = orderRows(shape.rowIds(), view, {
    values: (colId) => calc.columnValues(sheetId, colId),
    format: (v, col) => formatValue(v, col, fmt),
    column: (colId) => shape.column(colId),
  });
  const table = printTable(
    {
      columns: shape.columns(),
      rowIds,
      header: (col) => app.label(col),
      shownType: (col) => cellShownType(calc, sheetId, undefined, col),
      text: (rowId, col) => cellText(calc, fmt, sheetId, rowId, col),
    },
    limit,
  );
  return { table, view };
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Builds the print view of sheet `sheetId` (replacing an earlier one) and returns it. */
export const renderPrintView = (app: AppState, sheetId: string, limit = PRINT_ROW_LIMIT): HTMLElement => {
  const t = app.i18n.texts(printTexts);
  const { table, view } = sheetPrintTable(app, sheetId, limit);
  const sheet = app.wb.sheet(sheetId);
  document.querySelector('.wb-print')?.remove();
  const root = el('div', 'wb-print');
  root.dataset.testid = 'print-view';

  const head = el('header', 'wb-print-head');
  head.append(el('h1', 'wb-print-title', `${app.wb.settings.name} · ${sheet ? app.label(sheet) : ''}`));
  const about = [t('print.rows', table.total)];
  if (Object.keys(view.filters).length > 0) about.push(t('print.filtered'));
  if (view.sort.length > 0) about.push(t('print.sorted'));
  const date = new Intl.DateTimeFormat(app.i18n.locale(), { dateStyle: 'medium' }).format(new Date());
  head.append(el('p', 'wb-print-about', `${about.join(', ')} · ${t('print.printed', date)}`));
  root.append(head);

  const tbl = el('table', 'wb-print-table');
  const thead = el('thead');
  const hr = el('tr');
  for (const c of table.columns) hr.append(el('th', c.numeric ? 'wb-print-num' : undefined, c.header));
  thead.append(hr);
  const tbody = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr');
    row.forEach((text, i) => tr.append(el('td', table.columns[i]?.numeric ? 'wb-print-num' : undefined, text)));
    tbody.append(tr);
  }
  tbl.append(thead, tbody);
  root.append(tbl);
  if (table.rows.length === 0) root.append(el('p', 'wb-print-note', t('print.empty')));
  if (table.cut) {
    const note = el('p', 'wb-print-note wb-print-cut', t('print.cut', table.rows.length, table.total));
    note.dataset.testid = 'print-cut';
    root.append(note);
  }
  document.body.append(root);
  return root;
};

/**
 * Prints sheet `sheetId` as the person sees it: builds the print view, marks the page as printing a
 * sheet (so print media shows the view alone) and opens the browser's print dialog; once printing
 * is over, the page is as before (the Dashboard's own print is untouched).
 */
export const printSheet = (app: AppState, sheetId: string): void => {
  const root = renderPrintView(app, sheetId);
  document.body.classList.add(PRINTING);
  const done = () => {
    window.removeEventListener('afterprint', done);
    document.body.classList.remove(PRINTING);
    root.remove();
  };
  window.addEventListener('afterprint', done);
  window.print();
};
