/**
 * The rows of the catalog's workbooks and tokens tables, as both catalogs (SQLite and PostgreSQL)
 * read them, and the entries of the Store contract made from them.
 */
import type { TokenEntry, WorkbookEntry } from './contract.ts';
import type { Role } from './tokens.ts';

/** A row of the workbooks table. */
export interface WorkbookRow {
  id: string;
  name: string;
  created_at: number;
  space: string | null;
  trashed_at: number | null;
  changed_at: number | null;
  changed_by: string | null;
  bytes: number | null;
}

/** The columns a WorkbookRow is selected with. */
export const WORKBOOK_COLUMNS = 'id, name, created_at, space, trashed_at, changed_at, changed_by, bytes';

/** A workbook's catalog entry. */
export const toWorkbook = (r: WorkbookRow): WorkbookEntry => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  space: r.space,
  trashedAt: r.trashed_at,
  changedAt: r.changed_at,
  changedBy: r.changed_by,
  bytes: r.bytes,
});

/** A row of the tokens table (never its hash). */
export interface TokenRow {
  id: string;
  workbook: string;
  role: Role;
  label: string | null;
  created_at: number;
  revoked_at: number | null;
}

/** The columns a TokenRow is selected with. */
export const TOKEN_COLUMNS = 'id, workbook, role, label, created_at, revoked_at';

/** A token's catalog entry. */
export const toTokenEntry = (r: TokenRow): TokenEntry => ({
  id: r.id,
  workbook: r.workbook,
  role: r.role,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});
