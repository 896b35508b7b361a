/**
 * English texts of the rules a person puts on a column (conditional formatting and alerts). They
 * load with the column menu and the rules dialog; every other language has exactly these keys.
 */
import type { Shape } from './translator.ts';

/** The English dictionary of rules; its shape is the `RulesDict` type every language implements. */
export const rulesEn = {
  'rules.menu': 'Rules…',
  'rules.title': (column: string) => `Rules of “${column}”`,
  'rules.about': 'A rule colours the cells of this column that match it, and says its message when you hover over them. Everyone in the workbook sees it.',
  'rules.none': 'No rules on this column yet.',
  'rules.readOnly': 'View only: rules cannot be changed.',
  'rules.template': 'Template alert',
  'rules.edit': 'Edit',
  'rules.remove': 'Remove',
  'rules.removed': 'Rule removed.',
  'rules.newTitle': 'New rule',
  'rules.editTitle': 'Change the rule',
  'rules.add': 'Add rule',
  'rules.save': 'Save rule',
  'rules.cancelEdit': 'Cancel change',
  'rules.when': 'When the cell',
  'rules.op.<': 'is less than',
  'rules.op.<=': 'is at most',
  'rules.op.>': 'is greater than',
  'rules.op.>=': 'is at least',
  'rules.op.=': 'is',
  'rules.op.<>': 'is not',
  'rules.op.between': 'is between',
  'rules.op.blank': 'is empty',
  'rules.op.notBlank': 'is not empty',
  'rules.op.formula': 'makes this formula TRUE',
  'rules.between': (low: string, high: string) => `is between ${low} and ${high}`,
  'rules.value': 'Value',
  'rules.low': 'From',
  'rules.high': 'To',
  'rules.formula': 'Formula giving TRUE or FALSE',
  'rules.formulaHint': '=[Stock] < [Reorder point]',
  'rules.color': 'Colour',
  'rules.color.red': 'Red',
  'rules.color.amber': 'Amber',
  'rules.color.green': 'Green',
  'rules.color.blue': 'Blue',
  'rules.color.purple': 'Purple',
  'rules.message': 'Message (shown on hover)',
  'rules.messageHint': 'Low stock: reorder',
  'rules.needValue': 'Type a value to compare with.',
};

/** The shape of the rules' dictionary. */
export type RulesDict = Shape<typeof rulesEn>;
