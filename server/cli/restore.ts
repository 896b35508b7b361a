/**
 * `restore --workbook ID [--replace] FILE`: brings a backup back. A workbook that does not exist is
 * created from it. An existing one needs --replace: its content becomes the backup's through a new
 * change that a running relay relays to connected clients (no fork, nothing to reload); a workbook
 * whose file cannot be read is set aside and rebuilt from the backup.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { NewerSchemaError } from '../../src/schema/index.ts';
import { replaceContentUpdate } from '../store/replace-content.ts';
import { checkWorkbookId, UnreadableStoreError } from '../store/store.ts';
import { CliError, flag, parseArgs, requireFlag, userPath } from './args.ts';
import type { Command } from './commands.ts';
import { withStore } from './open-store.ts';

const readBackup = (file: string): Uint8Array => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(userPath(file)));
  } catch (err) {
    throw new CliError(`Cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); give the path of a file written by backup.`, 1);
  }
  try {
    Y.decodeUpdate(bytes);
  } catch {
    throw new CliError(`${file} is not a workbook backup; give a file written by: npm run -s workbook -- backup`, 1);
  }
  return bytes;
};

const checkWorkbookIdOrExplain = (id: string): string => {
  try {
    return checkWorkbookId(id);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
};

/** `restore`: see the module comment. */
export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --workbook ID [--replace] FILE   restore a backup (as a new workbook, or over ID with --replace)',
  run: async (argv) => {
    const args = parseArgs(argv, ['replace']);
    const id = checkWorkbookIdOrExplain(requireFlag(args, 'workbook'));
    const file = flag(args, 'in') ?? args.positional[0];
    if (!file) throw new CliError('Give the backup file: restore --workbook ID FILE');
    const backup = readBackup(file);
    const replace = flag(args, 'replace') === 'true';
    return withStore((store) => {
      if (!store.has(id)) {
        store.create(id, backup);
        console.log(`Restored ${file} as the new workbook "${id}".`);
        return 0;
      }
      if (!replace) {
        throw new CliError(
          `Workbook "${id}" exists already. Add --replace to make its content equal to the backup ` +
            `(connected people see the change), or restore it under a new id with --workbook NEW_ID.`,
        );
      }
      try {
        store.update(id, (wb) => {
          if (wb.isNewerSchema()) throw new NewerSchemaError(wb.schemaVersion());
          wb.applyUpdate(replaceContentUpdate(wb, backup));
        });
      } catch (err) {
        if (!(err instanceof UnreadableStoreError)) throw err;
        const aside = store.replaceDamaged(id, backup);
        console.log(`The stored workbook "${id}" could not be read; it was moved to ${aside} and rebuilt from ${file}.`);
        return 0;
      }
      console.log(`Workbook "${id}" now has the content of ${file}; a running relay sends the change to everyone connected.`);
      return 0;
    });
  },
};
