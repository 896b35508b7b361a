/** Per-user column filters: the conditions, which ones fit a type, and whether a value passes. Pure. */
import type { ColumnType } from '../schema/types.ts';
import { type ComputedValue, isErrorValue } from '../schema/computed-value.ts';

/** A filter condition. */
export type FilterOp =
  | 'contains'
  | 'notContains'
  | 'equals'
  | 'notEquals'
  | 'greater'
  | 'less'
  | 'empty'
  | 'notEmpty'
  | 'checked'
  | 'unchecked'
  | 'anyOf';

/** The filter on one column: a condition and its operand (typed for numbers and dates). */
export interface ColumnFilter {
  op: FilterOp;
  value?: string | number;
  /** anyOf: the accepted choices. */
  values?: string[];
}

/** Column id → its filter. */
export type FilterModel = Record<string, ColumnFilter>;

const NUMERIC = new Set<ColumnType>(['number', 'integer', 'currency', 'percent']);

/** The conditions that make sense for a column type, in menu order. */
export const opsFor = (type: ColumnType): FilterOp[] => {
  if (type === 'boolean') return ['checked', 'unchecked'];
  if (type === 'choice') return ['anyOf', 'empty', 'notEmpty'];
  if (NUMERIC.has(type) || type === 'date') return ['equals', 'notEquals', 'greater', 'less', 'empty', 'notEmpty'];
  return ['contains', 'notContains', 'equals', 'notEquals', 'empty', 'notEmpty'];
};

/** True when the condition needs an operand typed in. */
export const needsValue = (op: FilterOp): boolean => !['empty', 'notEmpty', 'checked', 'unchecked', 'anyOf'].includes(op);

const isEmpty = (v: ComputedValue): boolean => v === null || v === '';

const compare = (v: ComputedValue, operand: string | number): number | undefined => {
  if (typeof v === 'number' && typeof operand === 'number') return v - operand;
  if (typeof v === 'string' && typeof operand === 'string') return v.localeCompare(operand);
  return undefined;
};

/**
 * Whether a value passes a filter. `text` is what the cell shows (text conditions match it, so a
 * person filters by what they read); error values pass only "is not empty".
 */
export const passesFilter = (v: ComputedValue, text: string, f: ColumnFilter): boolean => {
  if (isErrorValue(v)) return f.op === 'notEmpty';
  switch (f.op) {
    case 'empty':
      return isEmpty(v);
    case 'notEmpty':
      return !isEmpty(v);
    case 'checked':
      return v === true;
    case 'unchecked':
      return v !== true;
    case 'anyOf':
      return typeof v === 'string' && (f.values ?? []).includes(v);
    case 'contains':
    case 'notContains': {
      const hit = text.toLowerCase().includes(String(f.value ?? '').toLowerCase());
      return f.op === 'contains' ? hit : !hit;
    }
    case 'equals':
    case 'notEquals': {
      const operand = f.value ?? '';
      const same =
        typeof operand === 'number' ? v === operand : String(v ?? '').toLowerCase() === operand.toLowerCase();
      return f.op === 'equals' ? same : !same;
    }
    case 'greater':
    case 'less': {
      if (isEmpty(v) || f.value === undefined) return false;
      const c = compare(v, f.value);
      return c !== undefined && (f.op === 'greater' ? c > 0 : c < 0);
    }
  }
};
