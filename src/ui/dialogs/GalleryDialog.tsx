/** The template gallery: every sheet kind the gallery offers, in the UI language; a click adds one. */
import { For, Show, type JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import { opsGallery } from '../../app/ops-gallery.ts';
import { nextFreeName } from '../names.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { DialogFooter } from '../widgets/DialogFooter.tsx';

const GalleryDialog = (props: { onClose: () => void; onAdded: (sheetId: string) => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const gallery = app.gallery ?? opsGallery;
  const entries = gallery.list();
  const add = (id: string, label: string) => {
    const name = nextFreeName((n) => (n === 1 ? label : `${label} ${n}`), (n) => !app.wb.sheetByName(n));
    try {
      const sheetId = gallery.add(app.wb, id, { name, locale: app.i18n.locale() });
      props.onClose();
      props.onAdded(sheetId);
    } catch (err) {
      app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <Dialog title={t('gallery.title')} onClose={props.onClose} wide testId="gallery-dialog">
      <div class="wb-gallery">
        <For each={entries}>
          {(e) => {
            const label = () => e.labels[app.i18n.locale()] ?? e.labels.en ?? e.id;
            return (
              <button type="button" class="wb-gallery-card" data-template={e.id} onClick={() => add(e.id, label())}>
                <span class="wb-gallery-name">{label()}</span>
                <span class="wb-gallery-desc">{e.description[app.i18n.locale()] ?? e.description.en ?? ''}</span>
              </button>
            );
          }}
        </For>
      </div>
      <Show when={entries.length <= 1}>
        <p class="wb-dialog-note">{t('gallery.pending')}</p>
      </Show>
      <DialogFooter cancel={t('common.close')} onCancel={props.onClose} />
    </Dialog>
  );
};

export default GalleryDialog;
