/**
 * Where dashboard tiles go: in the team's order, each at the first place (top to bottom, left to
 * right) where it fits, so a narrow tile fills a gap left beside a wide one. Positions are computed
 * from the stored order and sizes on every replica alike, so the team sees one layout. Pure.
 */
import { DASHBOARD_COLUMNS } from '../../schema/chart-types.ts';

/** A tile's place: 0-based column and row, and its span. */
export interface TilePlace {
  col: number;
  row: number;
  w: number;
  h: number;
}

/** Places `tiles` (sizes in order) on a grid `columns` wide; returns the places and the rows used. */
export const packTiles = (tiles: readonly { w: number; h: number }[], columns = DASHBOARD_COLUMNS): { places: TilePlace[]; rows: number } => {
  const taken: boolean[][] = [];
  const free = (row: number, col: number, w: number, h: number): boolean => {
    for (let r = row; r < row + h; r++) for (let c = col; c < col + w; c++) if (taken[r]?.[c]) return false;
    return true;
  };
  let rows = 0;
  const places = tiles.map((t) => {
    const w = Math.max(1, Math.min(columns, t.w));
    const h = Math.max(1, t.h);
    for (let row = 0; ; row++) {
      for (let col = 0; col + w <= columns; col++) {
        if (!free(row, col, w, h)) continue;
        for (let r = row; r < row + h; r++) for (let c = col; c < col + w; c++) (taken[r] ??= [])[c] = true;
        rows = Math.max(rows, row + h);
        return { col, row, w, h };
      }
    }
  });
  return { places, rows };
};

/** Where a dragged tile goes when dropped on another: into that tile's place (index among the others). */
export const dropIndex = (order: readonly string[], dragged: string, target: string): number => {
  const from = order.indexOf(dragged);
  const others = order.filter((id) => id !== dragged);
  const at = others.indexOf(target);
  if (from < 0 || at < 0) return Math.max(0, from);
  return from < order.indexOf(target) ? at + 1 : at;
};
