/** A value that changes over time and tells its subscribers (src/sync knows no UI framework; the app wraps these in signals). */

/** A read-only view of a changing value. */
export interface Watch<T> {
  get(): T;
  /** Calls `fn` on every change; returns the unsubscribe function. */
  subscribe(fn: (value: T) => void): () => void;
}

/** A changing value and its setter. */
export interface WatchSource<T> extends Watch<T> {
  set(value: T): void;
}

/**
 * A changing value; setting an equal value (by `===`) tells nobody.
 *
 * @example
 *   const state = createWatch('connecting');
 *   const off = state.subscribe((s) => console.log(s));
 *   state.set('online'); // logs "online"
 */
export const createWatch = <T>(initial: T): WatchSource<T> => {
  let value = initial;
  const subs = new Set<(value: T) => void>();
  return {
    get: () => value,
    set: (next) => {
      if (next === value) return;
      value = next;
      for (const fn of [...subs]) fn(next);
    },
    subscribe: (fn) => {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
};
