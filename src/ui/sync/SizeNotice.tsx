/**
 * A workbook near the relay's size limit (MAX_ROOM_BYTES): from NEARLY_FULL of it on, editors are
 * told how full it is and that past the limit the relay takes no more edits, while there is still
 * time to have it raised. Everything a workbook ever held is kept for its history, so it only grows.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import type { WorkbookSession } from '../../sync/session.ts';
import { useApp } from '../app-context.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { fromWatch } from '../watch-signal.ts';

/** The share of the limit from which editors are told. */
export const NEARLY_FULL = 0.8;

/** A size as people read it: KB under a megabyte, else MB to a tenth. */
const sizeText = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/** Shows how full the workbook is once it is nearly full, for editors; closed until the page opens again. */
export const SizeNotice = (props: { session: WorkbookSession }): JSX.Element => {
  const st = useApp().i18n.texts(syncTexts);
  const size = fromWatch(props.session.size);
  const role = fromWatch(props.session.role);
  const [closed, setClosed] = createSignal(false);
  const full = () => {
    const z = size();
    return z && role() === 'editor' && !closed() && z.bytes >= NEARLY_FULL * z.maxBytes ? z : null;
  };
  return (
    <Show when={full()}>
      {(z) => (
        <span class="wb-trashed" role="status" data-testid="size-notice">
          {st('size.nearlyFull', Math.min(100, Math.floor((100 * z().bytes) / z().maxBytes)), sizeText(z().bytes), sizeText(z().maxBytes))}{' '}
          <button type="button" onClick={() => setClosed(true)} data-testid="size-notice-close">
            {st('role.ok')}
          </button>
        </span>
      )}
    </Show>
  );
};
