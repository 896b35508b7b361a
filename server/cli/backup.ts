/** `backup --workbook ID --out FILE`: the whole stored workbook as one Yjs update (what Workbook.load reads). */
import { renameSync, writeFileSync } from 'node:fs';
import { loadWorkbook } from '../store/stored-workbook.ts';
import { parseArgs, requireFlag, userPath } from './args.ts';
import type { Command } from './commands.ts';
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
      const bytes = (await loadWorkbook(store, id)).encode();
      // Written next to the target and renamed, so FILE is never half-written.
      writeFileSync(`${out}.part`, bytes, { flush: true });
      renameSync(`${out}.part`, out);
      console.log(`Backed up workbook "${id}" (${bytes.byteLength} bytes) to ${out}.`);
      return 0;
    });
  },
};
