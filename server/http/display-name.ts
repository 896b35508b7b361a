/**
 * Names people give to things others see (a member, a space, a workbook), read from a request
 * body: text, trimmed, of 1 to `max` characters, without control characters (line breaks, escapes)
 * or the invisible marks that reorder text (bidirectional overrides and isolates), which would let
 * a name pose as another in the cell history or the members list.
 *
 * @example
 *   const name = displayName(body.name, 80, 'A name'); // HttpError 400 with a sentence when it is not
 */
import { CONTROL_OR_BIDI } from '../../src/schema/shown-name.ts';
import { HttpError } from './http-error.ts';

/** `value` as a trimmed name of 1 to `max` characters; HttpError 400 naming `what` otherwise. */
export const displayName = (value: unknown, max: number, what: string, hint = ''): string => {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '' || name.length > max || CONTROL_OR_BIDI.test(name)) {
    throw new HttpError(400, `${what} has 1 to ${max} characters, without line breaks or invisible control characters${hint}.`);
  }
  return name;
};
