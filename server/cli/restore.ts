/**
 * `restore --workbook ID [--replace] [--unverified] FILE`: brings a backup back. A workbook that does
 * not exist is created from it. An existing one needs --replace: its content becomes the backup's
 * through a new change that a running relay relays to connected clients (no fork, nothing to
 * reload); a workbook whose file cannot be read is set aside and rebuilt from the backup. A backup
 * whose checksum does not match is refused; one from before checksums needs --unverified. A backup
 * bigger than MAX_ROOM_BYTES is refused: the relay could not open the workbook.
 *
 * `restore --workbook ID --to TIME [--dry-run] [--by NAME]`: its content becomes what it was at
 * TIME (a moment `history` lists, or any time), rebuilt from the history the store keeps, through
 * a new change in the same way; it prints the command that undoes it.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { BackupFileError, decodeBackupFile } from '../../src/model/index.ts';
import { NewerSchemaError } from '../../src/schema/index.ts';
import { maxRoomBytesFrom, StartupError } from '../config.ts';
import { replaceContentUpdate } from '../store/replace-content.ts';
import { UnreadableStoreError } from '../store/errors.ts';
import { createWorkbook, replaceDamaged, updateWorkbook } from '../store/stored-workbook.ts';
import { checkWorkbookId } from '../store/workbook-id.ts';
import { momentText } from '../../src/app/moment-text.ts';
import { previewRestore, restoreTo } from '../../src/app/undo-vandal.ts';
import { KeptHistory } from '../../src/model/kept-history.ts';
import { loadWorkbook } from '../store/stored-workbook.ts';
import { CliError, flag, parseArgs, requireFlag, userPath, type ParsedArgs } from './args.ts';
import type { Command } from './command.ts';
import { cliUser, diffText, timeFlag } from './history-words.ts';
import { withStore } from './open-store.ts';

const USAGE = {
  file: 'restore --workbook ID [--replace] [--unverified] FILE   restore a backup (as a new workbook, or over ID with --replace)',
  to: 'restore --workbook ID --to TIME [--dry-run] [--by NAME]   set the content back to how it was at TIME (see history)',
};

const readBackup = (file: string, unverified: boolean): Uint8Array => {
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(readFileSync(userPath(file)));
  } catch (err) {
    throw new CliError(`Cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); give the path of a file written by backup.`, 1);
  }
  let decoded: { update: Uint8Array; checked: boolean };
  try {
    decoded = decodeBackupFile(raw);
  } catch (err) {
    if (err instanceof BackupFileError) throw new CliError(`${file}: ${err.message} Nothing was restored; use another backup.`, 1);
    throw err;
  }
  try {
    Y.decodeUpdate(decoded.update);
  } catch {
    throw new CliError(`${file} is not a workbook backup; give a file written by: npm run -s workbook -- backup`, 1);
  }
  if (!decoded.checked && !unverified) {
    throw new CliError(
      `${file} has no checksum (it was written before backups carried one), so a damaged copy could not be told apart. ` +
        'If you trust it, restore it with --unverified.',
      1,
    );
  }
  return decoded.update;
};

/** Refuses a backup the relay could not open (MAX_ROOM_BYTES, read as the relay reads it). */
const checkSize = (file: string, bytes: number): void => {
  let limit: number;
  try {
    limit = maxRoomBytesFrom(process.env);
  } catch (err) {
    if (err instanceof StartupError) throw new CliError(err.message);
    throw err;
  }
  if (bytes > limit) {
    throw new CliError(
      `${file} holds ${(bytes / 1048576).toFixed(1)} MB, more than the relay opens (MAX_ROOM_BYTES is ${(limit / 1048576).toFixed(1)} MB); ` +
        'nothing was restored. Raise MAX_ROOM_BYTES for the relay and this command (see the README) and restore again.',
      1,
    );
  }
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
  usage: `${USAGE.file}\n  ${USAGE.to}`,
  run: async (argv) => {
    const args = parseArgs(
      argv,
      {
        workbook: { type: 'string' },
        replace: { type: 'boolean' },
        unverified: { type: 'boolean' },
        in: { type: 'string' },
        to: { type: 'string' },
        'dry-run': { type: 'boolean' },
        by: { type: 'string' },
      },
      restoreCommand.usage,
    );
    const id = checkWorkbookIdOrExplain(requireFlag(args, 'workbook'));
    if (flag(args, 'to') !== undefined) return restoreMomentCommand(args, id);
    for (const only of ['dry-run', 'by']) {
      if (flag(args, only) !== undefined) throw new CliError(`--${only} goes with --to TIME, not with a backup file.\nusage: npm run -s workbook -- ${USAGE.to}`);
    }
    const file = flag(args, 'in') ?? args.positional[0];
    if (!file) throw new CliError('Give the backup file: restore --workbook ID FILE');
    const backup = readBackup(file, flag(args, 'unverified') === 'true');
    checkSize(file, backup.byteLength);
    const replace = flag(args, 'replace') === 'true';
    return withStore(async (store) => {
      if (!(await store.catalog.has(id))) {
        await createWorkbook(store, id, backup);
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
        await updateWorkbook(store, id, (wb) => {
          if (wb.isNewerSchema()) throw new NewerSchemaError(wb.schemaVersion());
          wb.applyUpdate(replaceContentUpdate(wb, backup));
        });
      } catch (err) {
        if (!(err instanceof UnreadableStoreError)) throw err;
        const aside = await replaceDamaged(store, id, backup);
        console.log(`The stored workbook "${id}" could not be read; it was ${aside ? `moved to ${aside}` : 'set aside'} and rebuilt from ${file}.`);
        return 0;
      }
      console.log(`Workbook "${id}" now has the content of ${file}; a running relay sends the change to everyone connected.`);
      return 0;
    });
  },
};

/** `restore --to TIME`: the content as it was at TIME, from the kept history (see the module comment). */
const restoreMomentCommand = async (args: ParsedArgs, id: string): Promise<number> => {
  if (args.positional.length > 0 || flag(args, 'in') !== undefined || flag(args, 'replace') !== undefined) {
    throw new CliError(`Give either a backup FILE or --to TIME, not both.\nusage: npm run -s workbook -- ${USAGE.to}`);
  }
  const time = timeFlag(requireFlag(args, 'to'), 'to');
  return withStore(async (store) => {
    const live = await loadWorkbook(store, id);
    let preview;
    try {
      preview = previewRestore(live, KeptHistory.of(live), time);
    } finally {
      live.doc.destroy();
    }
    const what = diffText(preview.diff);
    const lost = preview.lost > 0 ? ` ${preview.lost} value(s) it showed then are no longer kept and stay as they are.` : '';
    if (flag(args, 'dry-run')) {
      console.log(`Restoring "${id}" to ${momentText(time)} would change: ${what}.${lost} Nothing was written (--dry-run).`);
      return 0;
    }
    const before = Date.now() - 1;
    let changed = false;
    await updateWorkbook(store, id, (wb) => {
      wb.setUser(cliUser(flag(args, 'by')));
      changed = restoreTo(wb, KeptHistory.of(wb), time);
    });
    if (!changed) {
      console.log(`Workbook "${id}" already has its content of ${momentText(time)}; nothing was written.`);
      return 0;
    }
    console.log(`Workbook "${id}" now has its content of ${momentText(time)} (${what}); a running relay sends the change to everyone connected.${lost}`);
    console.log(`To undo this restore: npm run -s workbook -- restore --workbook ${id} --to ${momentText(before)}`);
    return 0;
  });
};
