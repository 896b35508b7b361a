/** Reading the dashboard's tiles: in the team's order, without tiles whose chart is gone or that cannot be read. */
import type * as Y from 'yjs';
import type { DashboardTile } from '../schema/chart-types.ts';
import { readTile } from '../schema/stored/read-tile.ts';
import { compareKeyed, type Keyed } from './order-keys.ts';

/** Tiles with their order keys, in order; `exists` drops tiles whose chart was deleted (by a peer, say). */
export const keyedTiles = (
  map: Y.Map<unknown>,
  exists: (sheetId: string, chartId: string) => boolean,
): (Keyed & { tile: DashboardTile })[] => {
  const out: (Keyed & { tile: DashboardTile })[] = [];
  map.forEach((stored, chartId) => {
    const t = readTile(chartId, stored).value;
    if (!t || !exists(t.tile.sheetId, chartId)) return;
    out.push({ id: chartId, key: t.order, tile: t.tile });
  });
  return out.sort(compareKeyed);
};
