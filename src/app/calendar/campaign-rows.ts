/**
 * Reading campaigns from a sheet: which columns hold the name, type, channel, category and dates
 * (by the Campaigns template's column names in either language, so the calendar works on any
 * sheet of that kind), and each row as a Campaign. Pure.
 */
import type { Column } from '../../schema/types.ts';
import { type ComputedValue, isErrorValue } from '../../schema/computed-value.ts';
import { campaigns as template } from '../../../sheets/campaigns.ts';
import type { Campaign } from './campaign-overlaps.ts';

/** Column ids of the fields the calendar uses; start and end are required. */
export interface CampaignColumns {
  name?: string;
  type?: string;
  channel?: string;
  category?: string;
  start: string;
  end: string;
}

const FIELDS = ['name', 'type', 'channel', 'category', 'start', 'end'] as const;

/** Finds the calendar's columns; null when the sheet has no two date columns to draw bars between. */
export const campaignColumns = (columns: readonly Column[]): CampaignColumns | null => {
  const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const key of FIELDS) {
    const t = template.columns.find((c) => c.key === key);
    const names = new Set([t?.en, t?.zh].filter((n): n is string => !!n).map((n) => n.toLowerCase()));
    const col = columns.find((c) => names.has((c.labels?.en ?? c.name).toLowerCase()) || names.has(c.name.toLowerCase()));
    if (col) found[key] = col.id;
  }
  // Renamed date columns: the first date column starts, the next one ends.
  const dates = columns.filter((c) => c.type === 'date').map((c) => c.id);
  const start = found.start ?? dates[0];
  const end = found.end ?? dates.find((id) => id !== start);
  if (!start || !end) return null;
  return { ...found, start, end };
};

const text = (v: ComputedValue | undefined): string => (v === null || v === undefined || isErrorValue(v) ? '' : String(v));
const isDate = (v: ComputedValue | undefined): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The campaigns of a sheet (rows in order). Rows without a start date are left out and counted;
 * a missing or earlier end makes a one-day campaign.
 */
export const readCampaigns = (
  rowIds: readonly string[],
  cols: CampaignColumns,
  values: (colId: string) => readonly ComputedValue[],
): { campaigns: Campaign[]; undated: number } => {
  const col = (id: string | undefined): readonly ComputedValue[] => (id ? values(id) : []);
  const [names, types, channels, categories, starts, ends] = [cols.name, cols.type, cols.channel, cols.category, cols.start, cols.end].map(col);
  const campaigns: Campaign[] = [];
  let undated = 0;
  rowIds.forEach((rowId, i) => {
    const start = starts?.[i];
    if (!isDate(start)) {
      undated++;
      return;
    }
    const endValue = ends?.[i];
    const end = isDate(endValue) && endValue >= start ? endValue : start;
    campaigns.push({
      rowId,
      name: text(names?.[i]),
      type: text(types?.[i]),
      channel: text(channels?.[i]),
      category: text(categories?.[i]),
      start,
      end,
    });
  });
  return { campaigns, undated };
};
