/** Closing a popup when the pointer goes down outside it. */
import { onCleanup, onMount } from 'solid-js';

/**
 * Calls `close` on a mouse press outside the element `el()` returns, for the life of the calling
 * component. Listening starts after the press that opened the popup has finished.
 */
export const closeOnOutsidePress = (el: () => HTMLElement | undefined, close: () => void): void => {
  const press = (e: MouseEvent) => {
    if (!el()?.contains(e.target as Node)) close();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  onMount(() => {
    timer = setTimeout(() => document.addEventListener('mousedown', press), 0);
  });
  onCleanup(() => {
    clearTimeout(timer);
    document.removeEventListener('mousedown', press);
  });
};
