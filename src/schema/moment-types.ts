/** Typed records of a workbook's kept history: moments to restore, devices and what reverting one does. */
import type { CellValue } from './types.ts';

/** What a set of changes did. */
export interface ChangeCounts {
  /** Cells written (each cell once). */
  cells: number;
  rowsAdded: number;
  rowsDeleted: number;
  /** Transactions: every edit, move, rename … (0 for changes written before the timeline existed). */
  changes: number;
}

/**
 * A device: the Yjs client ids (a browser tab each visit, a CLI run) whose changes are one
 * person's, as the history tells them apart (see deviceOf in src/model/moments.ts).
 */
export interface Device {
  /** Stable within one history: what `revert --device` and the app name it by, with its name. */
  key: string;
  /** The name its changes carry ('' when none: a program, the relay, the command line without a name). */
  name: string;
  clients: number[];
  /** First and last time it changed anything; null when nothing dates its changes (not the app). */
  first: number | null;
  last: number | null;
  counts: ChangeCounts;
}

/** A moment: the end of one device's burst of changes. Restoring it gives the workbook as it was then. */
export interface Moment {
  /** Milliseconds since 1970 (the writer's clock): the state at this time includes the burst. */
  time: number;
  /** When the burst began: reverting the device "since" this undoes the burst. */
  start: number;
  /** The device's key and name. */
  device: string;
  name: string;
  /** Kinds of special changes in the burst: 'restore', 'revert', 'undo'. */
  kinds: string[];
  counts: ChangeCounts;
}

/** One cell a revert writes back. */
export interface CellRevert {
  sheetId: string;
  rowId: string;
  colId: string;
  value: CellValue;
}

/** A row a revert brings back with its id, its values as added and the cells edited since. */
export interface RowRevival {
  sheetId: string;
  rowId: string;
  /** The row's stored record (layout id, then values), as it was. */
  record: CellValue[];
  /** Its order key then (null: unknown, it goes last). */
  order: string | null;
  cells: { colId: string; value: CellValue }[];
}

/** Something a revert leaves alone, and why. */
export interface RevertSkip {
  sheetId: string;
  rowId: string;
  /** Set for a cell; absent for a row. */
  colId?: string;
  /** 'changed': someone else changed it since; 'lost': its earlier value is no longer kept. */
  why: 'changed' | 'lost';
}

/** What reverting a device's changes since a moment will do, computed on the kept history. */
export interface RevertPlan {
  clients: number[];
  since: number;
  cells: CellRevert[];
  /** Rows it deleted, brought back. */
  revive: RowRevival[];
  /** Rows it added, deleted. */
  remove: { sheetId: string; rowId: string }[];
  /** Rows it moved, moved back. */
  moves: { sheetId: string; rowId: string; order: string }[];
  skipped: RevertSkip[];
}
