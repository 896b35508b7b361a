/** The dictionary key of each filter operator's name, shared by the column filter and chart filters. */
import type { FilterOp } from '../../app/row-filter.ts';
import type { DialogKey } from './dialogs-en.ts';

export const FILTER_OP_KEYS: Record<FilterOp, DialogKey> = {
  contains: 'filter.contains',
  notContains: 'filter.notContains',
  equals: 'filter.equals',
  notEquals: 'filter.notEquals',
  greater: 'filter.greater',
  less: 'filter.less',
  empty: 'filter.empty',
  notEmpty: 'filter.notEmpty',
  checked: 'filter.checked',
  unchecked: 'filter.unchecked',
  anyOf: 'filter.anyOf',
};
