/**
 * `token create --workbook ID --role editor|viewer [--label TEXT] [--link]`: prints a new token
 * (or the link to open the workbook with it). `token revoke TOKEN` or `token revoke --id ID`:
 * revokes it; a running relay closes its connections. `token list --workbook ID`: the tokens of a
 * workbook by id (tokens themselves are stored only as hashes).
 */
import { isRole, ROLES } from '../store/tokens.ts';
import { WorkbookNotFoundError } from '../store/errors.ts';
import { CliError, flag, parseArgs, requireFlag } from './args.ts';
import type { Command } from './command.ts';
import { appBaseUrl, withStore } from './open-store.ts';

const USAGE = {
  create: 'token create --workbook ID --role editor|viewer [--label TEXT] [--link]   print a new token (or a link)',
  revoke: 'token revoke TOKEN | --id ID                                           revoke a token',
  list: "token list --workbook ID                                               list a workbook's tokens",
};

const create = (argv: string[]) => {
  const args = parseArgs(argv, { workbook: { type: 'string' }, role: { type: 'string' }, label: { type: 'string' }, link: { type: 'boolean' } }, USAGE.create);
  const id = requireFlag(args, 'workbook');
  const role = requireFlag(args, 'role');
  if (!isRole(role)) throw new CliError(`Unknown role "${role}"; use ${ROLES.join(' or ')}.`);
  return withStore(async (store) => {
    if (!(await store.catalog.has(id))) throw new WorkbookNotFoundError(id);
    const { token } = await store.catalog.createToken(id, role, flag(args, 'label'));
    console.log(flag(args, 'link') ? `${appBaseUrl()}/#/w/${id}?token=${token}` : token);
    return 0;
  });
};

const revoke = (argv: string[]) => {
  const args = parseArgs(argv, { id: { type: 'string' } }, USAGE.revoke);
  const given = flag(args, 'id') ?? args.positional[0];
  if (!given) throw new CliError('Say which token to revoke: token revoke TOKEN, or token revoke --id ID (see token list).');
  return withStore(async (store) => {
    const entry = await store.catalog.findToken(given);
    if (!entry || entry.revokedAt !== null || !(await store.catalog.revoke(entry.id))) {
      throw new CliError('No active token matches; see the tokens of a workbook with: token list --workbook ID', 1);
    }
    console.log(`Revoked token ${entry.id} (${entry.role} of "${entry.workbook}"); a running relay closes its connections within a second.`);
    return 0;
  });
};

const list = (argv: string[]) => {
  const args = parseArgs(argv, { workbook: { type: 'string' } }, USAGE.list);
  const id = requireFlag(args, 'workbook');
  return withStore(async (store) => {
    if (!(await store.catalog.has(id))) throw new WorkbookNotFoundError(id);
    for (const t of await store.catalog.tokens(id)) {
      const state = t.revokedAt === null ? 'active' : `revoked ${new Date(t.revokedAt).toISOString()}`;
      console.log([t.id, t.role, new Date(t.createdAt).toISOString(), state, t.label ?? ''].join('\t'));
    }
    return 0;
  });
};

/** `token create|revoke|list`: see the module comment. */
export const tokenCommand: Command = {
  name: 'token',
  usage: `${USAGE.create}\n  ${USAGE.revoke}\n  ${USAGE.list}`,
  run: async ([sub, ...rest]) => {
    if (sub === 'create') return create(rest);
    if (sub === 'revoke') return revoke(rest);
    if (sub === 'list') return list(rest);
    throw new CliError(`Use token create, token revoke or token list.\nusage: npm run -s workbook -- ${tokenCommand.usage}`);
  },
};
