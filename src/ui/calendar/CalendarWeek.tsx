/** One week row of the calendar: its seven day cells, and the campaign bars that cross it, in lanes. */
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { Campaign, Overlap } from '../../app/calendar/campaign-overlaps.ts';
import { layoutWeek, type DragMode } from '../../app/calendar/calendar-layout.ts';

/** What a week row needs from the calendar around it. */
export interface WeekProps {
  week: readonly string[];
  /** Month view: days of other months are dimmed. */
  month?: string;
  today: string;
  campaigns: readonly Campaign[];
  overlaps: ReadonlyMap<string, Overlap[]>;
  /** The week view: taller bars with a second line. */
  tall: boolean;
  readOnly: boolean;
  colorOf: (c: Campaign) => string;
  /** Hover text of a bar (name, dates, overlaps). */
  barTitle: (c: Campaign) => string;
  /** Second line of a tall bar. */
  subtitle: (c: Campaign) => string;
  dayLabel: (date: string) => string;
  todayMark: string;
  /** The bar being dragged (drawn lifted). */
  dragging?: string;
  onPress: (e: PointerEvent, c: Campaign, mode: DragMode) => void;
  onKey: (e: KeyboardEvent, c: Campaign) => void;
}

const HEAD = 26;

/** The week row. */
export const CalendarWeek = (props: WeekProps): JSX.Element => {
  const layout = createMemo(() => layoutWeek(props.week, props.campaigns));
  const lane = () => (props.tall ? 46 : 22);
  const byId = createMemo(() => new Map(props.campaigns.map((c) => [c.rowId, c])));
  const height = () => HEAD + Math.max(props.tall ? 6 : 3, layout().lanes) * lane() + 6;
  return (
    <div
      class="wb-ccal-week"
      classList={{ 'wb-ccal-week-tall': props.tall }}
      // The week view fills the screen; month rows are as tall as their lanes need.
      style={props.tall ? { height: `max(${height()}px, calc(100% - 26px))` } : { height: `${height()}px` }}
      role="row"
    >
      <For each={props.week}>
        {(date, i) => (
          <div
            class="wb-ccal-day"
            classList={{
              'wb-ccal-other': props.month !== undefined && !date.startsWith(props.month),
              'wb-ccal-today': date === props.today,
              'wb-ccal-weekend': i() >= 5,
            }}
            style={{ left: `${(i() * 100) / 7}%`, width: `${100 / 7}%` }}
            data-date={date}
            role="gridcell"
            aria-label={date}
          >
            <span class="wb-ccal-date">{props.dayLabel(date)}</span>
            <Show when={date === props.today}>
              <span class="wb-ccal-today-mark" data-testid="calendar-today">
                {props.todayMark}
              </span>
            </Show>
          </div>
        )}
      </For>
      <For each={layout().segments}>
        {(seg) => {
          const c = () => byId().get(seg.rowId);
          const warn = () => props.overlaps.has(seg.rowId);
          return (
            <Show when={c()}>
              {(camp) => (
                <div
                  class="wb-ccal-bar"
                  classList={{
                    'wb-ccal-bar-warn': warn(),
                    'wb-ccal-bar-cont-left': seg.continuesLeft,
                    'wb-ccal-bar-cont-right': seg.continuesRight,
                    'wb-ccal-bar-dragging': props.dragging === seg.rowId,
                    'wb-ccal-bar-readonly': props.readOnly,
                  }}
                  style={{
                    left: `calc(${(seg.col * 100) / 7}% + 3px)`,
                    width: `calc(${(seg.span * 100) / 7}% - 6px)`,
                    top: `${HEAD + seg.lane * lane()}px`,
                    height: `${lane() - 3}px`,
                    '--bar': props.colorOf(camp()),
                  }}
                  role="button"
                  tabIndex={0}
                  title={props.barTitle(camp())}
                  aria-label={props.barTitle(camp())}
                  data-testid="calendar-bar"
                  data-row-id={seg.rowId}
                  data-warn={warn() ? 'true' : undefined}
                  onPointerDown={(e) => e.button === 0 && props.onPress(e, camp(), 'move')}
                  onKeyDown={(e) => props.onKey(e, camp())}
                >
                  <Show when={!props.readOnly && !seg.continuesLeft}>
                    <span class="wb-ccal-edge wb-ccal-edge-start" data-testid="bar-start" onPointerDown={(e) => (e.stopPropagation(), e.button === 0 && props.onPress(e, camp(), 'start'))} />
                  </Show>
                  <span class="wb-ccal-bar-text">
                    <Show when={warn()}>
                      <span class="wb-ccal-warn-icon" aria-hidden="true">
                        ⚠
                      </span>
                    </Show>
                    {camp().name}
                  </span>
                  <Show when={props.tall}>
                    <span class="wb-ccal-bar-sub">{props.subtitle(camp())}</span>
                  </Show>
                  <Show when={!props.readOnly && !seg.continuesRight}>
                    <span class="wb-ccal-edge wb-ccal-edge-end" data-testid="bar-end" onPointerDown={(e) => (e.stopPropagation(), e.button === 0 && props.onPress(e, camp(), 'end'))} />
                  </Show>
                </div>
              )}
            </Show>
          );
        }}
      </For>
    </div>
  );
};
