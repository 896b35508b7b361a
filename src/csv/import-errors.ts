/** Errors of an import: input that cannot be taken (the message says what to do), and a cancel. */

/** The file or the choices made for it cannot be imported; the message says what to do. Nothing was written. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** The import was cancelled by the caller's AbortSignal. Nothing was written. */
export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
  constructor() {
    super('The import was cancelled; nothing was written.');
  }
}
