/** Who may open a workbook: the one check behind the websocket upgrade and the HTTP API. */
import type { Role } from './store/tokens.ts';
import type { Store } from './store/contract.ts';
import { isWorkbookId } from './store/workbook-id.ts';

/** The outcome of an access check. */
export type Access =
  | { ok: true; workbook: string; role: Role; tokenId: string | null }
  | { ok: false; status: 400 | 401 | 404; message: string };

/**
 * Checks `token` for `workbook`. Missing, unknown, revoked and other-workbook tokens all get the
 * same 401 (a caller learns nothing about which workbooks exist). Without auth (--no-auth, loopback
 * only) everyone is an editor of every existing workbook.
 */
export const checkAccess = async (store: Store, auth: boolean, workbook: string, token: string | null | undefined): Promise<Access> => {
  if (!isWorkbookId(workbook)) return { ok: false, status: 400, message: 'That is not a workbook id.' };
  if (!auth) {
    return (await store.catalog.has(workbook))
      ? { ok: true, workbook, role: 'editor', tokenId: null }
      : { ok: false, status: 404, message: `There is no workbook "${workbook}".` };
  }
  const grant = token ? await store.catalog.verify(token) : undefined;
  if (!grant || grant.workbook !== workbook) {
    return { ok: false, status: 401, message: 'A valid token for this workbook is needed; ask an editor of the workbook for a link.' };
  }
  return { ok: true, workbook, role: grant.role, tokenId: grant.tokenId };
};
