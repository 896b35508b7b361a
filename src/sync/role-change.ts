/**
 * A role an owner changed while a workbook's page was open: the page opens again with it (the
 * grid, menus and model all take their read-only state when the page is made), and says so once
 * it has. The change is kept for that one reload in sessionStorage; the workbook list keeps the new
 * role, so the next visit opens with it too. Edits made as an editor that the relay did not take
 * stay in this browser (IndexedDB) and in its count of edits not on the server.
 */
import { remember, type Access } from './registry.ts';

/** What changed, shown after the reload. */
export interface RoleChange {
  from: Access;
  to: Access;
}

const KEY = 'wb-role-changed:';

/** Records the change and opens the page again with the new role. */
export const reopenWithRole = (id: string, change: RoleChange): void => {
  remember({ id, access: change.to });
  try {
    sessionStorage.setItem(KEY + id, JSON.stringify(change));
  } catch {
    // Private mode without storage: the page still switches; the notice is what is lost.
  }
  location.reload();
};

const isAccess = (v: unknown): v is Access => v === 'editor' || v === 'viewer' || v === 'local';

/** The change recorded for workbook `id` before this page opened, once (it is forgotten as it is read). */
export const takeRoleChange = (id: string): RoleChange | null => {
  try {
    const raw = sessionStorage.getItem(KEY + id);
    sessionStorage.removeItem(KEY + id);
    const v = raw === null ? null : (JSON.parse(raw) as Partial<RoleChange> | null);
    return v && isAccess(v.from) && isAccess(v.to) ? { from: v.from, to: v.to } : null;
  } catch {
    return null;
  }
};
