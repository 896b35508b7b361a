/** The type rules of the operators (DESIGN.md): currency ± currency → currency, date − date → days … */
import type { BinaryOp } from './ast.ts';
import { msg, type FormulaMessage } from './messages.ts';
import type { ValueType } from './types.ts';

const PLAIN = new Set<ValueType>(['number', 'integer', 'boolean', 'percent']);
const WHOLE = new Set<ValueType>(['integer', 'boolean']);

const plainResult = (a: ValueType, b: ValueType): ValueType =>
  WHOLE.has(a) && WHOLE.has(b) ? 'integer' : a === 'percent' && b === 'percent' ? 'percent' : 'number';

/** Result type of an arithmetic operator, or the message refusing it. */
export const arithmeticType = (op: BinaryOp, a: ValueType, b: ValueType): ValueType | FormulaMessage => {
  if (a === 'error' || b === 'error') return a === 'error' ? (b === 'error' ? 'error' : b) : a;
  const cur = (t: ValueType) => t === 'currency';
  const days = (t: ValueType) => t === 'integer' || t === 'number';
  switch (op) {
    case '+':
      if (a === 'date' && days(b)) return 'date';
      if (b === 'date' && days(a)) return 'date';
      if (a === 'date' && b === 'date') return msg('type.addDates');
      if ((cur(a) || PLAIN.has(a)) && (cur(b) || PLAIN.has(b))) return cur(a) || cur(b) ? 'currency' : plainResult(a, b);
      return msg('type.add', a, b);
    case '-':
      if (a === 'date' && b === 'date') return 'integer';
      if (a === 'date' && days(b)) return 'date';
      if ((cur(a) || PLAIN.has(a)) && (cur(b) || PLAIN.has(b))) return cur(a) || cur(b) ? 'currency' : plainResult(a, b);
      return msg('type.subtract', a, b);
    case '*':
      if (cur(a) && cur(b)) return msg('type.multiplyCurrency');
      if ((cur(a) && PLAIN.has(b)) || (cur(b) && PLAIN.has(a))) return 'currency';
      if (PLAIN.has(a) && PLAIN.has(b)) return plainResult(a, b);
      return msg('type.multiply', a, b);
    case '/':
      if (cur(a) && cur(b)) return 'number';
      if (cur(a) && PLAIN.has(b)) return 'currency';
      if (PLAIN.has(a) && (PLAIN.has(b) || cur(b))) return 'number';
      return msg('type.divide', a, b);
    case '^':
      if (PLAIN.has(a) && PLAIN.has(b)) return 'number';
      return msg('type.power', a, b);
    default:
      return 'text';
  }
};

/** Whether two types can be compared (=, <, …): numbers with numbers, dates with dates, text with text. */
export const comparable = (a: ValueType, b: ValueType): boolean => {
  if (a === 'error' || b === 'error' || a === b) return true;
  const num = (t: ValueType) => PLAIN.has(t) || t === 'currency';
  return num(a) && num(b);
};
