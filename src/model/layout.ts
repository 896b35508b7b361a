/**
 * The Yjs layout of a workbook (private to src/model).
 *
 *   settings: Y.Map  name, currency, locale, schema
 *   sheets:   Y.Map  sheetId -> Y.Map {
 *     name, kind, labels, order          sheet identity and its position among sheets
 *     columns:  Y.Map colId -> Y.Map { name, type, options, formula, labels, order }
 *     rows:     Y.Map rowId -> [layoutId, v0, v1 …]   values as inserted, one plain array per row
 *     rowOrder: Y.Map rowId -> fractional order key    a move rewrites only this
 *     cells:    Y.Map "rowId colId" -> value           every edit after insert (overlay)
 *     rules:    Y.Map ruleId -> Rule (plain object)    alerts checked on every row
 *     charts:   Y.Map chartId -> Chart (plain object)  charts of the sheet's data
 *   }
 *   layouts:  Y.Map  layoutId -> colId[]              which column each array slot of a row holds
 *   dashboard: Y.Map chartId -> { sheetId, order, w, h }   pinned charts, ordered by fractional key
 *   server:   Y.Map  schema -> number                  the schema version the workbook is at
 *
 * Every value is read through a checker of src/schema/stored (any editor can write anything into
 * the document): the maps below are typed `unknown` so that no read can skip one.
 *
 * The `server` map is written only by the relay and the CLI (its migrations stamp the version they
 * brought the workbook to); the relay refuses every client update that touches it, so no editor
 * can make a workbook look newer (read-only for everyone) or older than it is. `settings.schema`,
 * written by older versions, is not read.
 *
 * Layouts sit outside the undo scope and are never deleted: once written, any replica may reuse
 * one for its own rows, so an undo of the insert that first wrote it must not take it away.
 *
 * Rows as plain arrays load ~10× faster and take ~6× less memory than a Y.Map per row; the cell
 * overlay keeps per-cell merge semantics (concurrent edits of two cells of a row both survive).
 * A row is alive iff `rows` has it, so a concurrent move or edit of a deleted row never revives it.
 */
import * as Y from 'yjs';
import type { Column, Labels } from '../schema/types.ts';

/** The nested maps of one sheet, values unchecked (read them through src/schema/stored). */
export interface SheetMaps {
  meta: Y.Map<unknown>;
  columns: Y.Map<unknown>;
  /** Row id → [layoutId, v0, v1 …]. */
  rows: Y.Map<unknown>;
  /** Layout id → column ids (shared by all sheets). */
  layouts: Y.Map<unknown>;
  rowOrder: Y.Map<unknown>;
  cells: Y.Map<unknown>;
  rules: Y.Map<unknown>;
  /** Missing only in sheets written before charts existed (read as none). */
  charts: Y.Map<unknown> | undefined;
}

/** A dashboard tile as stored: its chart's sheet, order key and size. */
export interface StoredTile {
  sheetId: string;
  order: string;
  w: number;
  h: number;
}

export const ROOT_SETTINGS = 'settings';
export const ROOT_SHEETS = 'sheets';
export const ROOT_LAYOUTS = 'layouts';
export const ROOT_DASHBOARD = 'dashboard';
/** Written by the relay and the CLI only (see the layout above). */
export const ROOT_SERVER = 'server';
/** The key of the schema version in the `server` map. */
export const SERVER_SCHEMA_KEY = 'schema';

/** The schema version stamped in a document's `server` map (1 when none was, or what is there is not a version). */
export const schemaVersionOf = (doc: Y.Doc): number => {
  const v = doc.getMap(ROOT_SERVER).get(SERVER_SCHEMA_KEY);
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : 1;
};

/** The parts every sheet map is created with. */
export const SHEET_PARTS = ['columns', 'rows', 'rowOrder', 'cells', 'rules'] as const;

/** Key of a cell in the overlay map. Ids are base-62, so a space never occurs in them. */
export const cellKey = (rowId: string, colId: string): string => `${rowId} ${colId}`;

/** Splits an overlay key back into its row and column ids. */
export const splitCellKey = (key: string): [string, string] => {
  const at = key.indexOf(' ');
  return [key.slice(0, at), key.slice(at + 1)];
};

/** Creates the maps of a new sheet (to be set into the sheets root in the same transaction). */
export const newSheetMap = (name: string, kind: string, order: string, labels?: Labels): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  m.set('name', name);
  m.set('kind', kind);
  m.set('order', order);
  if (labels) m.set('labels', labels);
  m.set('columns', new Y.Map());
  m.set('rows', new Y.Map());
  m.set('rowOrder', new Y.Map());
  m.set('cells', new Y.Map());
  m.set('rules', new Y.Map());
  m.set('charts', new Y.Map());
  return m;
};

/**
 * Whether a sheet's map has the parts every sheet is created with. A sheet that does not (written
 * by a malformed or malicious update) is not shown, and is listed as needing repair: reading it
 * must never break the workbook.
 */
export const isWellFormedSheet = (meta: unknown): meta is Y.Map<unknown> =>
  meta instanceof Y.Map && SHEET_PARTS.every((k) => meta.get(k) instanceof Y.Map);

/** The parts a sheet map lacks (or holds as something else than a map); charts that are not a map read as none. */
export const missingParts = (meta: Y.Map<unknown>): string[] => {
  const missing: string[] = SHEET_PARTS.filter((k) => !(meta.get(k) instanceof Y.Map));
  if (meta.get('charts') !== undefined && !(meta.get('charts') instanceof Y.Map)) missing.push('charts');
  return missing;
};

/** The map stored under `key` of a map, or undefined when there is none (or something else is there). */
export const childMap = (parent: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined => {
  const v = parent.get(key);
  return v instanceof Y.Map ? (v as Y.Map<unknown>) : undefined;
};

const chartsOf = (meta: Y.Map<unknown>): Y.Map<unknown> | undefined => {
  const charts = meta.get('charts');
  return charts instanceof Y.Map ? (charts as Y.Map<unknown>) : undefined;
};

/** The nested maps of a sheet map (and the workbook's shared layouts); the sheet must be well formed. */
export const sheetMaps = (meta: Y.Map<unknown>, layouts: Y.Map<unknown>): SheetMaps => ({
  meta,
  columns: meta.get('columns') as Y.Map<unknown>,
  rows: meta.get('rows') as Y.Map<unknown>,
  layouts,
  rowOrder: meta.get('rowOrder') as Y.Map<unknown>,
  cells: meta.get('cells') as Y.Map<unknown>,
  rules: meta.get('rules') as Y.Map<unknown>,
  charts: chartsOf(meta),
});


/** A new column map. */
export const newColumnMap = (col: Omit<Column, 'id'>, order: string): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  m.set('name', col.name);
  m.set('type', col.type);
  m.set('options', col.options);
  if (col.formula !== undefined) m.set('formula', col.formula);
  if (col.labels) m.set('labels', col.labels);
  m.set('order', order);
  return m;
};

/** The column ids of a stored layout, or undefined when it is not a list of ids. */
export const layoutColumns = (stored: unknown): readonly string[] | undefined =>
  Array.isArray(stored) && stored.every((c) => typeof c === 'string') ? (stored as string[]) : undefined;
