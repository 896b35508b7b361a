/** Spreadsheet errors (values that propagate) and the named errors thrown for misuse of the engine. */
import { messageText } from './messages-en.ts';
import { msg, type FormulaMessage, type MessageArgs, type MessageCode } from './messages.ts';

/** The error codes a formula can evaluate to. */
export type ErrorCode = '#DIV/0!' | '#N/A' | '#REF!' | '#CYCLE!' | '#NUM!' | '#VALUE!' | '#TYPE!';

/** A spreadsheet error value: shown in the cell, with a message on hover. Propagates through formulas. */
export class FormulaError {
  #text: string | undefined;
  constructor(
    readonly code: ErrorCode,
    /** Why, as data: the app shows it in the person's language. */
    readonly detail: FormulaMessage,
  ) {}
  /** Why, in English (the CLI's words), written when first asked for. */
  get message(): string {
    return (this.#text ??= messageText(this.detail));
  }
  toString(): string {
    return this.code;
  }
}

/** True when a value is a spreadsheet error. */
export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

/** An error value of `code` with the message `why` and its arguments. */
const error =
  (code: ErrorCode) =>
  <C extends MessageCode>(why: C, ...args: MessageArgs[C]): FormulaError =>
    new FormulaError(code, msg(why, ...args));

/** #DIV/0! with a message. */
export const divZero = error('#DIV/0!');
/** #N/A with a message. */
export const notAvailable = error('#N/A');
/** #VALUE! with a message. */
export const badValue = error('#VALUE!');
/** #NUM! with a message. */
export const badNumber = error('#NUM!');
/** #REF! with a message. */
export const badRef = error('#REF!');

/** Misuse of the engine's API (unknown sheet id, a stored formula that does not parse): a bug in the caller. */
export class FormulaEngineError extends Error {
  override name = 'FormulaEngineError';
}
