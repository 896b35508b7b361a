/**
 * Members in the ownership record of client ids (issue #17 with #16 part 4): a connection made with
 * a member's personal token writes as `member:<memberId>/<its device or token>`, so the relay's
 * record names the member, and the history (the app's and the CLI's) shows the name the relay
 * knows for them rather than the one the browser claims. The device stays in the owner: another
 * device of the same member still cannot write under this one's client ids.
 */
import type { ClientOwner, MemberGrant, Store } from '../store/contract.ts';
import { publicOwner, type PublicOwner } from '../relay/client-owners.ts';

const MEMBER = /^member:([^/]+)\/(.+)$/;

/** Who a connection writes as: its device, else its token (without auth: one anonymous owner), bound to the member when a member token is used. */
export const connectionOwner = (device: string | undefined, tokenId: string | null, member: MemberGrant | null): string => {
  const base = device ?? (tokenId !== null ? `token:${tokenId}` : 'anonymous');
  return member ? `member:${member.memberId}/${base}` : base;
};

/** The member id an owner names, or null when it is not a member's. */
export const memberOfOwner = (owner: string): string | null => MEMBER.exec(owner)?.[1] ?? null;

/** An owner as the API lists it: a member's with the member's name as the catalog has it now. */
export interface NamedOwner extends Omit<PublicOwner, 'kind'> {
  clientId: number;
  kind: PublicOwner['kind'] | 'member';
  /** The member's name (kind `member` only). */
  name?: string;
}

/** The names of the members that own client ids, read once per member. */
export const memberNames = async (store: Store, owners: readonly ClientOwner[]): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  for (const { owner } of owners) {
    const id = memberOfOwner(owner);
    if (id === null || names.has(id)) continue;
    const m = await store.catalog.member(id);
    names.set(id, m ? m.name : '');
  }
  return names;
};

/** The public form of each owner, with members' names (the tag tells a member's devices apart). */
export const namedOwners = async (store: Store, owners: readonly ClientOwner[]): Promise<NamedOwner[]> => {
  const names = await memberNames(store, owners);
  return owners.map(({ clientId, owner }) => {
    const m = MEMBER.exec(owner);
    if (!m?.[1] || !m[2]) return { clientId, ...publicOwner(owner) };
    return { clientId, kind: 'member', tag: publicOwner(m[2]).tag, name: names.get(m[1]) ?? '' };
  });
};
