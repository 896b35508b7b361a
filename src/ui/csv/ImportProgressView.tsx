/** The progress of an import while the worker reads and checks the file, with a cancel button. */
import type { JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { DialogFooter } from '../widgets/DialogFooter.tsx';

/** A progress bar (share of the file read), the records so far, and Cancel. */
export const ImportProgressView = (props: { fraction: number; records: number; onCancel: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const percent = () => Math.floor(Math.min(1, Math.max(0, props.fraction)) * 100);
  return (
    <div class="wb-csv-running" data-testid="import-progress">
      <p class="wb-dialog-body">{t('import.reading')}</p>
      <div class="wb-csv-bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow={percent()} aria-label={t('import.reading')}>
        <div class="wb-csv-bar-fill" style={{ width: `${percent()}%` }} />
      </div>
      <p class="wb-csv-hint" data-testid="import-progress-text">
        {t('import.progress', percent(), props.records)}
      </p>
      <DialogFooter cancel={t('import.cancel')} onCancel={() => props.onCancel()} cancelTestId="import-cancel" />
    </div>
  );
};
