/** Reading a dashboard tile (a pinned chart's sheet, position and size) from the document. */
import { DASHBOARD_COLUMNS, DASHBOARD_MAX_ROWS, type DashboardTile } from '../chart-types.ts';
import type { StoredRead } from './read-record.ts';
import { readOrder } from './read-sheet.ts';
import { isPlainRecord, isRecordId, ownFields, readId, readNumber, wrongType, type Problems } from './stored-parts.ts';

/** A tile and its order key among the dashboard's tiles. */
export interface StoredTileRead {
  tile: DashboardTile;
  order: string;
}

/**
 * The tile of chart `chartId` as stored. Without a usable sheet id it is not shown; a wrong size
 * reads as the default size (2 × 1), a wrong order key as the first place.
 */
export const readTile = (chartId: string, stored: unknown): StoredRead<StoredTileRead> => {
  if (!isRecordId(chartId)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: chartId }] };
  const problems: Problems = [];
  if (!isPlainRecord(stored)) return { value: wrongType(problems, 'tile', 'record', stored), problems };
  const get = ownFields(stored);
  const sheetId = readId(problems, 'sheetId', get('sheetId'), true);
  const w = readNumber(problems, 'w', get('w'), { min: 1, max: DASHBOARD_COLUMNS, whole: true, required: true });
  const h = readNumber(problems, 'h', get('h'), { min: 1, max: DASHBOARD_MAX_ROWS, whole: true, required: true });
  const order = readOrder(problems, get('order'));
  if (sheetId === undefined) return { value: undefined, problems };
  return { value: { tile: { chartId, sheetId, w: w ?? 2, h: h ?? 1 }, order }, problems };
};
