/**
 * Registers the service worker (built to /sw.js) and reports a new version: once a new build has
 * installed beside the running one, `onUpdate` gets the function that switches to it and reloads.
 */

/** Registers /sw.js; `onUpdate` is called when a new version is ready. */
export const registerServiceWorker = (onUpdate: (apply: () => void) => void): void => {
  if (!('serviceWorker' in navigator)) return;
  let applying = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also takes control of the page; only a switch this page asked for reloads it.
    if (applying) location.reload();
  });
  const offer = (worker: ServiceWorker) =>
    onUpdate(() => {
      applying = true;
      worker.postMessage('skip-waiting');
    });
  navigator.serviceWorker.register('/sw.js', { updateViaCache: 'none' }).then(
    (reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    },
    (err: unknown) => console.warn('The app could not be made available offline:', err),
  );
};
