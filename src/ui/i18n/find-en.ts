/**
 * English texts of the find and replace bar. They load with the bar (see find-texts.ts), not with
 * the first paint; every other language must have exactly these keys (the type checker enforces it).
 */
import type { Shape } from './translator.ts';

const n = (x: number): string => x.toLocaleString('en');
const plural = (x: number, one: string, many: string): string => `${n(x)} ${x === 1 ? one : many}`;

/** The English dictionary of the find bar; its shape is the `FindDict` type every language implements. */
export const findEn = {
  'find.placeholder': 'Find',
  'find.count': (i: number, total: number, kept: number) =>
    total === 0 ? 'No matches' : `${n(i)} of ${n(total)}${kept < total ? ` (the first ${n(kept)} can be visited)` : ''}`,
  'find.hidden': (hidden: number) => ` (+${n(hidden)} in rows a filter hides)`,
  'find.soFar': ' so far…',
  'find.reading': (percent: number) => `Reading the workbook… ${percent} %`,
  'find.sheetHidden': (hidden: number) => `+${n(hidden)} hidden`,
  'find.hiddenTitle': 'Matches in rows your filter hides are counted, not visited or replaced',
  'find.next': 'Next match (Enter)',
  'find.previous': 'Previous match (Shift+Enter)',
  'find.close': 'Close (Escape)',
  'find.scope': 'Where to look',
  'find.scopeSheet': 'This sheet',
  'find.scopeWorkbook': 'Whole workbook',
  'find.matchCase': 'Match case',
  'find.wholeCell': 'Whole cell',
  'find.showReplace': 'Replace…',
  'find.replaceWith': 'Replace with',
  'find.replace': 'Replace',
  'find.replaceAll': 'Replace all',
  'find.sheets': 'Matches by sheet',
  'find.sheetCount': (sheet: string, count: number) => `${sheet}: ${plural(count, 'match', 'matches')}`,
  'find.replaced': (count: number, sheets: number) =>
    count === 0 ? 'Nothing was replaced.' : `Replaced ${n(count)} in ${plural(sheets, 'sheet', 'sheets')}`,
  'find.computed': (count: number) =>
    `${plural(count, 'match is', 'matches are')} computed (a formula’s result or a view sheet) and left as ${count === 1 ? 'it is' : 'they are'}.`,
  'find.refused': (count: number) => `${plural(count, 'cell', 'cells')} not replaced: the new text does not fit the column.`,
  'find.example': (where: string, text: string, why: string) => `${where}: “${text}” — ${why}`,
  'find.where': (sheet: string, column: string, row: number) => `${sheet} · ${column}, row ${n(row)}`,
  'find.readOnly': 'View only: nothing can be replaced.',
  'find.notHere': 'That cell is computed (a formula’s result or a view sheet): it cannot be replaced.',
} as const;

/** What every language of the find bar provides. */
export type FindDict = Shape<typeof findEn>;
