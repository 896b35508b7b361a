/**
 * English UI text: the reference dictionary. Every other language must have exactly these keys
 * (the type checker enforces it), so no text can be left untranslated. The dialogs' texts are in
 * dialogs-en.ts.
 */
import type { Shape } from './translator.ts';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The English dictionary; its shape is the `Dict` type every language implements. */
export const en = {
  'app.title': 'Ops workbook',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.undo': 'Undo',

  'header.rename': 'Rename the workbook',
  'header.undo': 'Undo your last change (Ctrl+Z)',
  'header.redo': 'Redo (Ctrl+Y)',
  'header.addRow': 'Row',
  'header.addRowTitle': 'Add a row at the end',
  'header.addColumn': 'Column',
  'header.addColumnTitle': 'Add a column',
  'header.find': 'Find',
  'header.findTitle': 'Find in this sheet (Ctrl+F)',
  'header.help': 'Functions',
  'header.helpTitle': 'Every function with its signature and an example',
  'header.import': 'Import',
  'header.importTitle': 'Add rows from a CSV file (or drop the file on the grid)',
  'header.export': 'Export',
  'header.exportTitle': 'Download this sheet or the whole workbook as CSV',
  'header.language': 'Language',
  'header.charts': 'Charts',
  'header.chartsTitle': 'Charts of this sheet: add, edit, pin to the dashboard, save as PNG',
  'header.calendar': 'Calendar',
  'header.calendarTitle': 'Show the campaigns on a calendar (click again for the grid)',
  'header.viewOnly': 'View only',
  'header.viewOnlyTitle': 'You opened this workbook with a viewer link: you can look, filter and sort, but not change anything. Ask an editor of the workbook for an editor link.',

  'header.settings': 'Settings',
  'header.settingsTitle': 'Workbook settings: the currency of amounts',
  'currency.CNY': '¥ Yuan',
  'currency.USD': '$ US dollar',
  'currency.EUR': '€ Euro',

  'tabs.add': 'Add a sheet',
  'tabs.dashboard': 'Dashboard',
  'tabs.dashboardTitle': 'The team’s metrics and pinned charts on one page',
  'tabs.rename': 'Rename',
  'tabs.menu': (name: string) => `Sheet “${name}”: rename, move or delete`,
  'tabs.nameTaken': (name: string) => `There is already a sheet named “${name}”; choose another name.`,
  'tabs.nameEmpty': 'A sheet needs a name.',

  'type.text': 'Text',
  'type.number': 'Number',
  'type.integer': 'Whole number',
  'type.currency': 'Currency',
  'type.percent': 'Percent',
  'type.date': 'Date',
  'type.boolean': 'Checkbox',
  'type.choice': 'Choice',
  'type.reference': 'Reference',
  'type.formula': 'Formula',

  'col.menu': (name: string) => `Column “${name}”: sort, filter, change`,
  'col.nameTaken': (name: string) => `This sheet already has a column named “${name}”; choose another name.`,
  'col.nameEmpty': 'A column needs a name.',
  'col.formulaTitle': (name: string) => `“${name}” is computed for every row by: `,

  'row.dragHint': 'Drag to move. Clear the sort and filters first to move rows.',
  'row.hiddenByFilter': 'That row is hidden by your filter; clear the filter to see it.',
  'row.deleted': (n: number) => `${plural(n, 'row', 'rows')} deleted.`,

  'status.rows': (shown: number, total: number) =>
    shown === total ? plural(total, 'row', 'rows') : `${shown.toLocaleString('en')} of ${plural(total, 'row', 'rows')}`,
  'status.columns': (n: number) => plural(n, 'column', 'columns'),
  'status.sum': 'Sum',
  'status.average': 'Average',
  'status.count': 'Count',
  'status.sorted': 'Sorted',
  'status.filtered': (n: number) => `Filtered by ${plural(n, 'column', 'columns')}`,
  'status.clear': 'Clear sort and filters',
  'status.viewNote': 'Sort and filters are yours only; others keep their own view.',

  'fbar.label': 'Cell value or formula',
  'fbar.none': 'Select a cell to see its value.',
  'fbar.columnFormula': (name: string) => `Formula of the column “${name}”, computed for every row`,
  'fbar.commitHint': 'Enter saves, Escape cancels',

  'edit.formulaColumn': (name: string) => `“${name}” is computed by its formula; change the formula instead (column menu → Set formula).`,

  'empty.title': 'This sheet has no rows yet.',
  'empty.hint': 'Add a row, or paste cells copied from a spreadsheet.',

  'import.dropHere': 'Drop the CSV file to import it',

  'fbar.notAvailable': 'Formulas can be saved once the formula engine is installed.',
  'cell.notComputed': 'Not computed yet: formulas are computed once the formula engine is installed.',
  'undo.nothing': 'Nothing of yours to undo.',
  'open.loading': 'Opening the workbook…',
  'redo.nothing': 'Nothing to redo.',

  'tabs.viewBadge': 'view',
  'fbar.view': 'ƒ View',
  'fbar.viewHint': 'This view’s formula: its rows are what it gives',
  'cell.arrayOpen': 'Show every value',
  'cell.refDeleted': 'deleted row',
  'cell.refPick': 'Pick another row',
} as const;

/** Keys of the main dictionary. */
export type CoreKey = keyof typeof en;

/** The main dictionary: the same keys as English, each a string or a function of the same arguments. */
export type Dict = Shape<typeof en>;
