/**
 * Names people give to things others see (a member, a space, a workbook), read from a request
 * body: text, trimmed, of 1 to `max` characters, without control characters (line breaks, escapes)
 * or the invisible marks that reorder text (bidirectional overrides and isolates), which would let
 * a name pose as another in the cell history or the members list.
 *
 * @example
 *   const name = displayName(body.name, 80, 'A name'); // HttpError 400 with a sentence when it is not
 */
import { HttpError } from './http-error.ts';

/** C0 and C1 control characters, and the marks that change the direction of the text around them. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** `value` as a trimmed name of 1 to `max` characters; HttpError 400 naming `what` otherwise. */
export const displayName = (value: unknown, max: number, what: string, hint = ''): string => {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '' || name.length > max || HIDDEN.test(name)) {
    throw new HttpError(400, `${what} has 1 to ${max} characters, without line breaks or invisible control characters${hint}.`);
  }
  return name;
};
