/**
 * A month calendar under a date cell's editor. It opens on the month of the typed date (any form
 * the editor accepts) or of today, and a click saves that day. Weeks start on Monday, as in China
 * and ISO 8601.
 */
import { createEffect, createMemo, createSignal, For, type Accessor, type JSX } from 'solid-js';
import { parseInput } from '../cell-input.ts';
import { useApp } from '../../app-context.ts';
import { dialogTexts } from '../../i18n/dialog-texts.ts';
import { dayFromParts, daysInMonth, isoFromParts, localIsoDay, weekdayOfDay } from '../../../schema/calendar-day.ts';

const todayIso = (): string => localIsoDay();

/** What the editor's text is read as: a date, as a date cell reads what is typed. */
const DATE_COLUMN = { type: 'date', options: {} } as const;

/** The calendar; `pick` receives the chosen date as `YYYY-MM-DD` (or '' to clear). */
export const Calendar = (props: { text: Accessor<string>; pick: (iso: string) => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const typed = createMemo(() => {
    const r = parseInput(props.text(), DATE_COLUMN, { locale: app.i18n.locale() });
    return r.ok && typeof r.value === 'string' ? r.value : undefined;
  });
  const start = typed() ?? todayIso();
  const [month, setMonth] = createSignal({ y: Number(start.slice(0, 4)), m: Number(start.slice(5, 7)) - 1 });
  // Follow what is typed: the calendar shows the month of a date as soon as it reads as one.
  createEffect(() => {
    const t = typed();
    if (t) setMonth({ y: Number(t.slice(0, 4)), m: Number(t.slice(5, 7)) - 1 });
  });
  const title = () =>
    new Intl.DateTimeFormat(app.i18n.locale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(month().y, month().m, 1),
    );
  const weekdays = () => {
    const f = new Intl.DateTimeFormat(app.i18n.locale(), { weekday: 'narrow', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2024, 0, 1 + i)));
  };
  const days = () => {
    const { y, m } = month();
    const first = (weekdayOfDay(dayFromParts(y, m + 1, 1)) + 6) % 7;
    const count = daysInMonth(y, m + 1);
    const cells: ({ d: number; iso: string } | null)[] = Array.from({ length: first }, () => null);
    for (let d = 1; d <= count; d++) cells.push({ d, iso: isoFromParts(y, m + 1, d) });
    return cells;
  };
  const shift = (by: number) => setMonth(({ y, m }) => ({ y: m + by < 0 ? y - 1 : m + by > 11 ? y + 1 : y, m: (m + by + 12) % 12 }));
  return (
    <div class="wb-cal" onMouseDown={(e) => e.preventDefault()}>
      <div class="wb-cal-head">
        <button type="button" aria-label={t('edit.prevMonth')} onClick={() => shift(-1)}>
          ‹
        </button>
        <span class="wb-cal-title">{title()}</span>
        <button type="button" aria-label={t('edit.nextMonth')} onClick={() => shift(1)}>
          ›
        </button>
      </div>
      <div class="wb-cal-grid" role="grid" aria-label={t('edit.calendar')}>
        <For each={weekdays()}>{(w) => <span class="wb-cal-wd">{w}</span>}</For>
        <For each={days()}>
          {(cell) => {
            if (cell === null) return <span />;
            const { d, iso } = cell;
            return (
              <button
                type="button"
                class="wb-cal-day"
                classList={{ 'wb-cal-on': iso === typed(), 'wb-cal-today': iso === todayIso() }}
                data-date={iso}
                onClick={() => props.pick(iso)}
              >
                {d}
              </button>
            );
          }}
        </For>
      </div>
      <div class="wb-cal-foot">
        <button type="button" onClick={() => props.pick(todayIso())}>
          {t('edit.today')}
        </button>
        <button type="button" onClick={() => props.pick('')}>
          {t('edit.clear')}
        </button>
      </div>
    </div>
  );
};
