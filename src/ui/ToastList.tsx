/** Renders the toasts (text only) with their action button and a close button. */
import { For, Show, type JSX } from 'solid-js';
import { useApp } from './app-context.ts';

/** The toast stack at the bottom right. */
export const ToastList = (): JSX.Element => {
  const app = useApp();
  return (
    <div class="wb-toasts" aria-live="polite" data-corner={app.toasts.list().at(-1)?.corner}>
      <For each={app.toasts.list()}>
        {(toast) => (
          <div class="wb-toast" classList={{ 'wb-toast-error': toast.kind === 'error' }} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
            <div class="wb-toast-body">
              <p class="wb-toast-message">{toast.message}</p>
              <Show when={toast.details}>
                <ul class="wb-toast-details">
                  <For each={toast.details}>{(d) => <li>{d}</li>}</For>
                </ul>
              </Show>
            </div>
            <Show when={toast.action}>
              {(a) => (
                <button
                  type="button"
                  class="wb-toast-action"
                  onClick={() => {
                    app.toasts.dismiss(toast.id);
                    a().run();
                  }}
                >
                  {a().label}
                </button>
              )}
            </Show>
            <button type="button" class="wb-toast-close" aria-label={app.t('common.close')} onClick={() => app.toasts.dismiss(toast.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
};
