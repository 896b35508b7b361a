/**
 * Where campaign bars go in a calendar: one row per week, each bar cut to the week it crosses,
 * stacked in lanes so bars of the same days never cover each other. Pure.
 */
import type { Campaign } from './campaign-overlaps.ts';

/** A bar's piece within one week row. */
export interface BarSegment {
  rowId: string;
  /** Day column of its first day (0 = Monday) and how many days it spans in this week. */
  col: number;
  span: number;
  /** Vertical slot within the week row (0 = top). */
  lane: number;
  /** The campaign goes on before this week / after it (its edge is not here). */
  continuesLeft: boolean;
  continuesRight: boolean;
}

/** The segments of one week (seven dates, Monday first), in lane order; and how many lanes it needs. */
export const layoutWeek = (week: readonly string[], campaigns: readonly Campaign[]): { segments: BarSegment[]; lanes: number } => {
  const first = week[0] ?? '';
  const last = week[week.length - 1] ?? '';
  const inWeek = campaigns
    .filter((c) => c.start <= last && c.end >= first)
    // Earlier first, then longer first (long bars on top read best), then by row for a stable order.
    .sort((a, b) => (a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.end !== b.end ? (a.end > b.end ? -1 : 1) : a.rowId < b.rowId ? -1 : 1));
  const laneEnds: number[] = [];
  const segments: BarSegment[] = inWeek.map((c) => {
    const col = c.start < first ? 0 : week.indexOf(c.start);
    const endCol = c.end > last ? week.length - 1 : week.indexOf(c.end);
    let lane = laneEnds.findIndex((end) => end < col);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = endCol;
    return { rowId: c.rowId, col, span: endCol - col + 1, lane, continuesLeft: c.start < first, continuesRight: c.end > last };
  });
  return { segments, lanes: laneEnds.length };
};

/** What a drag does: move the whole campaign, or one of its edges. */
export type DragMode = 'move' | 'start' | 'end';

/** New dates after dragging by `days`; an edge never passes the other (a campaign lasts at least a day). */
export const draggedDates = (
  c: Pick<Campaign, 'start' | 'end'>,
  mode: DragMode,
  days: number,
  addDays: (date: string, n: number) => string,
): { start: string; end: string } => {
  if (mode === 'move') return { start: addDays(c.start, days), end: addDays(c.end, days) };
  if (mode === 'start') {
    const start = addDays(c.start, days);
    return { start: start > c.end ? c.end : start, end: c.end };
  }
  const end = addDays(c.end, days);
  return { start: c.start, end: end < c.start ? c.start : end };
};
