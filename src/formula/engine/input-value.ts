/** A stored cell value as formulas read it: dates become serials, a value that does not fit its column an error. */
import type { CellScalar, Column } from '../../schema/types.ts';
import { serialFromIso } from '../dates.ts';
import { badValue } from '../errors.ts';
import type { Scalar } from '../values.ts';

/** Converts a stored (non-formula) value of a column. */
export const inputValue = (v: CellScalar, col: Column): Scalar => {
  if (v === null) return null;
  switch (col.type) {
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent': {
      if (typeof v === 'number') return v;
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
      return Number.isFinite(n) ? n : badValue('input.notNumber', JSON.stringify(v), col.name);
    }
    case 'date': {
      const s = typeof v === 'string' ? serialFromIso(v) : undefined;
      return s ?? badValue('input.notDate', JSON.stringify(v), col.name);
    }
    case 'boolean':
      return typeof v === 'boolean' ? v : badValue('input.notBoolean', JSON.stringify(v), col.name);
    default:
      return typeof v === 'string' ? v : String(v);
  }
};
