/** AG Grid column definitions from the sheet's typed columns. */
import type { CellClassParams, ColDef, ICellRendererParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { type ComputedValue, isErrorValue } from '../../schema/computed-value.ts';
import { RULE_COLORS, type Column, type ColumnType } from '../../schema/types.ts';
import { cellText } from '../../app/calc-service.ts';
import { arrayRenderer, booleanRenderer, choiceRenderer, referenceRenderer, rowNumberRenderer } from './cell-renderers.ts';
import { ColumnHeader, type ColumnHeaderParams } from './column-header.ts';
import { ROW_NUMBER_COL, type GridController, type RowRef } from './grid-controller.ts';
import { ownsKey } from './keyboard.ts';

/** Default widths by type, in pixels, for columns nobody has resized. */
const WIDTHS: Record<ColumnType, number> = {
  text: 180,
  number: 110,
  integer: 100,
  currency: 120,
  percent: 100,
  date: 120,
  boolean: 90,
  choice: 140,
  reference: 200,
};

let canvas: CanvasRenderingContext2D | null | undefined;

/** Width a header needs to show its whole name: badge, name and a sort mark (the menu button overlays). */
const headerWidth = (name: string): number => {
  if (canvas === undefined) {
    canvas = document.createElement('canvas').getContext('2d');
    if (canvas) canvas.font = `600 12px ${getComputedStyle(document.body).fontFamily}`;
  }
  const text = canvas ? canvas.measureText(name).width : name.length * 8;
  return Math.ceil(text) + 70;
};

const NUMERIC = new Set<ColumnType>(['number', 'integer', 'currency', 'percent']);

/** A column's width on screen: the team's, else by its key role, type and header. */
export const columnWidth = (col: Column, type: ColumnType, name: string): number =>
  col.options.width ?? Math.max(col.options.key ? 120 : WIDTHS[type], Math.min(280, headerWidth(name)));

/** The row-number column: position on screen, drag handle to move rows, click to select rows. */
const rowNumberDef = (ctl: GridController): ColDef<RowRef> => ({
  colId: ROW_NUMBER_COL,
  headerName: '',
  width: 64,
  pinned: 'left',
  lockPosition: 'left',
  lockPinned: true,
  suppressMovable: true,
  resizable: false,
  sortable: false,
  suppressNavigable: true,
  valueGetter: (p: ValueGetterParams<RowRef>) => (p.node?.rowIndex ?? 0) + 1,
  cellRenderer: rowNumberRenderer(ctl.app.t('row.dragHint')),
  cellClass: 'wb-rownum',
  cellClassRules: { 'wb-rownum-on': (p: CellClassParams<RowRef>) => ctl.rowInSelection(p.node.rowIndex) },
});

/** Column definitions for the sheet, row numbers first; sorts start as this person left them. */
export const buildColumnDefs = (
  ctl: GridController,
  header: Omit<ColumnHeaderParams, 'model' | 'filtered' | 'onSort' | 'sortDir'>,
): ColDef<RowRef>[] => {
  const { app, sheetId } = ctl;
  const defs: ColDef<RowRef>[] = [rowNumberDef(ctl)];
  const shape = ctl.shape;
  for (const col of shape.columns()) {
    if (col.options.hidden) continue;
    const colId = col.id;
    const current = (): Column => shape.column(colId) ?? col;
    const type = col.formula !== undefined ? (app.calc.resultType(sheetId, colId) ?? col.type) : col.type;
    const classes = ['wb-cell', `wb-t-${type}`];
    if (NUMERIC.has(type)) classes.push('wb-num');
    if (col.formula !== undefined) classes.push('wb-computed');
    if (col.options.wrap) classes.push('wb-wrap');
    defs.push({
      colId,
      headerName: app.label(col),
      headerComponent: ColumnHeader,
      headerComponentParams: {
        ...header,
        model: () => shape.column(colId),
        filtered: () => ctl.view().filters[colId] !== undefined,
        onSort: (multi: boolean) => ctl.toggleSort(colId, multi),
        sortDir: () => ctl.view().sort.find((x) => x.colId === colId)?.sort,
      } satisfies ColumnHeaderParams,
      // Keys (SKU, ticket id) are short codes; other widths follow the type and the header's name.
      width: columnWidth(col, type, app.label(col)),
      minWidth: 56,
      // Order and widths are shared with the team: a viewer cannot change them.
      suppressMovable: ctl.readOnly,
      resizable: !app.readOnly,
      pinned: col.options.pinned ? 'left' : null,
      valueGetter: (p: ValueGetterParams<RowRef>) => (p.data ? app.calc.value(sheetId, p.data.id, colId) : null),
      // A cell with its own formula (a KPI row's) is shown as its result's type: ¥88.23, not 88.227513.
      valueFormatter: (p: ValueFormatterParams<RowRef>) => cellText(app.calc, app.format(), sheetId, p.data?.id, current(), p.value as ComputedValue),
      // A cell whose own formula gives an array shows its count and first values, with a button to open it.
      cellRendererSelector: (p: ICellRendererParams<RowRef>) =>
        p.data && !shape.isView && app.calc.arrayAt(sheetId, p.data.id, colId) ? { component: arrayRenderer(app.t('cell.arrayOpen')) } : undefined,
      cellRenderer:
        type === 'boolean'
          ? booleanRenderer
          : type === 'choice'
            ? choiceRenderer(col)
            : type === 'reference'
              ? referenceRenderer(col, ctl.references, app.t('cell.refDeleted'), ctl.readOnly ? undefined : app.t('cell.refPick'))
              : undefined,
      cellClass: classes,
      cellClassRules: {
        'wb-in-range': (p: CellClassParams<RowRef>) => ctl.inRange(p.node.rowIndex, colId),
        'wb-active': (p: CellClassParams<RowRef>) => ctl.isActive(p.node.rowIndex, colId),
        'wb-error': (p: CellClassParams<RowRef>) => isErrorValue(p.value),
        'wb-num-text': (p: CellClassParams<RowRef>) => typeof p.value === 'string',
        // Text where a number or a yes/no is computed says a state ("needs ≥ 10 conversions", "-"): muted, not an error.
        'wb-state-text': (p: CellClassParams<RowRef>) => typeof p.value === 'string' && (NUMERIC.has(type) || type === 'boolean'),
        'wb-alert': (p: CellClassParams<RowRef>) =>
          p.data !== undefined && app.calc.alerts(sheetId, p.data.id).some((a) => a.colId === colId),
        // A rule a person made paints its cells in its colour (grid.css: over the alert style; red over the other colours).
        ...Object.fromEntries(
          RULE_COLORS.map((c) => [
            `wb-rule-${c}`,
            (p: CellClassParams<RowRef>) => p.data !== undefined && app.calc.alerts(sheetId, p.data.id).some((a) => a.colId === colId && a.color === c),
          ]),
        ),
        'wb-find-hit': (p: CellClassParams<RowRef>) => p.data !== undefined && ctl.findHits.has(`${p.data.id} ${colId}`),
        // A value written at the same time as this one was not kept: marked until someone looks at the history.
        'wb-conflict': (p: CellClassParams<RowRef>) => p.data !== undefined && app.hasConflict(sheetId, p.data.id, colId),
      },
      suppressKeyboardEvent: (p) => ownsKey(p.event, p.editing),
      editable: false,
      // Rows come sorted by row-order.ts; AG Grid never sorts.
      sortable: false,
    });
  }
  return defs;
};
