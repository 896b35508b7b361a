/**
 * `owners --workbook ID [--json]`: who may write under each Yjs client id of a stored workbook (the
 * relay's ownership record, issue #16 part 4): a device (a browser, by a hash of its key), a token
 * (a client without a device key, by the token's id and label), a member of a space (by the
 * member's name, with the device), the server (the CLI, restores),
 * or nobody for ids written before owners were kept. With how many edits (clocks) each id holds.
 */
import * as Y from 'yjs';
import { loadWorkbook } from '../store/stored-workbook.ts';
import { CliError, flag, parseArgs, requireFlag } from './args.ts';
import type { Command } from './command.ts';
import { withStore } from './open-store.ts';
import { memberNames, memberOfOwner } from '../spaces/member-owner.ts';

/** One client id as listed. */
interface OwnerLine {
  clientId: number;
  owner: string | null;
  edits: number;
}

/** `owners`: see the module comment. */
export const ownersCommand: Command = {
  name: 'owners',
  usage: 'owners --workbook ID [--json]   list who owns each client id of a workbook (devices, tokens, the server)',
  run: async (argv) => {
    const args = parseArgs(argv, { workbook: { type: 'string' }, json: { type: 'boolean' } }, ownersCommand.usage);
    const id = requireFlag(args, 'workbook');
    if (args.positional.length > 0) throw new CliError(`owners takes no ${args.positional[0]}.\nusage: npm run -s workbook -- ${ownersCommand.usage}`);
    return withStore(async (store) => {
      const wb = await loadWorkbook(store, id);
      const log = await store.openLog(id);
      let recorded: Map<number, string>;
      try {
        recorded = new Map((await log.owners()).map((o) => [o.clientId, o.owner]));
      } finally {
        await log.close();
      }
      const edits = Y.decodeStateVector(Y.encodeStateVector(wb.doc));
      wb.doc.destroy();
      const ids = [...new Set([...edits.keys(), ...recorded.keys()])].sort((a, b) => a - b);
      const lines: OwnerLine[] = ids.map((clientId) => ({ clientId, owner: recorded.get(clientId) ?? null, edits: edits.get(clientId) ?? 0 }));
      if (flag(args, 'json') !== undefined) {
        for (const l of lines) console.log(JSON.stringify(l));
        return 0;
      }
      const labels = new Map((await store.catalog.tokens(id)).map((t) => [t.id, t.label]));
      const members = await memberNames(store, [...recorded.values()].map((owner) => ({ clientId: 0, owner })));
      const describe = (owner: string | null): string => {
        if (owner === null) return 'nobody (written before owners were kept)';
        const member = memberOfOwner(owner);
        if (member !== null) return `${owner} (member "${members.get(member) ?? ''}")`;
        if (owner.startsWith('token:')) {
          const label = labels.get(owner.slice('token:'.length));
          return label ? `${owner} (${label})` : owner;
        }
        return owner;
      };
      console.log(`Client ids of workbook "${id}": ${lines.length}`);
      for (const l of lines) console.log(`  ${String(l.clientId).padStart(10)}  ${String(l.edits).padStart(7)} edits  ${describe(l.owner)}`);
      return 0;
    });
  },
};
