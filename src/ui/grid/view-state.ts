/**
 * A person's own view of a sheet: sort and filters. Kept in this browser's localStorage (never in
 * the shared workbook) so each teammate sorts and filters without disturbing the others, and the
 * view survives a reload.
 */
import type { SortEntry, ViewState } from '../../app/sheet-view.ts';

const key = (workbookKey: string, sheetId: string): string => `wb-view:${workbookKey}:${sheetId}`;

const EMPTY: ViewState = { sort: [], filters: {} };

/** The saved view of a sheet, or an empty one (also when storage holds something unreadable). */
export const loadView = (workbookKey: string, sheetId: string): ViewState => {
  try {
    const raw = localStorage.getItem(key(workbookKey, sheetId));
    if (!raw) return EMPTY;
    const v = JSON.parse(raw) as Partial<ViewState>;
    const sort = Array.isArray(v.sort)
      ? v.sort.filter((s): s is SortEntry => typeof s?.colId === 'string' && (s.sort === 'asc' || s.sort === 'desc'))
      : [];
    const filters = v.filters && typeof v.filters === 'object' ? v.filters : {};
    return { sort, filters };
  } catch {
    return EMPTY;
  }
};

/** Saves the view of a sheet; an empty view removes the entry. */
export const saveView = (workbookKey: string, sheetId: string, view: ViewState): void => {
  try {
    if (view.sort.length === 0 && Object.keys(view.filters).length === 0) localStorage.removeItem(key(workbookKey, sheetId));
    else localStorage.setItem(key(workbookKey, sheetId), JSON.stringify(view));
  } catch {
    // Storage full or disabled: the view still works, it is just not remembered.
  }
};
