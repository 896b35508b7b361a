/**
 * `backup --workbook ID --out FILE`: the whole stored workbook as one Yjs update behind a checksum
 * (src/model/backup-file.ts), written readable by this user only: it holds the whole workbook.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { encodeBackupFile } from '../../src/model/index.ts';
import { loadWorkbook } from '../store/stored-workbook.ts';
import { parseArgs, requireFlag, userPath } from './args.ts';
import type { Command } from './command.ts';
import { withStore } from './open-store.ts';

/** `backup`: see the module comment. */
export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --workbook ID --out FILE   write the stored workbook to FILE (safe while the relay runs)',
  run: async (argv) => {
    const args = parseArgs(argv, { workbook: { type: 'string' }, out: { type: 'string' } }, backupCommand.usage);
    const id = requireFlag(args, 'workbook');
    const out = userPath(requireFlag(args, 'out'));
    return withStore(async (store) => {
      const bytes = encodeBackupFile((await loadWorkbook(store, id)).encode());
      // Written next to the target and renamed, so FILE is never half-written.
      writeFileSync(`${out}.part`, bytes, { flush: true, mode: 0o600 });
      renameSync(`${out}.part`, out);
      console.log(`Backed up workbook "${id}" (${bytes.byteLength} bytes, with its checksum) to ${out}.`);
      return 0;
    });
  },
};
