/**
 * `revert --workbook ID --device NAME|CLIENT [--device …] --since TIME [--dry-run] [--by NAME]`:
 * sets back what one device changed at TIME or later (a device: a name as `history` lists it, all
 * of its Yjs client ids, or one client id). Each cell it changed gets its value from before its
 * change, unless someone else changed it since (then it is left alone and listed); rows it added
 * are deleted; rows it deleted come back; rows it moved go back. One new change, which a running
 * relay sends to everyone connected; `--dry-run` only says what it would do.
 */
import { devicesNamed, readHistory, revertDevice, previewRevert, skipPlaces, type RevertDone } from '../../src/app/undo-vandal.ts';
import { momentText } from '../../src/app/moment-text.ts';
import { KeptHistory } from '../../src/model/kept-history.ts';
import type { Workbook } from '../../src/model/index.ts';
import type { RevertPlan } from '../../src/schema/moment-types.ts';
import { loadWorkbook, updateWorkbook } from '../store/stored-workbook.ts';
import { CliError, flag, parseArgs, requireFlag } from './args.ts';
import { cliUser, deviceName, revertText, skipLines, timeFlag } from './history-words.ts';
import { withStore } from './open-store.ts';

const USAGE =
  'revert --workbook ID --device NAME|CLIENT [--device …] --since TIME [--dry-run] [--by NAME]   set back what one device changed since TIME (see history)';

/** The client ids of the named devices in `wb`'s history; a CliError listing the known devices when one is unknown. */
const clientsIn = (wb: Workbook, id: string, wanted: readonly string[]): { history: KeptHistory; clients: Set<number>; names: string } => {
  const history = KeptHistory.of(wb);
  const { clients, unknown } = devicesNamed(history, wanted);
  if (unknown.length > 0) {
    const known = readHistory(history).devices.map((d) => `${deviceName(d)} (${d.clients.join(', ')})`);
    throw new CliError(`No device of "${id}" is called ${unknown.map((u) => `"${u}"`).join(' or ')}. Its devices: ${known.join('; ') || 'none'}.`, 1);
  }
  const names = readHistory(history).devices.filter((d) => d.clients.some((c) => clients.has(c))).map(deviceName);
  return { history, clients, names: [...new Set(names)].join(', ') };
};

const planned = (plan: RevertPlan): RevertDone => ({ cells: plan.cells.length, revived: plan.revive.length, removed: plan.remove.length, moved: plan.moves.length });

/** The `revert` command (a Command of commands.ts; not imported from there, which lists it). */
export const revertCommand = {
  name: 'revert',
  usage: USAGE,
  run: async (argv: string[]): Promise<number> => {
    const args = parseArgs(
      argv,
      { workbook: { type: 'string' }, device: { type: 'string', multiple: true }, since: { type: 'string' }, 'dry-run': { type: 'boolean' }, by: { type: 'string' } },
      USAGE,
    );
    if (args.positional.length > 0) throw new CliError(`revert takes no file or other words (${args.positional[0]}).\nusage: npm run -s workbook -- ${USAGE}`);
    const id = requireFlag(args, 'workbook');
    const wanted = (args.flags.get('device') ?? []).filter((d) => d.trim() !== '');
    if (wanted.length === 0) throw new CliError('--device is required: a name or client id as `history` lists it.');
    const since = timeFlag(requireFlag(args, 'since'), 'since');
    const dry = flag(args, 'dry-run') === 'true';
    return withStore(async (store) => {
      let done: RevertDone = { cells: 0, revived: 0, removed: 0, moved: 0 };
      let skipped: string[] = [];
      let names = '';
      const before = Date.now() - 1;
      if (dry) {
        const wb = await loadWorkbook(store, id);
        try {
          const found = clientsIn(wb, id, wanted);
          names = found.names;
          const plan = previewRevert(wb, found.history, found.clients, since);
          done = planned(plan);
          skipped = skipLines(skipPlaces(wb, plan));
        } finally {
          wb.doc.destroy();
        }
      } else {
        await updateWorkbook(store, id, (wb) => {
          wb.setUser(cliUser(flag(args, 'by')));
          const found = clientsIn(wb, id, wanted);
          names = found.names;
          const result = revertDevice(wb, found.history, found.clients, since);
          done = result.done;
          skipped = skipLines(skipPlaces(wb, result.plan));
        });
      }
      const what = revertText(done);
      const did = Object.values(done).some((x) => x > 0);
      if (dry) console.log(`Reverting the changes of ${names} since ${momentText(since)} would change: ${what}. Nothing was written (--dry-run).`);
      else if (!did) console.log(`Nothing to revert: the changes of ${names} since ${momentText(since)} are already undone or changed by others.`);
      else {
        console.log(`Reverted the changes of ${names} since ${momentText(since)} in "${id}": ${what}. A running relay sends the change to everyone connected.`);
        console.log(`To undo this revert: npm run -s workbook -- restore --workbook ${id} --to ${momentText(before)}`);
      }
      if (skipped.length > 0) {
        console.log(`Left alone (${skipped.length}):`);
        for (const line of skipped) console.log(line);
      }
      return 0;
    });
  },
};
