/** Reading an alert rule of a sheet from the document. */
import type { Rule, RuleLevel } from '../types.ts';
import type { StoredRead } from './read-record.ts';
import {
  isPlainRecord,
  isRecordId,
  MAX_FORMULA,
  MAX_LABEL,
  ownFields,
  readEnum,
  readIdList,
  readLabels,
  readName,
  readText,
  wrongType,
  type Problems,
} from './stored-parts.ts';

const LEVELS: readonly RuleLevel[] = ['error', 'warning'];

/**
 * An alert rule as stored under `id`. Without a usable name, condition or level it is not checked
 * at all; wrong labels read as none, a wrong message as empty, wrong columns as the whole row.
 */
export const readRule = (id: string, stored: unknown): StoredRead<Rule> => {
  if (!isRecordId(id)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: id }] };
  const problems: Problems = [];
  if (!isPlainRecord(stored)) return { value: wrongType(problems, 'rule', 'record', stored), problems };
  const get = ownFields(stored);
  const name = readName(problems, 'name', get('name'));
  const when = readText(problems, 'when', get('when'), MAX_FORMULA, true);
  if (when !== undefined && !when.startsWith('=')) problems.push({ code: 'format', field: 'when', expected: 'formula', value: when });
  const level = readEnum(problems, 'level', get('level'), LEVELS, true);
  const message = readText(problems, 'message', get('message'), MAX_LABEL);
  const labels = readLabels(problems, 'labels', get('labels'));
  const messageLabels = readLabels(problems, 'messageLabels', get('messageLabels'), MAX_LABEL);
  const columns = readIdList(problems, 'columns', get('columns'));
  if (name === undefined || when === undefined || !when.startsWith('=') || level === undefined) return { value: undefined, problems };
  const rule: Rule = { id, name, when, level, message: message ?? '', columns: columns ?? [] };
  if (labels) rule.labels = labels;
  if (messageLabels) rule.messageLabels = messageLabels;
  return { value: rule, problems };
};
