/** Solid signals over src/sync's `Watch` values (src/sync knows no UI framework). */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Watch } from '../sync/watch.ts';

/** A signal that follows `watch` while the calling component (or root) lives. */
export const fromWatch = <T,>(watch: Watch<T>): Accessor<T> => {
  const [value, setValue] = createSignal<T>(watch.get(), { equals: false });
  onCleanup(watch.subscribe((v) => setValue(() => v)));
  return value;
};
