/** Spreadsheet errors (values that propagate) and the named errors thrown for misuse of the engine. */

/** The error codes a formula can evaluate to. */
export type ErrorCode = '#DIV/0!' | '#N/A' | '#REF!' | '#CYCLE!' | '#NUM!' | '#VALUE!' | '#TYPE!';

/** A spreadsheet error value: shown in the cell, with a message on hover. Propagates through formulas. */
export class FormulaError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

/** True when a value is a spreadsheet error. */
export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

/** #DIV/0! with a message. */
export const divZero = (message = 'division by zero'): FormulaError => new FormulaError('#DIV/0!', message);
/** #N/A with a message. */
export const notAvailable = (message: string): FormulaError => new FormulaError('#N/A', message);
/** #VALUE! with a message. */
export const badValue = (message: string): FormulaError => new FormulaError('#VALUE!', message);
/** #NUM! with a message. */
export const badNumber = (message: string): FormulaError => new FormulaError('#NUM!', message);
/** #REF! with a message. */
export const badRef = (message: string): FormulaError => new FormulaError('#REF!', message);

/** Misuse of the engine's API (unknown sheet id, a stored formula that does not parse): a bug in the caller. */
export class FormulaEngineError extends Error {
  override name = 'FormulaEngineError';
}
