/** Beside the calendar: what the colours mean, the overlaps in view with their reasons, and how to edit. */
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { ViewText } from '../i18n/view-texts.ts';
import type { Campaign, Overlap, OverlapReason } from '../../app/calendar/campaign-overlaps.ts';

/** One conflict between two campaigns, listed once. */
interface Pair {
  a: Campaign;
  b: Campaign;
  o: Overlap;
}

/** The side panel. */
export const CalendarSide = (props: {
  vt: ViewText;
  keys: readonly string[];
  colorOf: (key: string) => string;
  campaigns: readonly Campaign[];
  overlaps: ReadonlyMap<string, Overlap[]>;
  /** The weeks on screen: overlaps are listed when they fall in them. */
  visible: readonly (readonly string[])[];
  reasonText: (c: Campaign, reasons: readonly OverlapReason[]) => string;
  range: (from: string, to: string) => string;
  undated: number;
  readOnly: boolean;
  onOpen: (rowId: string) => void;
}): JSX.Element => {
  const pairs = createMemo((): Pair[] => {
    const first = props.visible[0]?.[0] ?? '';
    const last = props.visible.at(-1)?.at(-1) ?? '';
    const byId = new Map(props.campaigns.map((c) => [c.rowId, c]));
    const out: Pair[] = [];
    for (const [id, list] of props.overlaps) {
      for (const o of list) {
        const a = byId.get(id);
        const b = byId.get(o.other);
        if (!a || !b || a.rowId > b.rowId || o.to < first || o.from > last) continue;
        out.push(a.start <= b.start ? { a, b, o } : { a: b, b: a, o });
      }
    }
    return out.sort((x, y) => (x.o.from < y.o.from ? -1 : x.o.from > y.o.from ? 1 : 0));
  });
  return (
    <aside class="wb-ccal-side">
      <ul class="wb-ccal-legend">
        <For each={props.keys}>
          {(k) => (
            <li>
              <span class="wb-ccal-swatch" style={{ background: props.colorOf(k) }} />
              {k}
            </li>
          )}
        </For>
        <li>
          <span class="wb-ccal-swatch wb-ccal-swatch-warn" />
          {props.vt('cal.overlaps')}
        </li>
      </ul>
      <h3 class="wb-ccal-side-title">{props.vt('cal.overlaps')}</h3>
      <ul class="wb-ccal-overlaps">
        <For each={pairs()} fallback={<li class="wb-ccal-none">{props.vt('cal.noOverlaps')}</li>}>
          {(p) => (
            <li data-testid="calendar-overlap">
              <button type="button" class="wb-ccal-overlap" onClick={() => props.onOpen(p.a.rowId)}>
                <strong>⚠ {props.vt('cal.overlapLine', p.a.name, p.b.name)}</strong>
                <span>
                  {props.reasonText(p.a, p.o.reasons)}, {props.range(p.o.from, p.o.to)}
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <p class="wb-ccal-hint">{props.vt(props.readOnly ? 'cal.readOnly' : 'cal.hint')}</p>
      <Show when={props.undated > 0}>
        <p class="wb-ccal-hint">{props.vt('cal.undated', props.undated)}</p>
      </Show>
    </aside>
  );
};
