/**
 * The campaign calendar of a Campaigns sheet: month and week views that open on today, campaigns as
 * bars coloured by type or channel, overlaps on a channel or category in a warning colour with the
 * reason, and drags that change the dates through the model (one undo step each). Viewers only look.
 */
import { createMemo, createSignal, For, onMount, Show, type JSX } from 'solid-js';
import '../styles/calendar.css';
import { useApp } from '../app-context.ts';
import { viewTexts } from '../i18n/view-texts.ts';
import { PALETTE } from '../charts/chart-config.ts';
import { findOverlaps, type Campaign } from '../../app/calendar/campaign-overlaps.ts';
import { campaignColumns, readCampaigns } from '../../app/calendar/campaign-rows.ts';
import { CalendarSide } from './CalendarSide.tsx';
import { CalendarWeek } from './CalendarWeek.tsx';
import { startBarDrag, type DragPreview } from './calendar-drag.ts';
import { addDays, addMonths, localIsoDay } from '../../schema/calendar-day.ts';
import { monthWeeks, weekDates } from '../../app/calendar/calendar-weeks.ts';
import { draggedDates } from '../../app/calendar/calendar-layout.ts';

type Mode = 'month' | 'week';
type ColorBy = 'type' | 'channel';

const dateFormat = (locale: string, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const CampaignCalendar = (props: { sheetId: string }): JSX.Element => {
  const app = useApp();
  const vt = app.i18n.texts(viewTexts);
  const today = localIsoDay();
  const [mode, setMode] = createSignal<Mode>('month');
  const [anchor, setAnchor] = createSignal(today);
  const [colorBy, setColorBy] = createSignal<ColorBy>('type');
  const [preview, setPreview] = createSignal<DragPreview | null>(null);

  const cols = createMemo(() => (app.structure(), app.wb.hasSheet(props.sheetId) ? campaignColumns(app.wb.columns(props.sheetId)) : null));
  const read = createMemo(() => {
    app.cells();
    const c = cols();
    if (!c || !app.wb.hasSheet(props.sheetId)) return { campaigns: [] as Campaign[], undated: 0 };
    return readCampaigns(app.wb.rowIds(props.sheetId), c, (id) => app.calc.columnValues(props.sheetId, id));
  });
  // While a bar is dragged, it (and the overlaps it makes or ends) is drawn at its new dates.
  const campaigns = createMemo(() => {
    const p = preview();
    return p ? read().campaigns.map((c) => (c.rowId === p.rowId ? { ...c, start: p.start, end: p.end } : c)) : read().campaigns;
  });
  const overlaps = createMemo(() => findOverlaps(campaigns()));
  const names = createMemo(() => new Map(campaigns().map((c) => [c.rowId, c.name])));

  const choicesOf = (colId: string | undefined): string[] => (colId ? (app.wb.column(props.sheetId, colId)?.options.choices ?? []) : []);
  const colorKeys = createMemo(() => {
    const c = cols();
    const declared = choicesOf(colorBy() === 'type' ? c?.type : c?.channel);
    const seen = campaigns().map((x) => (colorBy() === 'type' ? x.type : x.channel));
    return [...new Set([...declared, ...seen])].filter((k) => k !== '');
  });
  const colorOf = (c: Campaign) => {
    const k = colorBy() === 'type' ? c.type : c.channel;
    const i = colorKeys().indexOf(k);
    return i < 0 ? '#98a2b3' : (PALETTE[i % PALETTE.length] ?? '#98a2b3');
  };

  const locale = () => app.i18n.locale();
  const shortDate = (iso: string) => dateFormat(locale(), { month: 'short', day: 'numeric' }).format(utc(iso));
  const range = (from: string, to: string) => (from === to ? shortDate(from) : `${shortDate(from)} – ${shortDate(to)}`);
  const reasonText = (c: Campaign, reasons: readonly string[]) =>
    reasons.map((r) => (r === 'channel' ? vt('cal.sameChannel', c.channel) : vt('cal.sameCategory', c.category))).join(', ');
  const barTitle = (c: Campaign) =>
    [`${c.name} · ${range(c.start, c.end)}`, ...(overlaps().get(c.rowId) ?? []).map((o) => vt('cal.overlapWith', names().get(o.other) ?? '', reasonText(c, o.reasons), range(o.from, o.to)))].join('\n');
  const subtitle = (c: Campaign) => {
    const o = overlaps().get(c.rowId)?.[0];
    return o ? reasonText(c, o.reasons) : [c.channel, c.category].filter(Boolean).join(' · ');
  };

  const weeks = () => (mode() === 'month' ? monthWeeks(anchor()) : [weekDates(anchor())]);
  const title = () =>
    mode() === 'month'
      ? dateFormat(locale(), { year: 'numeric', month: 'long' }).format(utc(anchor()))
      : vt('cal.weekOf', dateFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric' }).format(utc(weekDates(anchor())[0] ?? anchor())));
  const weekdays = () => weekDates('2026-11-23').map((d) => dateFormat(locale(), { weekday: 'short' }).format(utc(d)));
  const dayLabel = (d: string) => (mode() === 'week' ? shortDate(d) : String(Number(d.slice(8))));
  let grid: HTMLDivElement | undefined;
  // It opens on today: the month is today's, and today's week is scrolled into view.
  onMount(() => grid?.querySelector('.wb-ccal-today')?.scrollIntoView({ block: 'nearest' }));
  const step = (n: number) => setAnchor((a) => (mode() === 'month' ? addMonths(a, n) : addDays(a, 7 * n)));

  const write = (p: DragPreview) => {
    const c = cols();
    if (!c || app.readOnly) return;
    try {
      app.wb.setCells(props.sheetId, [
        { rowId: p.rowId, colId: c.start, value: p.start },
        { rowId: p.rowId, colId: c.end, value: p.end },
      ]);
    } catch (err) {
      app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  // A viewer's press is a click or nothing: the bar does not follow the pointer.
  const onPress = (e: PointerEvent, c: Campaign, how: 'move' | 'start' | 'end') =>
    startBarDrag(e, c, how, {
      preview: (p) => !app.readOnly && setPreview(p),
      commit: write,
      click: () => app.openRow(props.sheetId, c.rowId),
    });
  // Keyboard: Enter opens the row; Alt+←/→ moves the campaign a day, with Shift only its end.
  const onKey = (e: KeyboardEvent, c: Campaign) => {
    if (e.key === 'Enter') app.openRow(props.sheetId, c.rowId);
    else if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !app.readOnly) {
      write({ rowId: c.rowId, ...draggedDates(c, e.shiftKey ? 'end' : 'move', e.key === 'ArrowLeft' ? -1 : 1, addDays) });
      // The bar was drawn anew at its new dates: keep the keyboard on it.
      grid?.querySelector<HTMLElement>(`[data-testid="calendar-bar"][data-row-id="${c.rowId}"]`)?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <section class="wb-ccal" data-testid="calendar" aria-label={vt('cal.title', app.wb.sheet(props.sheetId)?.name ?? '')}>
      <div class="wb-ccal-toolbar">
        <div class="wb-seg" role="group">
          <For each={['month', 'week'] as Mode[]}>
            {(m) => (
              <button type="button" classList={{ 'wb-seg-on': mode() === m }} aria-pressed={mode() === m} data-testid={`calendar-${m}`} onClick={() => setMode(m)}>
                {vt(m === 'month' ? 'cal.month' : 'cal.week')}
              </button>
            )}
          </For>
        </div>
        <button type="button" class="wb-tool" aria-label={vt('cal.previous')} title={vt('cal.previous')} data-testid="calendar-prev" onClick={() => step(-1)}>
          ‹
        </button>
        <button type="button" class="wb-tool wb-tool-text" data-testid="calendar-today-button" onClick={() => setAnchor(today)}>
          {vt('cal.today')}
        </button>
        <button type="button" class="wb-tool" aria-label={vt('cal.next')} title={vt('cal.next')} data-testid="calendar-next" onClick={() => step(1)}>
          ›
        </button>
        <h2 class="wb-ccal-title" data-testid="calendar-title">
          {title()}
        </h2>
        <label class="wb-ccal-color">
          <span>{vt('cal.colorBy')}</span>
          <select value={colorBy()} data-testid="calendar-color" onChange={(e) => setColorBy(e.currentTarget.value as ColorBy)}>
            <option value="type">{vt('cal.byType')}</option>
            <option value="channel">{vt('cal.byChannel')}</option>
          </select>
        </label>
      </div>
      <Show when={cols()} fallback={<p class="wb-chart-problem">{vt('cal.noDates')}</p>}>
        <div class="wb-ccal-body">
          <div class="wb-ccal-grid" role="grid" aria-label={title()} ref={grid}>
            <div class="wb-ccal-weekdays" role="row">
              <For each={weekdays()}>{(d) => <span role="columnheader">{d}</span>}</For>
            </div>
            <For each={weeks()}>
              {(week) => (
                <CalendarWeek
                  week={week}
                  month={mode() === 'month' ? anchor().slice(0, 7) : undefined}
                  today={today}
                  campaigns={campaigns()}
                  overlaps={overlaps()}
                  tall={mode() === 'week'}
                  readOnly={app.readOnly}
                  colorOf={colorOf}
                  barTitle={barTitle}
                  subtitle={subtitle}
                  dayLabel={dayLabel}
                  todayMark={vt('cal.todayMark')}
                  dragging={preview()?.rowId}
                  onPress={onPress}
                  onKey={onKey}
                />
              )}
            </For>
          </div>
          <CalendarSide
            vt={vt}
            keys={colorKeys()}
            colorOf={(k) => PALETTE[colorKeys().indexOf(k) % PALETTE.length] ?? '#98a2b3'}
            campaigns={campaigns()}
            overlaps={overlaps()}
            visible={weeks()}
            reasonText={reasonText}
            range={range}
            undated={read().undated}
            readOnly={app.readOnly}
            onOpen={(rowId) => app.openRow(props.sheetId, rowId)}
          />
        </div>
      </Show>
    </section>
  );
};

export default CampaignCalendar;
