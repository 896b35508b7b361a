/** The result of reading one stored record through its checker. */
import type { StoredProblem } from './stored-problem.ts';

/**
 * A stored record as read: `value` is what the app uses (with a default in place of each part that
 * was wrong), or undefined when nothing of it can be used; `problems` says what was wrong.
 */
export interface StoredRead<T> {
  value: T | undefined;
  problems: StoredProblem[];
}
