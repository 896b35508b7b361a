/**
 * English texts of the "needs repair" notice: which stored entries are damaged, what was wrong
 * with each, and the repairs. They load with the notice; every other language must have exactly
 * these keys (the type checker enforces it).
 */
import type { DamageKind, Expected, ValueKind } from '../../schema/stored/index.ts';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const KINDS: Record<ValueKind, string> = {
  text: 'text',
  number: 'a number',
  boolean: 'true or false',
  empty: 'nothing',
  list: 'a list',
  record: 'a record',
  shared: 'a shared structure',
  binary: 'binary data',
  other: 'an unreadable value',
};

const EXPECTED: Record<Expected, string> = {
  text: 'text',
  number: 'a number',
  wholeNumber: 'a whole number',
  boolean: 'true or false',
  list: 'a list',
  record: 'a record',
  cellValue: 'a cell value',
  date: 'a date (YYYY-MM-DD)',
  formula: 'a formula starting with “=”',
  orderKey: 'a position',
  id: 'an id',
};

const WHAT: Record<DamageKind, string> = {
  settings: 'Workbook settings',
  sheet: 'Sheet',
  column: 'Column',
  row: 'Row',
  cell: 'Cell',
  rule: 'Alert rule',
  chart: 'Chart',
  tile: 'Dashboard tile',
  history: 'Cell history entry',
};

/** The English dictionary of the notice; its shape is the `RepairDict` type every language implements. */
export const repairEn = {
  'notice.count': (n: number) => `${plural(n, 'entry', 'entries')} of this workbook ${n === 1 ? 'is' : 'are'} damaged and need${n === 1 ? 's' : ''} repair.`,
  'notice.hint': 'Someone’s device or script wrote values this app cannot use. The rest of the workbook works as usual.',
  'notice.show': 'Show',
  'notice.hide': 'Hide',
  'notice.title': 'Needs repair',
  'notice.more': (n: number) => `… and ${plural(n, 'more entry', 'more entries')}; “Repair all” repairs them too.`,
  'notice.readOnly': 'Ask an editor of this workbook to repair them.',
  'notice.all': 'Repair all',
  'notice.allTitle': 'Reset or remove every damaged entry, as one change everyone receives (undo takes it back)',
  'notice.server': 'Repair from the server',
  'notice.serverTitle': 'Replace this device’s copy with the relay’s, then reload (edits not yet on the server are dropped)',
  'notice.done': (n: number) => `Repaired ${plural(n, 'entry', 'entries')}.`,
  'notice.failed': (why: string) => `The repair did not go through: ${why}`,
  'repair.reset': 'Reset',
  'repair.resetTitle': 'Write the default in place of what is wrong',
  'repair.remove': 'Remove',
  'repair.removeTitle': 'Delete this entry',
  'entry.what': (kind: DamageKind) => WHAT[kind],
  'entry.sheet': (name: string) => `sheet “${name}”`,
  'entry.column': (name: string) => `column “${name}”`,
  'entry.row': (n: number) => `row ${n.toLocaleString('en')}`,
  'entry.named': (name: string) => `“${name}”`,
  'entry.hidden': 'hidden until repaired',
  'problem.type': (field: string, expected: Expected, got: ValueKind) => `${field} holds ${KINDS[got]} where ${EXPECTED[expected]} belongs`,
  'problem.unknown': (field: string, value: string, allowed: string) => `${field} is “${value}”, which this app does not know (it knows ${allowed})`,
  'problem.tooLong': (field: string, length: number, max: number) => `${field} is ${length.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')} are kept`,
  'problem.range': (field: string, value: number, min: number, max: number) => `${field} is ${value}, outside ${min} … ${max}`,
  'problem.format': (field: string, value: string, expected: Expected) => `${field} is “${value}”, which is not ${EXPECTED[expected]}`,
  'problem.missing': (field: string) => `${field} is missing`,
  'problem.badKey': (field: string, key: string) => `${field} “${key}” is not an id`,
  'boundary.title': 'This part of the workbook cannot be shown.',
  'boundary.body': 'The rest of the app works, and your edits are saved on this device. Reload the page; if this part still fails, replace this device’s copy with the server’s (edits not yet on the server are dropped).',
  'boundary.pageTitle': 'The workbook cannot be shown.',
  'boundary.retry': 'Try again',
  'boundary.reload': 'Reload',
  'boundary.repair': 'Repair from the server',
  'boundary.repairTitle': 'Replace this device’s copy of the workbook with the relay’s, then reload',
  'boundary.repairing': 'Repairing…',
  'boundary.unreachable': 'The relay cannot be reached; repair again when you are online.',
  'boundary.denied': (why: string) => `The relay refused the repair${why ? `: ${why}` : '.'}`,
  'boundary.back': 'All workbooks',
  'schema.newer': 'This workbook was upgraded by a newer version of the app. Reload to get the new version; until then it is open for viewing only.',
  'schema.reload': 'Reload',
};

/** The notice's dictionary type: the same keys as English. */
export type RepairDict = { readonly [K in keyof typeof repairEn]: (typeof repairEn)[K] };

/** Keys of the notice's texts. */
export type RepairKey = keyof RepairDict;
