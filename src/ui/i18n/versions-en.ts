/**
 * English texts of the Versions panel (restore a version, revert someone's changes) and its
 * confirmations. They load with the panel; every other language must have exactly these keys.
 */

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The English dictionary of the Versions panel; its shape is the `VersionsDict` type every language implements. */
export const versionsEn = {
  'versions.intro': 'Each entry is one person’s burst of changes. Restoring a version sets the whole workbook back to how it was right after it, as a new change everyone sees; you can undo it.',
  'versions.loading': 'Loading the history from the relay…',
  'versions.failed': (why: string) => `The history could not be loaded: ${why}`,
  'versions.retry': 'Try again',
  'versions.refresh': 'Refresh',
  'versions.localOnly': 'This workbook is only in this browser. Earlier versions are kept by the relay, for shared workbooks.',
  'versions.none': 'No dated change yet.',
  'versions.current': 'current',
  'versions.someone': 'Someone',
  'versions.more': (n: number) => `Show ${count(n, 'more', 'more')}`,
  'versions.cells': (n: number) => count(n, 'cell', 'cells'),
  'versions.rowsAdded': (n: number) => `${count(n, 'row', 'rows')} added`,
  'versions.rowsDeleted': (n: number) => `${count(n, 'row', 'rows')} deleted`,
  'versions.changes': (n: number) => count(n, 'change', 'changes'),
  'versions.kind.restore': 'restored a version',
  'versions.kind.revert': 'reverted changes',
  'versions.kind.undo': 'undid a change',
  'versions.restore': 'Restore this version',
  'versions.revert': (name: string, time: string) => `Revert ${name}’s changes since ${time}`,
  'versions.working': 'Working…',
  'versions.cancel': 'Cancel',

  'restore.title': (time: string) => `Restore the version of ${time}?`,
  'restore.will': 'The whole workbook goes back to how it was then:',
  'restore.cells': (n: number) => `${count(n, 'cell changes', 'cells change')} back`,
  'restore.rowsBack': (n: number) => `${count(n, 'row comes', 'rows come')} back`,
  'restore.rowsRemoved': (n: number) => `${count(n, 'row is', 'rows are')} removed`,
  'restore.rowsMoved': (n: number) => `${count(n, 'row moves', 'rows move')} back to its place`,
  'restore.sheetsBack': (n: number) => `${count(n, 'sheet comes', 'sheets come')} back`,
  'restore.sheetsRemoved': (n: number) => `${count(n, 'sheet is', 'sheets are')} removed`,
  'restore.other': (n: number) => `${count(n, 'other change', 'other changes')} (names, columns, charts, settings)`,
  'restore.nothing': 'Nothing changes: the workbook is already like that.',
  'restore.lost': (n: number) => `${count(n, 'value', 'values')} of then ${n === 1 ? 'is' : 'are'} no longer kept and stay${n === 1 ? 's' : ''} as now.`,
  'restore.confirm': 'Restore',
  'restore.done': (time: string) => `The workbook is back to ${time}.`,

  'revert.title': (name: string, time: string) => `Revert ${name}’s changes since ${time}?`,
  'revert.will': 'Each cell they changed gets its earlier value back, rows they added are deleted and rows they deleted come back:',
  'revert.cells': (n: number) => `${count(n, 'cell gets', 'cells get')} the earlier value`,
  'revert.revive': (n: number) => `${count(n, 'row comes', 'rows come')} back`,
  'revert.remove': (n: number) => `${count(n, 'row they added is', 'rows they added are')} deleted`,
  'revert.moves': (n: number) => `${count(n, 'row moves', 'rows move')} back`,
  'revert.nothing': 'Nothing to revert: their changes since then are already undone or changed by others.',
  'revert.skipped': (n: number) => `Left as ${n === 1 ? 'it is' : 'they are'} (${count(n, 'place', 'places')}):`,
  'revert.skipChanged': (where: string) => `${where}: someone else changed it since`,
  'revert.skipLost': (where: string) => `${where}: its earlier value is no longer kept`,
  'revert.where': (sheet: string, row: number | null, column: string | null) => `${sheet}${row === null ? '' : `, row ${row}`}${column === null ? '' : `, ${column}`}`,
  'revert.confirm': 'Revert',
  'revert.done': (name: string) => `${name}’s changes are reverted.`,

  'versions.everyone': 'Everyone working on this workbook sees the change. You can undo it.',
  'versions.undo': 'Undo',
} as const;

/** Keys of the Versions dictionary. */
export type VersionsKey = keyof typeof versionsEn;

/** A Versions dictionary: the same keys as English, each a string or a function of the same arguments. */
export type VersionsDict = { readonly [K in VersionsKey]: (typeof versionsEn)[K] extends string ? string : (typeof versionsEn)[K] };
