/** The first step of an import: a button that opens the file chooser, and a zone to drop a file on. */
import { createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import { listenFileDrop } from './file-drop.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

/** Picks one CSV file, by the chooser or by drag and drop. */
export const FilePicker = (props: { onFile: (file: File) => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const [over, setOver] = createSignal(false);
  let zone: HTMLDivElement | undefined;
  let input: HTMLInputElement | undefined;
  onMount(() => {
    if (zone) onCleanup(listenFileDrop(zone, props.onFile, setOver));
  });
  return (
    <div ref={zone} class="wb-csv-drop" classList={{ 'wb-csv-drop-over': over() }} data-testid="import-drop">
      <button type="button" class="wb-primary" onClick={() => input?.click()} data-testid="import-choose">
        {t('import.pick')}
      </button>
      <span>{t('import.drop')}</span>
      <p class="wb-csv-hint">{t('import.pickHint')}</p>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) props.onFile(f);
        }}
      />
    </div>
  );
};
