/**
 * `repair-catalog`: rebuilds DATA_DIR's catalog from its workbook files (see
 * server/store/repair-catalog.ts), for a catalog that was lost, emptied or damaged. Run it with the
 * relay stopped; the relay refuses to start on such a catalog and says to run this.
 */
import { resolve } from 'node:path';
import { repairCatalog } from '../store/repair-catalog.ts';
import { CliError, parseArgs } from './args.ts';
import type { Command } from './command.ts';
import { dataDir } from './open-store.ts';

/** `repair-catalog`: see the module comment. */
export const repairCatalogCommand: Command = {
  name: 'repair-catalog',
  usage: 'repair-catalog   rebuild the catalog from the workbook files (stop the relay first; tokens must be issued again)',
  run: async (argv) => {
    const args = parseArgs(argv, {}, repairCatalogCommand.usage);
    if (args.positional.length > 0) throw new CliError('repair-catalog takes no options; it works on DATA_DIR.');
    const dir = resolve(dataDir());
    let result: Awaited<ReturnType<typeof repairCatalog>>;
    try {
      result = await repairCatalog(dir);
    } catch (err) {
      throw new CliError(`The catalog of ${dir} could not be rebuilt (${(err as Error).message}).`, 1);
    }
    if (result.setAside) console.log(`The old catalog could not be used; it was moved to ${result.setAside}.`);
    if (result.added.length === 0) {
      console.log(`The catalog of ${dir} already lists every workbook file; nothing was added.`);
    } else {
      console.log(`Added ${result.added.length} workbook(s) to the catalog of ${dir}:`);
      for (const w of result.added) {
        console.log(`  ${w.id}  "${w.name}"${w.unreadable ? `  (its file cannot be read: ${w.unreadable}; restore it with: npm run -s workbook -- restore --workbook ${w.id} --replace FILE)` : ''}`);
      }
      console.log('Their old access tokens cannot be recovered (only their hashes were kept). Make new links with:');
      console.log(`  npm run -s workbook -- token create --workbook ${result.added[0]?.id ?? 'ID'} --role editor --link`);
      console.log('They are in the team space "team"; invite its owner (who then invites the team) with:');
      console.log('  npm run -s workbook -- space invite --space team --role owner');
    }
    for (const id of result.missing) console.error(`The catalog lists "${id}", whose file workbooks/${id}.sqlite is missing; restore it from a backup.`);
    return 0;
  },
};
