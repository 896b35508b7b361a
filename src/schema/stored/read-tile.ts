/** Reading a dashboard tile (a pinned chart's sheet, position and size) from the document. */
import { DASHBOARD_COLUMNS, DASHBOARD_MAX_ROWS, type DashboardTile } from '../chart-types.ts';
import type { StoredRead } from './read-record.ts';
import { FALLBACK_ORDER, orderKey } from './read-sheet.ts';
import { id, isRecordId, num, record, type Problems } from './stored-parts.ts';

/** A tile and its order key among the dashboard's tiles. */
export interface StoredTileRead {
  tile: DashboardTile;
  order: string;
}

const TILE = record({ sheetId: id, order: orderKey, w: num(1, DASHBOARD_COLUMNS, true), h: num(1, DASHBOARD_MAX_ROWS, true) }, ['sheetId'], 'tile');

/**
 * The tile of chart `chartId` as stored. Without a usable sheet id it is not shown; a wrong size
 * reads as the default size (2 × 1), a wrong order key as the first place.
 */
export const readTile = (chartId: string, stored: unknown): StoredRead<StoredTileRead> => {
  if (!isRecordId(chartId)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: chartId }] };
  const problems: Problems = [];
  const r = TILE(stored ?? null, '', problems);
  if (r && r.w === undefined && !problems.some((p) => p.field === 'w')) problems.push({ code: 'missing', field: 'w' });
  if (r && r.h === undefined && !problems.some((p) => p.field === 'h')) problems.push({ code: 'missing', field: 'h' });
  return { value: r && { tile: { chartId, sheetId: r.sheetId, w: r.w ?? 2, h: r.h ?? 1 }, order: r.order ?? FALLBACK_ORDER }, problems };
};
