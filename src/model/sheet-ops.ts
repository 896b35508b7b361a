/** Operations on workbook settings and on the list of sheets. */
import type * as Y from 'yjs';
import { NotFoundError, OperationError } from '../schema/errors.ts';
import { newId } from '../schema/ids.ts';
import { childMap, newColumnMap, newSheetMap } from './layout.ts';
import { writeRename } from './localized-rename.ts';
import { readTile } from '../schema/stored/read-tile.ts';
import { planKeys } from './order-keys.ts';
import type { ColumnSpec, Labels, Locale, RuleSpec, WorkbookSettings } from '../schema/types.ts';
import { CURRENCIES, LOCALES, REGIONS } from '../schema/types.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** A new sheet: name, template kind, localized labels and its columns. */
export interface SheetSpec {
  id?: string;
  name: string;
  kind?: string;
  labels?: Labels;
  columns?: ColumnSpec[];
  /** Tab position; the end when omitted. */
  index?: number;
}

const cleanName = (name: string, what: string): string => {
  const n = name.trim();
  if (!n) throw new OperationError(`A ${what} needs a name.`);
  if (n.length > 100) throw new OperationError(`A ${what} name can be at most 100 characters long.`);
  return n;
};

const clampIndex = (index: number | undefined, length: number): number =>
  index === undefined ? length : Math.max(0, Math.min(length, Math.floor(index)));

/** The settings that take one of a list, with what each is called in a refusal. */
const SETTING_CHOICES = [
  ['currency', CURRENCIES, 'currency'],
  ['locale', LOCALES, 'language'],
  ['region', REGIONS, 'regional format'],
] as const;

/** Changes workbook settings (name, currency, locale, regional formats). */
export const setSettings = (wb: WorkbookBase, patch: Partial<WorkbookSettings>): void => {
  for (const [key, allowed, what] of SETTING_CHOICES) {
    const v = patch[key];
    if (v !== undefined && !(allowed as readonly string[]).includes(v)) throw new OperationError(`Unknown ${what} "${v}"; use one of ${allowed.join(', ')}.`);
  }
  const name = patch.name === undefined ? undefined : cleanName(patch.name, 'workbook');
  wb.transact(() => {
    const s = wb.internals.settings;
    if (name !== undefined) s.set('name', name);
    for (const [key] of SETTING_CHOICES) if (patch[key] !== undefined) s.set(key, patch[key]);
  });
};

const assertFreeSheetName = (wb: WorkbookBase, name: string, except?: string): void => {
  const other = wb.sheetByName(name);
  if (other && other.id !== except) throw new OperationError(`There is already a sheet named "${name}"; choose another name.`);
};

/** Adds a sheet (with its columns) and returns its id. */
export const addSheet = (wb: WorkbookBase, spec: SheetSpec): string => {
  const name = cleanName(spec.name, 'sheet');
  assertFreeSheetName(wb, name);
  const id = spec.id ?? newId(wb.random);
  if (wb.hasSheet(id)) throw new OperationError(`A sheet with id ${id} exists already.`);
  const seen = new Set<string>();
  for (const c of spec.columns ?? []) {
    const n = cleanName(c.name, 'column').toLowerCase();
    if (seen.has(n)) throw new OperationError(`Two columns are named "${c.name}"; column names must differ.`);
    seen.add(n);
  }
  const keyed = wb.keyedSheets();
  const { keys, moved } = planKeys(keyed, clampIndex(spec.index, keyed.length), 1);
  wb.transact(() => {
    const meta = newSheetMap(name, spec.kind ?? 'custom', keys[0] ?? 'a0', spec.labels);
    wb.internals.sheets.set(id, meta);
    for (const m of moved) childMap(wb.internals.sheets, m.id)?.set('order', m.key);
    const columns = meta.get('columns') as Y.Map<unknown>;
    const colKeys = planKeys([], 0, spec.columns?.length ?? 0).keys;
    (spec.columns ?? []).forEach((c, i) => {
      columns.set(
        c.id ?? newId(wb.random),
        newColumnMap({ ...c, name: c.name.trim(), options: c.options ?? {} }, colKeys[i] ?? 'a0'),
      );
    });
  });
  return id;
};

/** The map of a sheet that can be shown (a damaged one is changed only by its repair). */
const sheetMeta = (wb: WorkbookBase, sheetId: string): Y.Map<unknown> => wb.sheetMap(sheetId);

/**
 * Renames a sheet as read in `locale`: a template sheet keeps its name in the other language (see
 * localizedRename). Without a locale the name is the same in every language (its labels are dropped).
 */
export const renameSheet = (wb: WorkbookBase, sheetId: string, name: string, locale?: Locale): void => {
  const n = cleanName(name, 'sheet');
  assertFreeSheetName(wb, n, sheetId);
  const m = sheetMeta(wb, sheetId);
  const item = wb.sheet(sheetId) ?? { name: n };
  wb.transact(() => writeRename(m, item, n, locale));
};

/** Deletes a sheet with all its rows and its charts' dashboard tiles (undo brings them back). */
export const deleteSheet = (wb: WorkbookBase, sheetId: string): void => {
  sheetMeta(wb, sheetId);
  const dash = wb.internals.dashboard;
  const pinned = [...dash.entries()].filter(([id, t]) => readTile(id, t).value?.tile.sheetId === sheetId).map(([id]) => id);
  wb.transact(() => {
    for (const id of pinned) dash.delete(id);
    wb.internals.sheets.delete(sheetId);
    wb.dropCache(sheetId);
  });
};

/** Moves a sheet to tab position `index` (counted without the moved sheet). */
export const moveSheet = (wb: WorkbookBase, sheetId: string, index: number): void => {
  const m = sheetMeta(wb, sheetId);
  const others = wb.keyedSheets().filter((k) => k.id !== sheetId);
  const { keys, moved } = planKeys(others, clampIndex(index, others.length), 1);
  wb.transact(() => {
    m.set('order', keys[0] ?? 'a0');
    for (const x of moved) childMap(wb.internals.sheets, x.id)?.set('order', x.key);
  });
};

/** Adds or replaces an alert rule of a sheet; returns its id. The engine checks `when` before this is called. */
export const setRule = (wb: WorkbookBase, sheetId: string, rule: RuleSpec): string => {
  const m = sheetMeta(wb, sheetId);
  if (!rule.name.trim()) throw new OperationError('An alert rule needs a name.');
  if (!rule.when.startsWith('=')) throw new OperationError('An alert rule needs a condition formula starting with "=".');
  const { id = newId(wb.random), ...rest } = rule;
  const rules = m.get('rules') as Y.Map<unknown>;
  wb.transact(() => {
    rules.set(id, { ...rest, name: rest.name.trim() });
    wb.cache(sheetId).rulesChanged();
  });
  return id;
};

/** Removes an alert rule. */
export const deleteRule = (wb: WorkbookBase, sheetId: string, ruleId: string): void => {
  const rules = sheetMeta(wb, sheetId).get('rules') as Y.Map<unknown>;
  if (!rules.has(ruleId)) throw new NotFoundError(`No rule with id ${ruleId} in sheet ${sheetId}.`);
  wb.transact(() => {
    rules.delete(ruleId);
    wb.cache(sheetId).rulesChanged();
  });
};
