/** Short messages at the bottom of the screen: what just happened, what went wrong, with an optional action. */
import { createSignal, type Accessor } from 'solid-js';
import type { Corner } from '../app/overlay-place.ts';

/** One toast. */
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
  /** Lines listed under the message (bad cells of a paste …). */
  details?: string[];
  action?: { label: string; run: () => void };
  /** Where the stack goes while this is the newest toast (away from cells it talks about); bottom right by default. */
  corner?: Corner;
}

/** The toast list and how to add to it. */
export interface Toasts {
  list: Accessor<readonly Toast[]>;
  show: (toast: Omit<Toast, 'id'>, ms?: number) => number;
  dismiss: (id: number) => void;
}

/** Creates the toast store; errors stay longer than news. */
export const createToasts = (): Toasts => {
  const [list, setList] = createSignal<readonly Toast[]>([]);
  let next = 1;
  const dismiss = (id: number) => setList((l) => l.filter((t) => t.id !== id));
  const show = (toast: Omit<Toast, 'id'>, ms = toast.kind === 'error' || toast.details ? 12_000 : 5_000): number => {
    const id = next++;
    // The same words again (one per keystroke typed into a formula column) replace the toast on
    // screen instead of stacking copies; at most three stay, the oldest goes first.
    const same = (t: Toast) => !t.action && !t.details && !toast.action && !toast.details && t.kind === toast.kind && t.message === toast.message;
    setList((l) => [...l.filter((t) => !same(t)).slice(-2), { ...toast, id }]);
    setTimeout(() => dismiss(id), ms);
    return id;
  };
  return { list, show, dismiss };
};
