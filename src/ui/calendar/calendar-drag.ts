/**
 * Dragging campaign bars: the whole bar moves the campaign, an edge moves one date. While the
 * pointer moves, the bar follows (a preview); on release the new dates are written in one model
 * operation (one undo step). A press that does not move is a click.
 */
import type { Campaign } from '../../app/calendar/campaign-overlaps.ts';
import { addDays, daysBetween } from '../../schema/calendar-day.ts';
import { draggedDates, type DragMode } from '../../app/calendar/calendar-layout.ts';

/** New dates of a campaign while it is dragged. */
export interface DragPreview {
  rowId: string;
  start: string;
  end: string;
}

/** Pixels a press may wander before it counts as a drag rather than a click. */
const SLOP = 4;

/** The date of the day cell under a point (bars lie over the cells, so every layer is looked at). */
export const dateAt = (x: number, y: number): string | undefined =>
  document
    .elementsFromPoint(x, y)
    .map((el) => (el instanceof HTMLElement ? el.dataset.date : undefined))
    .find((d): d is string => d !== undefined);

/**
 * Follows one press on a bar until it is released. The pointer is followed on the window: the bar
 * is drawn anew as its preview dates change, so listeners on it would be lost mid-drag.
 */
export const startBarDrag = (
  e: PointerEvent,
  campaign: Campaign,
  mode: DragMode,
  on: {
    preview: (p: DragPreview | null) => void;
    commit: (p: DragPreview) => void;
    click: () => void;
  },
): void => {
  const from = dateAt(e.clientX, e.clientY);
  const x0 = e.clientX;
  const y0 = e.clientY;
  let moved = false;
  let last: DragPreview | null = null;
  const move = (ev: PointerEvent) => {
    if (ev.pointerId !== e.pointerId) return;
    if (!moved && Math.hypot(ev.clientX - x0, ev.clientY - y0) < SLOP) return;
    moved = true;
    const to = dateAt(ev.clientX, ev.clientY);
    if (!from || !to) return;
    last = { rowId: campaign.rowId, ...draggedDates(campaign, mode, daysBetween(from, to), addDays) };
    on.preview(last);
  };
  const end = (ev: PointerEvent) => {
    if (ev.pointerId !== e.pointerId) return;
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    on.preview(null);
    if (ev.type === 'pointercancel') return;
    if (!moved) return on.click();
    if (last && (last.start !== campaign.start || last.end !== campaign.end)) on.commit(last);
  };
  // No text selection or native drag while a bar is held.
  e.preventDefault();
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
};
