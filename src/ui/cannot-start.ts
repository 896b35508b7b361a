/** The last-resort page: the app could not start at all. Plain DOM (whatever failed may be Solid or a dictionary), loaded only then. */
import type { Locale } from '../schema/types.ts';

/** Shows why the app could not start, with Reload and the way to the workbook list. */
export const showCannotStart = async (root: HTMLElement, err: unknown, locale?: () => Locale): Promise<void> => {
  console.error('The app could not start:', err);
  // The words load with the repair texts; if even they cannot, English.
  const rt = locale ? await import('./i18n/repair-i18n.ts').then((m) => m.repairText(locale)).catch(() => undefined) : undefined;
  root.textContent = '';
  const main = root.appendChild(document.createElement('main'));
  main.className = 'wb-start wb-problem';
  main.dataset.testid = 'start-failed';
  main.appendChild(document.createElement('h1')).textContent = rt ? rt('boundary.pageTitle') : 'The workbook cannot be shown.';
  main.appendChild(document.createElement('p')).textContent = err instanceof Error ? err.message : String(err);
  const reload = main.appendChild(document.createElement('button'));
  reload.type = 'button';
  reload.className = 'wb-primary';
  reload.textContent = rt ? rt('boundary.reload') : 'Reload';
  reload.onclick = () => location.reload();
  const back = main.appendChild(document.createElement('p')).appendChild(document.createElement('a'));
  back.href = '#/';
  back.className = 'wb-link';
  back.textContent = rt ? rt('boundary.back') : 'All workbooks';
};
