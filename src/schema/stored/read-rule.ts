/** Reading an alert rule of a sheet from the document. */
import { RULE_COLORS, type Rule, type RuleLevel } from '../types.ts';
import type { StoredRead } from './read-record.ts';
import { id, isRecordId, labels, list, MAX_FORMULA, MAX_LABEL, MAX_NAME, oneOf, record, text, type Check, type Problems } from './stored-parts.ts';

const LEVELS: readonly RuleLevel[] = ['error', 'warning'];

/** A formula as stored: text starting with "=". */
export const formula =
  (max: number): Check<string> =>
  (v, field, problems) => {
    const s = text(max)(v, field, problems);
    if (s === undefined || s.startsWith('=')) return s;
    problems.push({ code: 'format', field, expected: 'formula', value: s });
    return undefined;
  };

const RULE = record(
  {
    name: text(MAX_NAME, true),
    labels: labels(),
    when: formula(MAX_FORMULA),
    level: oneOf(LEVELS),
    message: text(MAX_LABEL),
    messageLabels: labels(MAX_LABEL),
    columns: list(id, 1000),
    color: oneOf(RULE_COLORS),
  },
  ['name', 'when', 'level'],
  'rule',
);

/**
 * An alert rule as stored under `id`. Without a usable name, condition or level it is not checked
 * at all; wrong labels read as none, a wrong message as empty, wrong columns as the whole row, a
 * colour outside the palette as none (the level's style).
 */
export const readRule = (ruleId: string, stored: unknown): StoredRead<Rule> => {
  if (!isRecordId(ruleId)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: ruleId }] };
  const problems: Problems = [];
  const r = RULE(stored ?? null, '', problems);
  return { value: r && { ...r, id: ruleId, message: r.message ?? '', columns: r.columns ?? [] }, problems };
};
