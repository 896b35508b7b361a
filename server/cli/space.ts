/**
 * `space …`: team spaces for administrators.
 *   space create --id ID --name NAME [--max-workbooks N] [--max-bytes N]   a new space, and a link that makes its first owner
 *   space list                                                            every space
 *   space invite --space ID --role owner|editor|viewer [--reusable] [--days N]   an invite link (single-use, 7 days by default)
 *   space members --space ID                                              its members (id, role, name, last activity)
 *   space remove --space ID --member MEMBER_ID                            removes a member; a running relay closes their connections
 *   space quota --space ID [--max-workbooks N|none] [--max-bytes N|none]  shows or sets its limits
 * A member's token is made when they open an invite, so removing a member removes exactly that person.
 */
import { inviteLink } from '../spaces/links.ts';
import type { Store } from '../store/contract.ts';
import { isSpaceRole, SPACE_ROLES } from '../store/space-roles.ts';
import { CliError, flag, parseArgs, requireFlag, type ParsedArgs } from './args.ts';
import type { Command } from './command.ts';
import { appBaseUrl, withStore } from './open-store.ts';

const USAGE = {
  create: 'space create --id ID --name NAME [--max-workbooks N] [--max-bytes N]   create a team space (prints a link for its first owner)',
  list: 'space list                                                           list the spaces',
  invite: 'space invite --space ID --role owner|editor|viewer [--reusable] [--days N]   print an invite link (single-use, valid 7 days)',
  members: "space members --space ID                                             list a space's members",
  remove: 'space remove --space ID --member MEMBER_ID                           remove a member (their open connections close)',
  quota: 'space quota --space ID [--max-workbooks N|none] [--max-bytes N|none]  show or set the limits of a space',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A limit given on the command line: a whole number ≥ 0, or "none". */
const limitOf = (args: ParsedArgs, name: string): number | null | undefined => {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  if (v === 'none') return null;
  if (!/^\d{1,15}$/.test(v)) throw new CliError(`--${name} takes a whole number, or "none" for no limit (got "${v}").`);
  return Number(v);
};

const requireSpace = async (store: Store, id: string): Promise<void> => {
  if (!(await store.catalog.space(id))) throw new CliError(`There is no space "${id}"; see the spaces with: npm run -s workbook -- space list`, 1);
};

const printInvite = async (store: Store, space: string, role: 'owner' | 'editor' | 'viewer', singleUse: boolean, days: number): Promise<void> => {
  const { token } = await store.catalog.createInvite(space, role, { singleUse, expiresAt: Date.now() + days * DAY_MS });
  console.log(inviteLink(appBaseUrl(), space, token));
  console.error(`This ${singleUse ? 'single-use ' : ''}${role} invite is valid for ${days} day${days === 1 ? '' : 's'}; whoever opens it becomes a member with a personal link.`);
};

const create = (argv: string[]) => {
  const args = parseArgs(argv, { id: { type: 'string' }, name: { type: 'string' }, 'max-workbooks': { type: 'string' }, 'max-bytes': { type: 'string' } }, USAGE.create);
  const id = requireFlag(args, 'id');
  const name = flag(args, 'name') ?? id;
  const workbooks = limitOf(args, 'max-workbooks');
  const bytes = limitOf(args, 'max-bytes');
  return withStore(async (store) => {
    await store.catalog.createSpace(id, name, { workbooks: workbooks ?? null, bytes: bytes ?? null });
    console.error(`Created space "${id}" (${name}). Open this link to become its first owner:`);
    await printInvite(store, id, 'owner', true, 7);
    return 0;
  });
};

const list = (argv: string[]) => {
  parseArgs(argv, {}, USAGE.list);
  return withStore(async (store) => {
    for (const s of await store.catalog.spaces()) {
      const wbs = (await store.catalog.workbooksIn(s.id)).filter((w) => w.trashedAt === null).length;
      const members = (await store.catalog.members(s.id)).length;
      console.log([s.id, s.name, `${wbs} workbooks`, `${members} members`].join('\t'));
    }
    return 0;
  });
};

const invite = (argv: string[]) => {
  const args = parseArgs(argv, { space: { type: 'string' }, role: { type: 'string' }, reusable: { type: 'boolean' }, days: { type: 'string' } }, USAGE.invite);
  const space = requireFlag(args, 'space');
  const role = requireFlag(args, 'role');
  if (!isSpaceRole(role)) throw new CliError(`Unknown role "${role}"; use ${[...SPACE_ROLES].reverse().join(', ')}.`);
  const daysText = flag(args, 'days') ?? '7';
  if (!/^\d{1,4}$/.test(daysText) || Number(daysText) < 1) throw new CliError(`--days takes a whole number of days from 1 to 9999 (got "${daysText}").`);
  return withStore(async (store) => {
    await requireSpace(store, space);
    await printInvite(store, space, role, flag(args, 'reusable') === undefined, Number(daysText));
    return 0;
  });
};

const members = (argv: string[]) => {
  const args = parseArgs(argv, { space: { type: 'string' } }, USAGE.members);
  const space = requireFlag(args, 'space');
  return withStore(async (store) => {
    await requireSpace(store, space);
    for (const m of await store.catalog.members(space)) {
      console.log([m.id, m.role, m.name, m.lastSeenAt === null ? 'never seen' : `last seen ${new Date(m.lastSeenAt).toISOString()}`].join('\t'));
    }
    return 0;
  });
};

const remove = (argv: string[]) => {
  const args = parseArgs(argv, { space: { type: 'string' }, member: { type: 'string' } }, USAGE.remove);
  const space = requireFlag(args, 'space');
  const id = requireFlag(args, 'member');
  return withStore(async (store) => {
    const member = await store.catalog.member(id);
    if (!member || member.space !== space || member.removedAt !== null || !(await store.catalog.removeMember(id))) {
      throw new CliError(`No member "${id}" in space "${space}"; see them with: npm run -s workbook -- space members --space ${space}`, 1);
    }
    console.log(`Removed ${member.name} (${member.role} of "${space}"); a running relay closes their connections within a second.`);
    return 0;
  });
};

const quota = (argv: string[]) => {
  const args = parseArgs(argv, { space: { type: 'string' }, 'max-workbooks': { type: 'string' }, 'max-bytes': { type: 'string' } }, USAGE.quota);
  const space = requireFlag(args, 'space');
  const workbooks = limitOf(args, 'max-workbooks');
  const bytes = limitOf(args, 'max-bytes');
  return withStore(async (store) => {
    await requireSpace(store, space);
    await store.catalog.setQuota(space, { ...(workbooks !== undefined ? { workbooks } : {}), ...(bytes !== undefined ? { bytes } : {}) });
    const q = (await store.catalog.space(space))?.quota;
    console.log(`workbooks: ${q?.workbooks ?? 'no limit'}\tbytes: ${q?.bytes ?? 'no limit'}`);
    return 0;
  });
};

const SUBS: Record<string, (argv: string[]) => Promise<number>> = { create, list, invite, members, remove, quota };

/** `space create|list|invite|members|remove|quota`: see the module comment. */
export const spaceCommand: Command = {
  name: 'space',
  usage: Object.values(USAGE).join('\n  '),
  run: async ([sub, ...rest]) => {
    const run = sub !== undefined && Object.hasOwn(SUBS, sub) ? SUBS[sub] : undefined;
    if (!run) throw new CliError(`Use space ${Object.keys(SUBS).join(', space ')}.\nusage: npm run -s workbook -- ${spaceCommand.usage}`);
    return run(rest);
  },
};
