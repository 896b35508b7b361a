/**
 * English texts of sync, sharing, presence, cell history and the workbook list. They load with
 * those parts (after the first paint), so they live apart from the main dictionary; every other
 * language must have exactly these keys (the type checker enforces it).
 */
import type { Shape } from './translator.ts';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The English dictionary of the sync UI; its shape is the `SyncDict` type every language implements. */
export const syncEn = {
  'conn.local': 'On this device only',
  'conn.localTitle': 'This workbook is kept in this browser and shared with nobody.',
  'conn.connecting': 'Connecting…',
  'conn.connectingTitle': 'Connecting to the relay. You can keep working: your edits are saved on this device.',
  'conn.online': 'Online',
  'conn.onlineTitle': 'Connected: teammates see your edits as you make them.',
  'conn.reconnecting': 'Reconnecting…',
  'conn.reconnectingTitle': 'The connection to the relay was lost; trying again. Keep working: your edits are saved on this device and sent when it is back.',
  'conn.offline': 'Offline',
  'conn.offlineTitle': 'No network. Keep working: your edits are saved on this device and merged when you are back online.',
  'conn.denied': 'Access denied',
  'conn.deniedTitle': (why: string) => `The relay refused this link${why ? ` (${why})` : ''}. Ask the workbook’s owner for a new link; your copy on this device stays readable.`,

  'saved.saved': 'Saved on this device',
  'saved.saving': 'Saving…',
  'saved.failed': 'Not saved on this device',
  'saved.failedTitle': 'This browser’s storage refused the change (it may be full). Free some space or keep this page open until you are online.',
  'pending.count': (n: number) => `${plural(n, 'edit', 'edits')} not on the server yet`,
  'pending.none': 'All edits on the server',
  'persist.refused': 'Storage not kept',
  'persist.refusedTitle': 'This browser did not agree to keep this site’s storage: when its disk runs short it may clear it, edits not yet on the server included. Stay online so that they reach the relay, install the app, or download a backup from the workbook list.',

  'presence.label': 'Who is here',
  'presence.where': (name: string, where: string) => `${name}: ${where}`,
  'presence.cell': (sheet: string, column: string, row: number) => `${sheet}, ${column} ${row}`,
  'presence.elsewhere': 'elsewhere in the workbook',
  'presence.you': (name: string) => `You (${name}) — change your name or colour`,

  'me.title': 'Your name for your teammates',
  'me.hint': 'They see it next to the cell you are on and in the history of each cell you change. It is kept in this browser.',
  'me.name': 'Name',
  'me.color': 'Colour',
  'me.colorNamed': (n: number) => `Colour ${n}`,
  'me.save': 'Save',
  'me.later': 'Later',
  'me.nameEmpty': 'Type the name your teammates know you by.',
  'me.guest': 'Guest',

  'share.button': 'Share',
  'share.buttonTitle': 'Make a link that opens this workbook, for editing or for viewing only',
  'share.title': 'Share this workbook',
  'share.role': 'People with the link can',
  'share.editor': 'edit',
  'share.viewer': 'only view',
  'share.create': 'Create link',
  'share.creating': 'Creating…',
  'share.link': 'Link',
  'share.copy': 'Copy',
  'share.copied': 'Copied',
  'share.note': 'Anyone who has the link can open the workbook this way until it is revoked on the relay. Send it only to your team.',
  'share.localOnly': 'This workbook is only in this browser, so there is nothing to link to. To share it, download a backup from the workbook list and ask your relay’s admin to restore it there.',
  'share.viewerOnly': 'You can only view this workbook, so you cannot make links to it. Ask one of its editors.',

  'history.title': 'Cell history',
  'history.versions': 'Versions',
  'history.versionsTitle': 'Earlier versions of this workbook: restore one, or revert someone’s changes',
  'history.menu': 'Cell history…',
  'history.conflictTip': 'Two people changed this cell at the same time; the value not kept is in its history (right-click › Cell history).',
  'history.of': (column: string, row: number) => `${column}, row ${row}`,
  'history.pick': 'Select a cell to see who changed it to what, and when.',
  'history.none': 'No change of this cell is recorded yet.',
  'history.now': 'in the cell now',
  'history.lost': 'not kept: written at the same time as another value',
  'history.seenBy': (name: string) => `looked at by ${name}`,
  'history.rows': (n: number) => `came with its row (${plural(n, 'row', 'rows')} added at once)`,
  'history.cells': (n: number) => `part of a change of ${plural(n, 'cell', 'cells')} at once`,
  'history.retype': 'converted when the column’s type changed',
  'history.empty': '(empty)',
  'history.someone': 'Someone',
  'history.formula': (f: string) => `formula ${f}`,
  'history.conflicts': (n: number) => `${plural(n, 'cell', 'cells')} in this sheet lost a value written at the same time:`,

  'start.title': 'Workbooks',
  'start.subtitle': 'Every workbook you open is kept in this browser and opens without a network.',
  'start.empty': 'No workbook here yet. Create one, import a backup, or open a link a teammate sent you.',
  'start.new': 'New workbook',
  'start.newOps': 'From the ops template',
  'start.newOpsHint': 'Products, inventory, campaigns, competitors, A/B tests and KPIs, with their formulas',
  'start.newBlank': 'Blank',
  'start.newBlankHint': 'One empty sheet',
  'start.opsName': 'Shop plan',
  'start.blankName': 'Untitled workbook',
  'start.import': 'Import a backup…',
  'start.restoredSuffix': (day: string) => ` (restored ${day})`,
  'start.imported': (name: string) => `Imported “${name}”.`,
  'start.open': 'Open',
  'start.backup': 'Download backup',
  'start.noBackup': 'This workbook has no copy in this browser yet; open it once first.',
  'start.delete': 'Delete…',
  'start.deleteTitle': (name: string) => `Delete “${name}” from this browser?`,
  'start.deleteLocal': 'It exists only here: it is gone for good unless you downloaded a backup.',
  'start.deleteServer': 'Its copy in this browser and your link to it are removed; the workbook stays on the relay for your team.',
  'start.deleteConfirm': 'Delete',
  'start.deleted': (name: string) => `“${name}” was deleted from this browser.`,
  'start.access.local': 'on this device only',
  'start.access.editor': 'shared · you can edit',
  'start.access.viewer': 'shared · view only',
  'start.opened': (when: string) => `opened ${when}`,

  'problem.back': 'Back to the workbook list',
  'problem.deniedTitle': 'This link does not open the workbook',
  'problem.denied': (why: string) => `The relay refused it${why ? `: ${why}` : '.'} Ask the workbook’s owner for a new link.`,
  'problem.unreachableTitle': 'The workbook is not on this device yet',
  'problem.unreachable': 'Its first opening needs the relay, which cannot be reached now. Connect to the network (or start the relay) and open the link again.',
  'problem.unknownTitle': 'This workbook is not in this browser',
  'problem.unknown': 'Open it with the link your team shared (it holds the access token), or pick one from the workbook list.',
  'problem.damagedTitle': 'This device’s copy of the workbook cannot be read',
  'problem.damaged': (why: string) => `Its stored data is damaged${why ? ` (${why})` : ''}. Replace it with the relay’s copy (edits not yet on the server are dropped), or open another workbook.`,
  'problem.damagedLocal': (why: string) => `Its stored data is damaged${why ? ` (${why})` : ''}. It is kept only in this browser, so there is no other copy to repair it from; restore a backup from the workbook list.`,
} as const;

/** Keys of the sync dictionary. */
export type SyncKey = keyof typeof syncEn;

/** A sync dictionary: the same keys as English, each a string or a function of the same arguments. */
export type SyncDict = Shape<typeof syncEn>;
