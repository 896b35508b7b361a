/** A new version of the app is ready: the switch to it, shown as a prompt by whichever page is open. */
import { createSignal } from 'solid-js';

const [ready, setReady] = createSignal<(() => void) | null>(null);

/** The function that reloads into the new version, once there is one (reactive). */
export const updateReady = ready;

/** Called by the service worker registration when a new version has installed. */
export const offerUpdate = (apply: () => void): void => {
  setReady(() => apply);
};
