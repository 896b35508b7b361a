/** Typed records of a cell's history and of the person a replica stamps its edits with. */
import type { CellValue } from './types.ts';

/** Who is editing on this replica; every logged edit carries it. */
export interface WorkbookUser {
  /** Stable per person and browser (not secret: it only groups a person's edits). */
  id: string;
  /** The name teammates see. */
  name: string;
}

/** The user of a replica nobody has named (tests, the CLI). */
export const ANONYMOUS: WorkbookUser = { id: 'anonymous', name: '' };

/** What kind of write made a history entry. */
export type HistoryKind =
  /** One person set this cell (typed, pasted a few cells, cleared it). */
  | 'edit'
  /** The cell's value came with its row (added, imported or duplicated). */
  | 'rows'
  /** A large paste or clear, logged as one entry for all its cells. */
  | 'cells'
  /** The column's type changed and the value was converted. */
  | 'retype';

/** One entry of a cell's history, newest first in `Workbook.cellHistory`. */
export interface CellHistoryEntry {
  id: string;
  kind: HistoryKind;
  /** The value written. For a bulk write, the value the cell got from it (known while it is still the cell's value). */
  value: CellValue;
  userId: string;
  /** The name the writer chose (written by them: shown beside who the relay says wrote it). */
  userName: string;
  /**
   * The Yjs client id that wrote the entry, when the entry sits in the log where its id says (the
   * relay knows which device owns that id); absent when it claims a place another client wrote.
   */
  clientId?: number;
  /** Milliseconds since 1970, by the clock of the person's device. */
  time: number;
  /** For a bulk write: how many cells or rows it wrote. */
  count?: number;
  /** This is what the cell holds now. */
  current: boolean;
  /** This value was written at the same time as another one to the same cell, and the other one was kept. */
  lost: boolean;
  /** Who looked at this lost value (the cell's mark is gone then). */
  seenBy?: { userName: string; time: number };
}

/** A cell that lost a concurrent edit nobody has looked at yet. */
export interface CellConflict {
  rowId: string;
  colId: string;
  /** The values that were not kept, newest first. */
  lost: CellHistoryEntry[];
}
