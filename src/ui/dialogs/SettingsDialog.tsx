/**
 * Workbook settings: the currency every amount is shown in. Changing it relabels, it does not
 * convert (¥1,200.00 shows as $1,200.00) and it changes the workbook for everyone, so the dialog
 * says so and asks once more, naming how many amount columns change, before it writes.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { CURRENCIES, REGIONS, type CurrencyCode, type Region } from '../../schema/types.ts';
import { dateOrderOf, regionOf } from '../../schema/date-text.ts';
import { formatNumber } from '../../schema/format-value.ts';
import { currencyChange, relabelCurrency, type CurrencyChange } from '../../app/currency-change.ts';
import { useApp } from '../app-context.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';
import { dialogTexts } from '../i18n/dialog-texts.ts';

const SettingsDialog = (props: { onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const [currency, setCurrency] = createSignal<CurrencyCode>(app.wb.settings.currency);
  const [region, setRegion] = createSignal<string>(regionOf(app.wb.settings));
  const regionName = (r: string) => new Intl.DisplayNames([app.i18n.locale()], { type: 'language' }).of(r) ?? r;
  const orderWords = (r: string) => t(`settings.order.${dateOrderOf(r) ?? 'YMD'}`);
  const [confirming, setConfirming] = createSignal<CurrencyChange | null>(null);
  const amount = (c: CurrencyCode) => formatNumber(1200, 'currency', {}, { ...app.format(), currency: c });
  const sheetNames = (ids: readonly string[]) =>
    ids.map((id) => app.wb.sheet(id)).flatMap((s) => (s ? [app.label(s)] : [])).join(', ');

  const save = (e: Event) => {
    e.preventDefault();
    // The regional format relabels nothing: it only decides how dates typed from now on are read.
    if (region() !== regionOf(app.wb.settings)) app.wb.setSettings({ region: region() as Region });
    if (currency() === app.wb.settings.currency) return props.onClose();
    setConfirming(currencyChange(app.wb, currency(), (s, c) => app.calc.resultType(s, c)));
  };
  const relabel = (change: CurrencyChange) => {
    try {
      relabelCurrency(app.wb, change.to);
      props.onClose();
      app.toasts.show({ kind: 'info', message: t('settings.relabelled', amount(change.from), amount(change.to)) });
    } catch (err) {
      app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <Dialog title={t('settings.title')} onClose={props.onClose} testId="settings-dialog">
      <Show
        when={confirming()}
        fallback={
          <form onSubmit={save}>
            <label class="wb-field">
              <span>{t('settings.currency')}</span>
              <select
                ref={(el) => queueMicrotask(() => el.focus())}
                data-testid="settings-currency"
                disabled={app.readOnly}
                value={currency()}
                onChange={(e) => setCurrency(e.currentTarget.value as CurrencyCode)}
              >
                <For each={[...CURRENCIES]}>{(c) => <option value={c}>{t(`currency.${c}`)}</option>}</For>
              </select>
            </label>
            <p class="wb-dialog-note" data-testid="settings-currency-note">
              {t('settings.currencyNote', amount(app.wb.settings.currency), amount(currency()))}
            </p>
            <label class="wb-field">
              <span>{t('settings.region')}</span>
              <select data-testid="settings-region" disabled={app.readOnly} value={region()} onChange={(e) => setRegion(e.currentTarget.value)}>
                <For each={[...REGIONS]}>{(r) => <option value={r}>{`${regionName(r)} · ${orderWords(r)}`}</option>}</For>
              </select>
            </label>
            <p class="wb-dialog-note" data-testid="settings-region-note">
              {t('settings.regionNote', orderWords(region()))}
            </p>
            <DialogFooter
              cancel={t('common.cancel')}
              onCancel={props.onClose}
              primary={app.readOnly ? undefined : { label: t('settings.save'), testId: 'settings-save' }}
            />
          </form>
        }
      >
        {(change) => (
          <div data-testid="settings-confirm" ref={(el) => queueMicrotask(() => el.querySelector<HTMLElement>('[data-testid="settings-back"]')?.focus())}>
            <p class="wb-dialog-body">
              {t('settings.confirmBody', change().columns, sheetNames(change().sheetIds), amount(change().from), amount(change().to))}
            </p>
            <DialogFooter
              cancel={t('settings.back')}
              onCancel={() => setConfirming(null)}
              cancelTestId="settings-back"
              primary={{ label: t('settings.relabel', t(`currency.${change().to}`)), danger: true, testId: 'settings-relabel', onClick: () => relabel(change()) }}
            />
          </div>
        )}
      </Show>
    </Dialog>
  );
};

export default SettingsDialog;
