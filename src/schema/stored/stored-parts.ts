/**
 * The parts every stored-record checker is made of, as in tldraw's record validators: a checker
 * reads one value and returns it when it is what belongs there, else records the problem and
 * returns undefined. `record` builds a fresh record from own fields only, so a key like
 * `__proto__` in a stored object (which the Yjs decoder turns into a prototype) never reaches the
 * rest of the app. An absent field (undefined) is a problem only where `record` requires it.
 *
 * @example
 *   const TILE = record({ sheetId: id, w: int(1, 4), h: int(1, 2) }, ['sheetId']);
 *   const problems: StoredProblem[] = [];
 *   TILE({ sheetId: 's1', w: 9 }, '', problems); // { sheetId: 's1' }, and a range problem for w
 */
import { LOCALES, type Labels } from '../types.ts';
import { kindOf, type Expected, type StoredProblem } from './stored-problem.ts';

/** Longest name of a workbook, sheet or column (the operations refuse longer ones). */
export const MAX_NAME = 100;
/** Longest message, label or title of a rule or chart. */
export const MAX_LABEL = 1000;
/** Longest stored formula (the formula engine's limit). */
export const MAX_FORMULA = 8192;

/** Reads one field of a stored record (a Y.Map's `get`, or an own field of a plain record). */
export type FieldReader = (key: string) => unknown;

/** Where the problems of one record are collected. */
export type Problems = StoredProblem[];

/** Checks a stored value found at `at` (its field path): the value, or undefined with the problem recorded. */
export type Check<T> = (v: unknown, at: string, problems: Problems) => T | undefined;

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

/** A value of JavaScript type `js` that passes `ok` (which records its own problem when it does not). */
const typed =
  <T,>(js: string, expected: Expected, ok: (v: T, at: string, problems: Problems) => boolean = () => true): Check<T> =>
  (v, at, problems) =>
    v === undefined ? undefined : typeof v !== js ? wrongType(problems, at, expected, v) : ok(v as T, at, problems) ? (v as T) : undefined;

/** Text of at most `max` characters; `nonEmpty`: with something in it besides spaces. */
export const text = (max: number, nonEmpty = false): Check<string> =>
  typed<string>('string', 'text', (v, field, problems) => {
    if (v.length > max) problems.push({ code: 'tooLong', field, length: v.length, max });
    else if (nonEmpty && !v.trim()) problems.push({ code: 'missing', field });
    else return true;
    return false;
  });

/**
 * Text another client chose (a name): any length, cut to its first `max` characters, never in
 * the middle of one. A long name is shortened; it is no reason to leave out what it names.
 */
export const clippedText =
  (max: number): Check<string> =>
  (v, at, problems) => {
    const s = typed<string>('string', 'text')(v, at, problems);
    if (s === undefined || s.length <= max) return s;
    const cut = s.slice(0, max);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  };

/** One of `allowed`. */
export const oneOf = <T extends string>(allowed: readonly T[]): Check<T> =>
  typed<T>('string', 'text', (v, field, problems) => {
    if ((allowed as readonly string[]).includes(v)) return true;
    problems.push({ code: 'unknown', field, value: v, allowed });
    return false;
  });

/** A finite number in [min, max] (whole when `whole`). */
export const num = (min: number, max: number, whole = false): Check<number> => {
  const expected: Expected = whole ? 'wholeNumber' : 'number';
  return (v, at, problems) => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || (whole && !Number.isInteger(v))) return wrongType(problems, at, expected, v);
    if (v >= min && v <= max) return v;
    problems.push({ code: 'range', field: at, value: v, min, max });
    return undefined;
  };
};

/** True or false. */
export const bool: Check<boolean> = typed<boolean>('boolean', 'boolean');

/** An id (of a column, a sheet …). */
export const id: Check<string> = typed<string>('string', 'id', (v, field, problems) => {
  if (isRecordId(v)) return true;
  problems.push({ code: 'badKey', field, key: v });
  return false;
});

/** A list of at most `max` items; items that cannot be used are left out (and recorded). */
export const list =
  <T,>(item: Check<T>, max: number): Check<T[]> =>
  (v, at, problems) => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return wrongType(problems, at, 'list', v);
    if (v.length > max) problems.push({ code: 'range', field: `${at}.length`, value: v.length, min: 0, max });
    const out: T[] = [];
    v.slice(0, max).forEach((x, i) => {
      // A hole (stored as undefined) is read as null: the wrong kind for any item, so it is recorded.
      const r = item(x === undefined ? null : x, `${at}[${i}]`, problems);
      if (r !== undefined) out.push(r);
    });
    return out;
  };

/** Names by UI language: only known languages are kept (a label of a language added later is not a problem). */
export const labels =
  (max = MAX_NAME): Check<Labels> =>
  (v, at, problems) => {
    if (v === undefined) return undefined;
    if (!isPlainRecord(v)) return wrongType(problems, at, 'record', v);
    const out: Labels = {};
    for (const locale of LOCALES) {
      const s = Object.hasOwn(v, locale) ? text(max)(v[locale], `${at}.${locale}`, problems) : undefined;
      if (s !== undefined) out[locale] = s;
    }
    return out;
  };

type Spec = Readonly<Record<string, Check<unknown>>>;
/** What a record spec reads: each field optional … */
type Read<S extends Spec> = { [K in keyof S]?: S[K] extends Check<infer T> ? T : never };
/** … except the required ones. */
export type RecordOf<S extends Spec, R extends keyof S> = Read<S> & { [K in R]-?: S[K] extends Check<infer T> ? T : never };

/** Reads the fields of `spec` with `get` (a Y.Map's, or a plain record's): undefined when a required one is missing or wrong. */
export const fields = <S extends Spec, R extends keyof S & string = never>(
  spec: S,
  get: FieldReader,
  at: string,
  problems: Problems,
  required: readonly R[] = [],
): RecordOf<S, R> | undefined => {
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const key of Object.keys(spec)) {
    const raw = get(key);
    const field = at ? `${at}.${key}` : key;
    const v = spec[key]?.(raw, field, problems);
    if (v !== undefined) out[key] = v;
    else if ((required as readonly string[]).includes(key)) {
      if (raw === undefined) problems.push({ code: 'missing', field });
      ok = false;
    }
  }
  return ok ? (out as RecordOf<S, R>) : undefined;
};

/** A plain record with the fields of `spec` (see `fields`); `name` is the field a record at the top is reported as. */
export const record =
  <S extends Spec, R extends keyof S & string = never>(spec: S, required: readonly R[] = [], name = 'record'): Check<RecordOf<S, R>> =>
  (v, at, problems) =>
    v === undefined ? undefined : isPlainRecord(v) ? fields(spec, ownFields(v), at, problems, required) : wrongType(problems, at || name, 'record', v);
