/** Operations on the columns of a sheet. */
import { NotFoundError, OperationError } from '../schema/errors.ts';
import { newId } from '../schema/ids.ts';
import { bulkLogged } from './history-ops.ts';
import type * as Y from 'yjs';
import { cellKey, childMap, newColumnMap } from './layout.ts';
import { writeRename } from './localized-rename.ts';
import { planKeys } from './order-keys.ts';
import type { CellScalar, ColumnOptions, ColumnSpec, ColumnType, Locale } from '../schema/types.ts';
import { COLUMN_TYPES, isCellFormula } from '../schema/types.ts';
import { convertValue } from '../schema/values.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** The map of a column that can be read (a damaged one is changed only by its repair). */
const columnMap = (wb: WorkbookBase, sheetId: string, colId: string): Y.Map<unknown> => {
  const m = childMap(wb.cache(sheetId).maps.columns, colId);
  if (!m || !wb.column(sheetId, colId)) throw new NotFoundError(`No column with id ${colId} in sheet ${sheetId}.`);
  return m;
};

const checkName = (wb: WorkbookBase, sheetId: string, name: string, except?: string): string => {
  const n = name.trim();
  if (!n) throw new OperationError('A column needs a name.');
  if (n.length > 100) throw new OperationError('A column name can be at most 100 characters long.');
  const other = wb.columnByName(sheetId, n);
  if (other && other.id !== except) {
    throw new OperationError(`Sheet "${wb.sheet(sheetId)?.name ?? ''}" already has a column named "${n}"; choose another name.`);
  }
  return n;
};

const checkType = (type: string): ColumnType => {
  if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
    throw new OperationError(`Unknown column type "${type}"; use one of ${COLUMN_TYPES.join(', ')}.`);
  }
  return type as ColumnType;
};

/** Adds a column at `index` (the end when omitted) and returns its id. */
export const addColumn = (wb: WorkbookBase, sheetId: string, spec: ColumnSpec, index?: number): string => {
  const name = checkName(wb, sheetId, spec.name);
  const type = checkType(spec.type);
  const cache = wb.ownCache(sheetId);
  const keyed = cache.keyedColumns();
  const at = index === undefined ? keyed.length : Math.max(0, Math.min(keyed.length, index));
  const { keys, moved } = planKeys(keyed, at, 1);
  const id = spec.id ?? newId(wb.random);
  wb.transact(() => {
    cache.maps.columns.set(id, newColumnMap({ ...spec, name, type, options: spec.options ?? {} }, keys[0] ?? 'a0'));
    for (const m of moved) childMap(cache.maps.columns, m.id)?.set('order', m.key);
    cache.columnsChanged();
  });
  return id;
};

/**
 * Renames a column as read in `locale`: a template column keeps its name in the other language (see
 * localizedRename); without a locale its labels are dropped. Formulas store ids, so they follow.
 */
export const renameColumn = (wb: WorkbookBase, sheetId: string, colId: string, name: string, locale?: Locale): void => {
  const m = columnMap(wb, sheetId, colId);
  const n = checkName(wb, sheetId, name, colId);
  const item = wb.column(sheetId, colId) ?? { name: n };
  wb.transact(() => {
    writeRename(m, item, n, locale);
    wb.cache(sheetId).columnsChanged();
  });
};

/** A stored value that would not survive a retype. */
export interface RetypeLoss {
  rowId: string;
  /** 1-based row number. */
  row: number;
  value: CellScalar;
}

/** Values of a column that cannot be converted to `type` (cell formulas are kept and not listed). */
export const previewRetype = (
  wb: WorkbookBase,
  sheetId: string,
  colId: string,
  type: ColumnType,
  options: ColumnOptions = {},
): RetypeLoss[] => {
  columnMap(wb, sheetId, colId);
  const cache = wb.cache(sheetId);
  const losses: RetypeLoss[] = [];
  cache.rowIds().forEach((rowId, i) => {
    const v = cache.cell(rowId, colId);
    if (isCellFormula(v)) return;
    if (convertValue(v, { type, options }) === undefined) losses.push({ rowId, row: i + 1, value: v });
  });
  return losses;
};

