/**
 * A person's own view of a sheet: sort and filters. Never part of the shared workbook (each
 * teammate sorts and filters without disturbing the others); the UI keeps it in the browser.
 */
import type { FilterModel } from './row-filter.ts';

/** One sorted column. */
export interface SortEntry {
  colId: string;
  sort: 'asc' | 'desc';
}

/** Sort (first entry sorts first) and filters of one sheet. */
export interface ViewState {
  sort: SortEntry[];
  filters: FilterModel;
}
