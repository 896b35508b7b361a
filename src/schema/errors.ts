/** Errors thrown by model operations: user input that cannot be taken, and misuse of the API. */

/** One value that was refused, with where it was going. */
export interface ValueProblem {
  sheet: string;
  column: string;
  /** 1-based row number as the user sees it, or the index of the new row in a bulk append. */
  row: number;
  message: string;
}

/** A value that does not fit its column. Nothing of the operation was written. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly problems: ValueProblem[]) {
    super(ValidationError.describe(problems));
  }
  static describe(problems: ValueProblem[]): string {
    const first = problems[0];
    if (!first) return 'Nothing could be written.';
    const head = `Sheet "${first.sheet}", column "${first.column}", row ${first.row}: ${first.message}`;
    return problems.length === 1 ? head : `${head} (and ${problems.length - 1} more; nothing was written)`;
  }
}

/** A sheet, column or row id that does not exist (anymore): a bug or a stale reference in the caller. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** An operation that cannot be done as asked (duplicate name, empty name …); the message says what to do. */
export class OperationError extends Error {
  override name = 'OperationError';
}

/** A change asked of a workbook opened for viewing only (a viewer's token): nothing was written. */
export class ReadOnlyError extends Error {
  override name = 'ReadOnlyError';
  constructor(message = 'This workbook is open for viewing only; ask its owner for an editor link to change it.') {
    super(message);
  }
}

/** A change asked of a workbook at a newer schema version than this code knows: nothing was written. */
export class NewerSchemaError extends ReadOnlyError {
  override name = 'NewerSchemaError';
  constructor(readonly version: number) {
    super(`This workbook was upgraded by a newer version of the app (schema ${version}); reload to get the new version before changing it.`);
  }
}