/**
 * Changes a column's type, converting every stored value. Values that cannot be converted make it
 * fail (with the first of them named) unless `dropInvalid` is set, when they are cleared.
 */
export const retypeColumn = (
  wb: WorkbookBase,
  sheetId: string,
  colId: string,
  type: ColumnType,
  options?: ColumnOptions,
  { dropInvalid = false }: { dropInvalid?: boolean } = {},
): void => {
  const m = columnMap(wb, sheetId, colId);
  checkType(type);
  const cache = wb.cache(sheetId);
  const col = wb.column(sheetId, colId);
  const opts = options ?? col?.options ?? {};
  const target = { type, options: opts };
  const writes: [string, CellScalar][] = [];
  const losses: RetypeLoss[] = [];
  cache.rowIds().forEach((rowId, i) => {
    const v = cache.cell(rowId, colId);
    if (isCellFormula(v) || v === null) return;
    const c = convertValue(v, target);
    if (c === undefined) {
      losses.push({ rowId, row: i + 1, value: v });
      writes.push([rowId, null]);
    } else if (c !== v) writes.push([rowId, c]);
  });
  if (losses.length > 0 && !dropInvalid) {
    const first = losses[0];
    throw new OperationError(
      `${losses.length} value(s) in column "${col?.name ?? colId}" cannot become ${type}` +
        (first ? `, first in row ${first.row} (${JSON.stringify(first.value)})` : '') +
        '; fix them or confirm that they may be cleared.',
    );
  }
  wb.transact(() => {
    m.set('type', type);
    if (options) m.set('options', options);
    if (writes.length > 0) bulkLogged(wb, sheetId, 'retype', writes.length, () => {
      for (const [rowId, v] of writes) cache.maps.cells.set(cellKey(rowId, colId), v);
    });
    cache.columnsChanged();
  });
};

/** Replaces a column's options (choices, currency, precision, referenced sheet, width, pin …). */
export const setColumnOptions = (wb: WorkbookBase, sheetId: string, colId: string, options: ColumnOptions): void => {
  const m = columnMap(wb, sheetId, colId);
  wb.transact(() => {
    m.set('options', options);
    wb.cache(sheetId).columnsChanged();
  });
};

/** Sets (stored form) or removes (undefined) a column's formula. The engine checks it before this is called. */
export const setColumnFormula = (wb: WorkbookBase, sheetId: string, colId: string, formula: string | undefined): void => {
  const m = columnMap(wb, sheetId, colId);
  wb.transact(() => {
    if (formula === undefined) m.delete('formula');
    else m.set('formula', formula);
    wb.cache(sheetId).columnsChanged();
  });
};

/** Deletes a column and the edits of its cells (undo brings both back). */
export const deleteColumn = (wb: WorkbookBase, sheetId: string, colId: string): void => {
  columnMap(wb, sheetId, colId);
  const cache = wb.cache(sheetId);
  const suffix = ` ${colId}`;
  const edited: string[] = [];
  for (const key of cache.maps.cells.keys()) if (key.endsWith(suffix)) edited.push(key);
  wb.transact(() => {
    cache.maps.columns.delete(colId);
    for (const key of edited) cache.maps.cells.delete(key);
    cache.columnsChanged();
  });
};

/** Moves a column to position `index` (counted without the moved column). */
export const moveColumn = (wb: WorkbookBase, sheetId: string, colId: string, index: number): void => {
  const m = columnMap(wb, sheetId, colId);
  const others = wb.cache(sheetId).keyedColumns().filter((k) => k.id !== colId);
  const at = Math.max(0, Math.min(others.length, Math.floor(index)));
  const { keys, moved } = planKeys(others, at, 1);
  const cols = wb.cache(sheetId).maps.columns;
  wb.transact(() => {
    m.set('order', keys[0] ?? 'a0');
    for (const x of moved) childMap(cols, x.id)?.set('order', x.key);
    wb.cache(sheetId).columnsChanged();
  });
};
