/** The "needs repair" list: stored entries that failed their checker, where they are, and how they can be set right. */
import type { StoredProblem } from './stored-problem.ts';

/** What kind of stored entry is damaged. */
export type DamageKind = 'settings' | 'sheet' | 'column' | 'row' | 'cell' | 'rule' | 'chart' | 'tile' | 'history';

/** How an editor can set a damaged entry right, each one click and one synced edit. */
export type RepairAction =
  /** Write the default in place of each part that is wrong (a cell is cleared, a name gets a plain one). */
  | 'reset'
  /** Delete the entry. */
  | 'remove';

/** One damaged entry of a workbook. */
export interface DamagedEntry {
  /** Unique and stable while the entry stays damaged: what a repair is asked for by. */
  key: string;
  kind: DamageKind;
  /** The entry's key in the document (shortened when shown: a peer may have written anything). */
  id: string;
  /** The sheet it belongs to, with its name as shown. */
  sheetId?: string;
  sheet?: string;
  /** The entry's name when it could be read (a column's, a chart's title …). */
  name?: string;
  /** The column of a damaged cell: its id, and its name as stored. */
  columnId?: string;
  column?: string;
  /** The 1-based row of a damaged row or cell. */
  row?: number;
  problems: StoredProblem[];
  /** Left out of the workbook until repaired; otherwise shown with a default in place of each wrong part. */
  hidden: boolean;
  /** The repairs that apply, the first being the one to offer first. */
  repairs: RepairAction[];
}
