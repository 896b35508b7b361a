/** What an empty view sheet shows: that its formula keeps no row now, or why it cannot be computed. */
import type { JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import type { GridController } from './grid-controller.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

const ViewEmpty = (props: { ctl: GridController }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  return (
    <div class="wb-empty" tabIndex={0} data-testid="empty-view">
      <p class="wb-empty-title">{t('view.emptyTitle')}</p>
      <p>{(app.cells(), props.ctl.shape.view()?.error?.message) ?? t('view.emptyHint')}</p>
    </div>
  );
};

export default ViewEmpty;
