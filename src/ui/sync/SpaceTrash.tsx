/** The trash of a space: what was deleted in the last 30 days, restorable by editors, deleted for good by owners. */
import { For, Show, type JSX } from 'solid-js';
import type { SpaceWorkbook } from '../../sync/space-client.ts';
import type { I18n } from '../i18n/i18n.ts';
import { spaceTexts } from '../i18n/space-texts.ts';

/** The trash section of the space page. */
export const SpaceTrash = (props: {
  i18n: I18n;
  trash: SpaceWorkbook[];
  canRestore: boolean;
  canPurge: boolean;
  busy: boolean;
  onRestore: (w: SpaceWorkbook) => void;
  onPurge: (w: SpaceWorkbook) => void;
}): JSX.Element => {
  const t = props.i18n.texts(spaceTexts);
  const day = (ms: number) => new Date(ms).toLocaleDateString(props.i18n.locale(), { dateStyle: 'medium' });
  return (
    <details class="wb-space-section" data-testid="space-trash-section">
      <summary>{t('space.trashTitle', props.trash.length)}</summary>
      <ul class="wb-start-list">
        <For each={props.trash} fallback={<li class="wb-start-empty">{t('space.trashEmpty')}</li>}>
          {(w) => (
            <li class="wb-start-item" data-testid="space-trash-item" data-id={w.id}>
              <span class="wb-start-name">{w.name}</span>
              <span class="wb-start-meta">{t('space.purgeOn', day(w.purgeAt ?? Date.now()))}</span>
              <span class="wb-start-actions">
                <Show when={props.canRestore}>
                  <button type="button" disabled={props.busy} onClick={() => props.onRestore(w)} data-testid="space-restore">
                    {t('space.restore')}
                  </button>
                </Show>
                <Show when={props.canPurge}>
                  <button type="button" class="wb-danger-text" disabled={props.busy} onClick={() => props.onPurge(w)} data-testid="space-purge">
                    {t('space.purge')}
                  </button>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
};
