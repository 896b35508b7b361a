/**
 * The small readers every stored-record checker is made of: each reads one field, returns the
 * value when it is what belongs there, and otherwise records the problem and returns undefined.
 * Records come back freshly built from own fields only, so a key like `__proto__` in a stored
 * object (which the Yjs decoder turns into a prototype) never reaches the rest of the app.
 */
import { LOCALES, type Labels } from '../types.ts';
import { kindOf, type Expected, type StoredProblem } from './stored-problem.ts';

/** Longest name of a workbook, sheet or column (the operations refuse longer ones). */
export const MAX_NAME = 100;
/** Longest text a cell keeps (Excel's limit, and the formula engine's for text results). */
export const MAX_CELL_TEXT = 32_767;
/** Longest message, label or title of a rule or chart. */
export const MAX_LABEL = 1000;
/** Longest stored formula (the formula engine's limit). */
export const MAX_FORMULA = 8192;

/** Reads one field of a stored record (a Y.Map's `get`, or an own field of a plain record). */
export type FieldReader = (key: string) => unknown;

/** Where the problems of one record are collected. */
export type Problems = StoredProblem[];

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True for an id of a sheet, column, row, rule, chart or layout: 1–64 letters, digits, `-` or `_`, never a prototype key. */
export const isRecordId = (key: unknown): key is string => typeof key === 'string' && ID.test(key) && !PROTOTYPE_KEYS.has(key);

/** A plain record as JSON would make it (not a list, not a Yjs type, not an object with another prototype). */
export const isPlainRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Reads own fields of a plain record (inherited ones never). */
export const ownFields =
  (r: Readonly<Record<string, unknown>>): FieldReader =>
  (key) =>
    Object.hasOwn(r, key) ? r[key] : undefined;

/** Records that `field` holds the wrong kind of value. */
export const wrongType = (problems: Problems, field: string, expected: Expected, got: unknown): undefined => {
  problems.push({ code: 'type', field, expected, got: kindOf(got) });
  return undefined;
};

/** Text of at most `max` characters (a missing one is a problem only when `required`). */
export const readText = (problems: Problems, field: string, v: unknown, max: number, required = false): string | undefined => {
  if (v === undefined) {
    if (required) problems.push({ code: 'missing', field });
    return undefined;
  }
  if (typeof v !== 'string') return wrongType(problems, field, 'text', v);
  if (v.length > max) {
    problems.push({ code: 'tooLong', field, length: v.length, max });
    return undefined;
  }
  return v;
};

/** A name: non-empty text of at most MAX_NAME characters. */
export const readName = (problems: Problems, field: string, v: unknown): string | undefined => {
  const s = readText(problems, field, v, MAX_NAME, true);
  if (s !== undefined && !s.trim()) {
    problems.push({ code: 'missing', field });
    return undefined;
  }
  return s;
};

/** One of `allowed` (a missing one is a problem only when `required`). */
export const readEnum = <T extends string>(problems: Problems, field: string, v: unknown, allowed: readonly T[], required = false): T | undefined => {
  if (v === undefined) {
    if (required) problems.push({ code: 'missing', field });
    return undefined;
  }
  if (typeof v !== 'string') return wrongType(problems, field, 'text', v);
  if (!(allowed as readonly string[]).includes(v)) {
    problems.push({ code: 'unknown', field, value: v, allowed });
    return undefined;
  }
  return v as T;
};

/** True or false, when present. */
export const readBoolean = (problems: Problems, field: string, v: unknown): boolean | undefined => {
  if (v === undefined) return undefined;
  return typeof v === 'boolean' ? v : wrongType(problems, field, 'boolean', v);
};

/** A finite number in [min, max] (whole when `whole`), when present. */
export const readNumber = (
  problems: Problems,
  field: string,
  v: unknown,
  range: { min: number; max: number; whole?: boolean; required?: boolean },
): number | undefined => {
  if (v === undefined) {
    if (range.required) problems.push({ code: 'missing', field });
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return wrongType(problems, field, range.whole ? 'wholeNumber' : 'number', v);
  if (range.whole && !Number.isInteger(v)) return wrongType(problems, field, 'wholeNumber', v);
  if (v < range.min || v > range.max) {
    problems.push({ code: 'range', field, value: v, min: range.min, max: range.max });
    return undefined;
  }
  return v;
};

/** An id (of a column, a sheet …), when present. */
export const readId = (problems: Problems, field: string, v: unknown, required = false): string | undefined => {
  if (v === undefined) {
    if (required) problems.push({ code: 'missing', field });
    return undefined;
  }
  if (typeof v !== 'string') return wrongType(problems, field, 'id', v);
  if (!isRecordId(v)) {
    problems.push({ code: 'badKey', field, key: v });
    return undefined;
  }
  return v;
};

/** A list of ids; entries that are not ids are left out (and recorded). */
export const readIdList = (problems: Problems, field: string, v: unknown, maxLength = 1000): string[] | undefined => {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return wrongType(problems, field, 'list', v);
  if (v.length > maxLength) {
    problems.push({ code: 'range', field: `${field}.length`, value: v.length, min: 0, max: maxLength });
    return undefined;
  }
  const out: string[] = [];
  for (const x of v) {
    const id = readId(problems, `${field}[]`, x, true);
    if (id !== undefined) out.push(id);
  }
  return out;
};

/** Names by UI language: only known languages are kept (a label of a language added later is not a problem). */
export const readLabels = (problems: Problems, field: string, v: unknown, max = MAX_NAME): Labels | undefined => {
  if (v === undefined) return undefined;
  if (!isPlainRecord(v)) return wrongType(problems, field, 'record', v);
  const out: Labels = {};
  for (const locale of LOCALES) {
    if (!Object.hasOwn(v, locale)) continue;
    const s = readText(problems, `${field}.${locale}`, v[locale], max);
    if (s !== undefined) out[locale] = s;
  }
  return out;
};
