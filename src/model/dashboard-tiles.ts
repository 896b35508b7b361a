/** Reading the dashboard's tiles: in the team's order, without tiles whose chart is gone. */
import type * as Y from 'yjs';
import type { DashboardTile } from '../schema/chart-types.ts';
import type { StoredTile } from './layout.ts';
import { compareKeyed, type Keyed } from './order-keys.ts';

/** Tiles with their order keys, in order; `exists` drops tiles whose chart was deleted (by a peer, say). */
export const keyedTiles = (
  map: Y.Map<StoredTile>,
  exists: (sheetId: string, chartId: string) => boolean,
): (Keyed & { tile: DashboardTile })[] => {
  const out: (Keyed & { tile: DashboardTile })[] = [];
  map.forEach((t, chartId) => {
    if (!exists(t.sheetId, chartId)) return;
    out.push({ id: chartId, key: t.order, tile: { chartId, sheetId: t.sheetId, w: t.w, h: t.h } });
  });
  return out.sort(compareKeyed);
};
