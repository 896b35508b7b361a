/**
 * Undoing a vandal (src/app): restoring a workbook to a past moment, and reverting one device's
 * changes since a moment, each with a preview of what it will change. The same steps for the app
 * (on the relay's history, fetched over HTTP, joined with this browser's own edits) and the CLI
 * (on the stored workbook, which keeps its deleted content), so both count and do the same thing.
 *
 * @example
 *   const history = KeptHistory.fromUpdate(bytes);
 *   const { moments } = readHistory(history);
 *   const preview = previewRestore(wb, history, moments[1].time);  // "3 cells, 2 rows back"
 *   restoreTo(wb, KeptHistory.fromUpdate(bytes), moments[1].time); // one undo step of wb
 */
import type { Workbook } from '../model/index.ts';
import type { KeptHistory } from '../model/kept-history.ts';
import { clientsOf, listHistory } from '../model/moments.ts';
import { previewMoment, restoreMoment } from '../model/restore-moment.ts';
import { applyRevert, type RevertDone } from '../model/revert-apply.ts';
import { planRevert } from '../model/revert-plan.ts';
import type { Device, Moment, RevertPlan, RevertSkip } from '../schema/moment-types.ts';
import type { Labels } from '../schema/types.ts';
import { diffOfChange, type ContentDiff } from './content-diff.ts';

export { KeptHistory, HistoryError } from '../model/kept-history.ts';
export type { RevertDone };

/** The moments (newest first) and devices (most recently active first) of a history. */
export const readHistory = (history: KeptHistory): { moments: Moment[]; devices: Device[] } => listHistory(history);

/** What restoring a moment will change. */
export interface RestorePreview {
  time: number;
  diff: ContentDiff;
  /** Values the workbook showed then that the history no longer holds: they stay as they are. */
  lost: number;
}

/**
 * What restoring `time` would change on `live` (joined with `history` first); nothing is written
 * to `live`, and the history is spent (fetch or load it again to restore).
 */
export const previewRestore = (live: Workbook, history: KeptHistory, time: number): RestorePreview => {
  const { change, lost } = previewMoment(live, history, time);
  return { time, diff: diffOfChange(change), lost };
};

/** Restores `live` to `time` as one undo step of its own; false when nothing changed. */
export const restoreTo = (live: Workbook, history: KeptHistory, time: number): boolean => restoreMoment(live, history, time);

/** The client ids of the devices `wanted` names (keys, names or client ids); unknown names are listed. */
export const devicesNamed = (history: KeptHistory, wanted: readonly string[]): { clients: Set<number>; unknown: string[] } =>
  clientsOf(listHistory(history).devices, wanted);

/** What reverting `clients`' changes since `since` would do on `live` (joined first); nothing is written. */
export const previewRevert = (live: Workbook, history: KeptHistory, clients: ReadonlySet<number>, since: number): RevertPlan => {
  history.join(live);
  return planRevert(history, clients, since);
};

/** Reverts `clients`' changes since `since` on `live`, as one undo step of its own. */
export const revertDevice = (live: Workbook, history: KeptHistory, clients: ReadonlySet<number>, since: number): { plan: RevertPlan; done: RevertDone } => {
  const plan = previewRevert(live, history, clients, since);
  return { plan, done: applyRevert(live, plan) };
};

/** A skipped part of a revert, as a person finds it: sheet name, row number (null when gone) and column name. */
export interface SkipPlace {
  sheet: string;
  row: number | null;
  column: string | null;
  why: RevertSkip['why'];
}

/** Where each skipped part of a revert is in `live` now (names in `label`'s words). */
export const skipPlaces = (live: Workbook, plan: RevertPlan, label: (item: { name: string; labels?: Labels }) => string = (i) => i.name): SkipPlace[] =>
  plan.skipped.map((s) => {
    const sheet = live.sheet(s.sheetId);
    const at = sheet ? live.rowIndex(s.sheetId, s.rowId) : -1;
    const col = sheet && s.colId ? live.column(s.sheetId, s.colId) : undefined;
    return { sheet: sheet ? label(sheet) : s.sheetId, row: at >= 0 ? at + 1 : null, column: col ? label(col) : (s.colId ?? null), why: s.why };
  });
