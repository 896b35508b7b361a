/**
 * Before rows that others refer to are deleted: a question naming what refers to them (count,
 * sheets, a few examples), with Cancel. Loaded only when such references can exist.
 */
import { dependentsOfRows } from '../../app/dependents.ts';
import { dependentsText } from '../dependents-text.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { ConfirmDialog } from '../widgets/Dialog.tsx';
import type { GridController } from './grid-controller.ts';

/** Runs `remove` at once when nothing refers to the rows; else asks first. */
export const deleteRowsAsking = (ctl: GridController, rowIds: readonly string[], remove: () => void): void => {
  const { app } = ctl;
  const words = dependentsText(app, dependentsOfRows(app.wb, ctl.sheetId, rowIds));
  if (!words) return remove();
  const t = app.i18n.texts(dialogTexts);
  app.openDialog((close) => (
    <ConfirmDialog
      title={t('deps.rowsTitle', rowIds.length)}
      body=""
      dependents={words}
      confirm={t('deps.deleteAnyway')}
      cancel={t('common.cancel')}
      onClose={close}
      onConfirm={remove}
    />
  ));
};
