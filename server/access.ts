/**
 * Who may open a workbook or act in a space: the one check behind the websocket upgrade and the
 * HTTP API. A workbook opens with one of its own tokens (links for people outside a space), or
 * with the personal token of a member of its space; nothing of one space opens with a token of
 * another. A workbook in the trash opens for nobody until it is restored.
 */
import type { Role } from './store/tokens.ts';
import type { MemberGrant, Store } from './store/contract.ts';
import { atLeast, type SpaceRole } from './store/space-roles.ts';
import { isWorkbookId } from './store/workbook-id.ts';

/** The outcome of an access check. */
export type Access =
  | { ok: true; workbook: string; role: Role; tokenId: string | null; member: MemberGrant | null }
  | { ok: false; status: 400 | 401 | 404 | 410; message: string };

const DENIED = 'A valid token for this workbook is needed; ask an editor of the workbook for a link.';

/** What a workbook in the trash answers to those who could open it. */
export const TRASHED_MESSAGE = 'This workbook is in the trash of its space; an editor of the space can restore it from the start page.';

/**
 * Checks `token` for `workbook`. Missing, unknown, revoked and other-workbook (or other-space)
 * tokens all get the same 401 (a caller learns nothing about which workbooks exist). Without auth
 * (--no-auth, loopback only) everyone is an editor of every existing workbook.
 */
export const checkAccess = async (store: Store, auth: boolean, workbook: string, token: string | null | undefined): Promise<Access> => {
  if (!isWorkbookId(workbook)) return { ok: false, status: 400, message: 'That is not a workbook id.' };
  if (!auth) {
    const entry = await store.catalog.workbook(workbook);
    if (!entry) return { ok: false, status: 404, message: `There is no workbook "${workbook}".` };
    if (entry.trashedAt !== null) return { ok: false, status: 410, message: TRASHED_MESSAGE };
    return { ok: true, workbook, role: 'editor', tokenId: null, member: null };
  }
  if (!token) return { ok: false, status: 401, message: DENIED };
  const grant = await store.catalog.verify(token);
  const member = grant ? undefined : await store.catalog.verifyMember(token);
  if (!grant && !member) return { ok: false, status: 401, message: DENIED };
  if (grant && grant.workbook !== workbook) return { ok: false, status: 401, message: DENIED };
  const entry = await store.catalog.workbook(workbook);
  if (!entry || (member && entry.space !== member.space)) return { ok: false, status: 401, message: DENIED };
  if (entry.trashedAt !== null) return { ok: false, status: 410, message: TRASHED_MESSAGE };
  if (grant) return { ok: true, workbook, role: grant.role, tokenId: grant.tokenId, member: null };
  const m = member as MemberGrant;
  return { ok: true, workbook, role: m.role === 'viewer' ? 'viewer' : 'editor', tokenId: m.memberId, member: m };
};

/** The outcome of a check for a space. */
export type SpaceAccess =
  | { ok: true; space: string; role: SpaceRole; member: MemberGrant | null }
  | { ok: false; status: 401 | 403 | 404; message: string };

const NEEDS = { viewer: 'a member', editor: 'an editor or an owner', owner: 'an owner' } as const;

/**
 * Checks a member token for `space` and the role `needed`. An unknown token, a removed member and
 * a member of another space all get the same 401; a member whose role is too weak gets a 403
 * saying which role is needed. Without auth everyone is an owner of every existing space.
 */
export const checkSpaceAccess = async (store: Store, auth: boolean, space: string, token: string | null | undefined, needed: SpaceRole): Promise<SpaceAccess> => {
  if (!auth) {
    return (await store.catalog.space(space))
      ? { ok: true, space, role: 'owner', member: null }
      : { ok: false, status: 404, message: `There is no space "${space}".` };
  }
  const member = token ? await store.catalog.verifyMember(token) : undefined;
  if (!member || member.space !== space) return { ok: false, status: 401, message: 'A personal link of a member of this space is needed; ask an owner of the space for an invite.' };
  if (!atLeast(member.role, needed)) return { ok: false, status: 403, message: `Only ${NEEDS[needed]} of this space can do that.` };
  return { ok: true, space, role: member.role, member };
};
