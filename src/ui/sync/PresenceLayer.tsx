/**
 * Teammates' active cells on the open sheet: an outline in each person's colour with their name,
 * drawn over the grid (never inside AG Grid's cells, whose styles it would have to undo). Placed
 * again when teammates move, the grid scrolls or is resized, or columns or rows change.
 */
import { createEffect, createSignal, For, onCleanup, onMount, type JSX } from 'solid-js';
import { displayName } from '../../sync/presence.ts';
import { useApp } from '../app-context.ts';
import type { GridController } from '../grid/grid-controller.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import './sync.css';

interface Box {
  key: number;
  left: number;
  top: number;
  width: number;
  height: number;
  color: string;
  name: string;
  userId: string;
}

const PresenceLayer = (props: { ctl: GridController; container: () => HTMLElement | undefined }): JSX.Element => {
  const app = useApp();
  const st = app.i18n.texts(syncTexts);
  const [boxes, setBoxes] = createSignal<Box[]>([]);
  let frame = 0;

  const place = () => {
    frame = 0;
    const root = props.container();
    if (!root) return;
    const c = root.getBoundingClientRect();
    const out: Box[] = [];
    for (const p of app.peers()) {
      if (p.sheetId !== props.ctl.sheetId || !p.rowId || !p.colId) continue;
      // Only rendered rows have cells: a teammate scrolled out of view or filtered out is not drawn.
      const cell = root.querySelector(`.ag-row[row-id="${CSS.escape(p.rowId)}"] .ag-cell[col-id="${CSS.escape(p.colId)}"]`);
      if (!cell) continue;
      const r = cell.getBoundingClientRect();
      out.push({ key: p.clientId, left: r.left - c.left, top: r.top - c.top, width: r.width, height: r.height, color: p.color, name: displayName({ id: p.userId, name: p.name }, st('me.guest')), userId: p.userId });
    }
    setBoxes(out);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };

  // Teammates moved, cells or columns changed, this person's rows were sorted or filtered.
  createEffect(() => {
    app.peers();
    app.cells();
    app.structure();
    props.ctl.rowsVersion();
    props.ctl.view();
    schedule();
  });
  // The grid scrolled (a capturing listener sees its viewports' scroll events) or was resized.
  onMount(() => {
    const root = props.container();
    if (!root) return;
    root.addEventListener('scroll', schedule, true);
    const resized = new ResizeObserver(schedule);
    resized.observe(root);
    onCleanup(() => {
      root.removeEventListener('scroll', schedule, true);
      resized.disconnect();
    });
  });
  onCleanup(() => cancelAnimationFrame(frame));

  return (
    <div class="wb-peers-layer" aria-hidden="true">
      <For each={boxes()}>
        {(b) => (
          <div
            class="wb-peer-box"
            style={{ left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px`, 'border-color': b.color }}
            data-testid="peer-outline"
            data-user={b.userId}
          >
            <span class="wb-peer-name" style={{ background: b.color }}>
              {b.name}
            </span>
          </div>
        )}
      </For>
    </div>
  );
};

export default PresenceLayer;
