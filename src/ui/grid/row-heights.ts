/**
 * Row heights of a sheet with wrapped columns: each row is as tall as the longest of its wrapped
 * texts needs (lines counted by src/app/wrap-lines.ts, measured on a canvas in the grid's font).
 * Loaded only for a sheet that wraps a column; other sheets keep AG Grid's fixed height.
 */
import type { RowHeightParams } from 'ag-grid-community';
import { cellText } from '../../app/calc-service.ts';
import { wrappedLineCount } from '../../app/wrap-lines.ts';
import { columnWidth } from './column-defs.ts';
import type { GridController, RowRef } from './grid-controller.ts';

/** Height of one wrapped line, and of a row of one line (as styled in grid.css and the theme). */
const LINE = 20;
const ROW = 30;
/** A cell's padding and borders, across (8 px each side, 1 px borders) and down. */
const ACROSS = 18;
const DOWN = 10;
/** The most lines a row grows to; longer text is cut (its tooltip shows all of it). */
const MAX_LINES = 12;

let canvas: CanvasRenderingContext2D | null | undefined;
const measurer = (): ((s: string) => number) => {
  if (canvas === undefined) {
    canvas = document.createElement('canvas').getContext('2d');
    if (canvas) canvas.font = `13px ${getComputedStyle(document.body).fontFamily}`;
  }
  const c = canvas;
  return c ? (s) => c.measureText(s).width : (s) => s.length * 7;
};

let flip = false;

/**
 * Lines already counted, by width and text: a sheet lays its rows out again after every edit, and
 * only the texts that changed are measured again. Bounded; emptied when full.
 */
const counted = new Map<string, number>();
const MAX_COUNTED = 50_000;
const linesOf = (text: string, width: number, measure: (s: string) => number): number => {
  const key = `${width}\u0000${text}`;
  let n = counted.get(key);
  if (n === undefined) {
    if (counted.size >= MAX_COUNTED) counted.clear();
    n = wrappedLineCount(text, width, measure, MAX_LINES);
    counted.set(key, n);
  }
  return n;
};

/**
 * Gives the grid the row heights its wrapped columns need (or the fixed height again when none is
 * wrapped) and has it lay the rows out anew; returns whether any column wraps.
 */
export const applyRowHeights = (ctl: GridController): boolean => {
  const api = ctl.api;
  if (!api) return false;
  const { app, sheetId } = ctl;
  const wrapped = ctl.displayedColumns().filter((c) => c.options.wrap);
  const measure = measurer();
  const fmt = app.format();
  const cols = wrapped.map((col) => {
    const type = col.formula !== undefined ? (app.calc.resultType(sheetId, col.id) ?? col.type) : col.type;
    return { col, width: columnWidth(col, type, app.label(col)) - ACROSS };
  });
  const height = (p: RowHeightParams<RowRef>): number => {
    const rowId = p.data?.id;
    if (!rowId) return ROW;
    let lines = 1;
    for (const { col, width } of cols) {
      const text = cellText(app.calc, fmt, sheetId, rowId, col);
      // A text shorter than a line cannot wrap (no character is wider than 16 px at 13 px).
      if (text.length * 16 > width) lines = Math.max(lines, linesOf(text, width, measure));
    }
    return lines === 1 ? ROW : lines * LINE + DOWN;
  };
  api.setGridOption('getRowHeight', cols.length > 0 ? height : undefined);
  // A change of rowHeight is what makes AG Grid ask every row for its height again (the api call
  // that does it belongs to a module the app does not load); both values mean the theme's 30 px.
  flip = !flip;
  api.setGridOption('rowHeight', flip ? ROW : undefined);
  return cols.length > 0;
};
