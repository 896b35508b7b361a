/**
 * `history --workbook ID [--json]`: the moments of a stored workbook (bursts of one device's
 * changes, newest first, each with its exact time) and its devices, as the app's Versions panel
 * lists them. `restore --to TIME` and `revert --device … --since TIME` take those times.
 */
import { readHistory } from '../../src/app/undo-vandal.ts';
import { KeptHistory } from '../../src/model/kept-history.ts';
import { loadWorkbook } from '../store/stored-workbook.ts';
import { flag, parseArgs, requireFlag } from './args.ts';
import { deviceLines, momentLines } from './history-words.ts';
import { withStore } from './open-store.ts';
import { relayNames, withMemberNames } from './member-names.ts';

/** The `history` command (a Command of commands.ts; not imported from there, which lists it). */
export const historyCommand = {
  name: 'history',
  usage: 'history --workbook ID [--json]   list the moments and devices of a workbook (for restore --to and revert)',
  run: async (argv: string[]): Promise<number> => {
    const args = parseArgs(argv, { workbook: { type: 'string' }, json: { type: 'boolean' } }, historyCommand.usage);
    const id = requireFlag(args, 'workbook');
    const { moments, devices } = await withStore(async (store) => {
      const wb = await loadWorkbook(store, id);
      let read: ReturnType<typeof readHistory>;
      try {
        read = readHistory(KeptHistory.of(wb));
      } finally {
        wb.doc.destroy();
      }
      // A device whose client ids the relay bound to a member is named as the relay knows the member.
      return withMemberNames(read, await relayNames(store, id));
    });
    if (flag(args, 'json')) {
      console.log(JSON.stringify({ moments, devices }));
      return 0;
    }
    console.log(`Moments of "${id}", newest first (restore --to TIME gives the workbook as it was right after one):`);
    for (const line of momentLines(moments)) console.log(line);
    if (moments.length === 0) console.log('  (none dated yet)');
    console.log('');
    console.log('Devices (revert --device NAME|CLIENT --since TIME reverts one device’s changes since a time):');
    for (const line of deviceLines(devices)) console.log(line);
    return 0;
  },
};
