/** Errors of the store: each message is a sentence a person running the relay or the CLI can act on. */

/** The store cannot be used as asked (missing workbook, unreadable file, bad id …). */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** No workbook with that id in the catalog. */
export class WorkbookNotFoundError extends StoreError {
  override name = 'WorkbookNotFoundError';
  constructor(readonly workbookId: string) {
    super(`There is no workbook "${workbookId}"; create it with: npm run -s workbook -- create --workbook ${workbookId}`);
  }
}

/** A workbook's stored state cannot be read (damaged file, undecodable update). The file is left as it was. */
export class UnreadableStoreError extends StoreError {
  override name = 'UnreadableStoreError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`The stored workbook ${file} cannot be read (${reason}); it was left untouched. Restore it from a backup.`);
  }
}

/** A file written by a newer version of the program, which this one must not change. */
export class NewerFormatError extends StoreError {
  override name = 'NewerFormatError';
  constructor(
    readonly file: string,
    readonly format: number,
    readonly supported: number,
  ) {
    super(
      `${file} was written by a newer version of the ops workbook (${Number.isFinite(format) ? `format ${format}` : 'a format it does not know'}; ` +
        `this version reads formats up to ${supported}), so it was left untouched. Run the newer version, or restore a backup made with this one.`,
    );
  }
}

/** An append would give a client id a second owner: nothing of it was stored. */
export class OwnerConflictError extends StoreError {
  override name = 'OwnerConflictError';
  constructor(
    readonly clientId: number,
    readonly owner: string,
    readonly claimedBy: string,
  ) {
    super(`Client id ${clientId} belongs to ${owner} already and cannot be recorded for ${claimedBy}; nothing was stored.`);
  }
}
