/**
 * What can be wrong with a value read from a workbook document. Any editor (or a buggy old client)
 * can write anything into the shared document, so every stored record is read through a checker
 * of src/schema/stored/; a value that fails is described by one of these problems (as data, so
 * each UI language can word it, and `describeStoredProblem` words it in English).
 */

/** The kind of a value as a person would name it (what was found where something else belongs). */
export type ValueKind = 'text' | 'number' | 'boolean' | 'empty' | 'list' | 'record' | 'shared' | 'binary' | 'other';

/** What a field should have held. */
export type Expected =
  | 'text'
  | 'number'
  | 'wholeNumber'
  | 'boolean'
  | 'list'
  | 'record'
  | 'cellValue'
  | 'date'
  | 'formula'
  | 'orderKey'
  | 'id';

/** One thing wrong with a stored value; `field` names the part of the record (`name`, `options.precision` …). */
export type StoredProblem =
  /** The field holds a value of the wrong kind. */
  | { code: 'type'; field: string; expected: Expected; got: ValueKind }
  /** A word the app does not know (a column type, a currency, a chart kind …). */
  | { code: 'unknown'; field: string; value: string; allowed: readonly string[] }
  /** Text longer than the app takes. */
  | { code: 'tooLong'; field: string; length: number; max: number }
  /** A number outside what the app takes. */
  | { code: 'range'; field: string; value: number; min: number; max: number }
  /** Text in the wrong form (a date that is not YYYY-MM-DD, an order key the sorter cannot place …). */
  | { code: 'format'; field: string; expected: Expected; value: string }
  /** A part every such record has is not there. */
  | { code: 'missing'; field: string }
  /** A key that is not an id (`__proto__`, `constructor`, text with spaces …). */
  | { code: 'badKey'; field: string; key: string };

/** The kind of any value, Yjs types included (they are objects with their own prototype). */
export const kindOf = (v: unknown): ValueKind => {
  if (v === null || v === undefined) return 'empty';
  switch (typeof v) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      if (Array.isArray(v)) return 'list';
      if (v instanceof Uint8Array) return 'binary';
      return Object.getPrototypeOf(v) === Object.prototype ? 'record' : 'shared';
    default:
      return 'other';
  }
};

/** At most `max` characters of a stored text, for a message (a huge value must not make a huge sentence). */
export const shortText = (s: string, max = 40): string => (s.length > max ? `${s.slice(0, max)}…` : s);

const KIND_WORDS: Record<ValueKind, string> = {
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

const EXPECTED_WORDS: Record<Expected, string> = {
  text: 'text',
  number: 'a number',
  wholeNumber: 'a whole number',
  boolean: 'true or false',
  list: 'a list',
  record: 'a record',
  cellValue: 'a cell value',
  date: 'a date (YYYY-MM-DD)',
  formula: 'a formula starting with "="',
  orderKey: 'a position key',
  id: 'an id',
};

/** The problem as an English sentence (the CLI's and the English UI's words). */
export const describeStoredProblem = (p: StoredProblem): string => {
  switch (p.code) {
    case 'type':
      return `${p.field} holds ${KIND_WORDS[p.got]} where ${EXPECTED_WORDS[p.expected]} belongs`;
    case 'unknown':
      return `${p.field} is "${shortText(p.value)}", which this app does not know (${p.allowed.map((a) => `"${a}"`).join(', ')})`;
    case 'tooLong':
      return `${p.field} is ${p.length.toLocaleString('en')} characters long; at most ${p.max.toLocaleString('en')} are kept`;
    case 'range':
      return `${p.field} is ${p.value}, outside ${p.min} … ${p.max}`;
    case 'format':
      return `${p.field} is "${shortText(p.value)}", which is not ${EXPECTED_WORDS[p.expected]}`;
    case 'missing':
      return `${p.field} is missing`;
    case 'badKey':
      return `${p.field} "${shortText(p.key)}" is not an id`;
  }
};
