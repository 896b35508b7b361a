/**
 * The catalog (DATA_DIR/catalog.sqlite): which workbooks exist, their names, and the hashes of
 * their access tokens. Workbook content lives in one file per workbook (see WorkbookFile).
 */
import { changedElsewhere, openDb, type Db } from './sqlite.ts';
import { hashToken, looksLikeToken, newToken, tokenId, type Role } from './tokens.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS workbooks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  workbook TEXT NOT NULL REFERENCES workbooks(id),
  role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
  label TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_workbook ON tokens(workbook);
`;

/** A workbook as the catalog knows it. */
export interface WorkbookEntry {
  id: string;
  name: string;
  createdAt: number;
}

/** What a valid token grants. */
export interface Grant {
  tokenId: string;
  workbook: string;
  role: Role;
}

/** A token as listed (never the token itself: only its hash is stored). */
export interface TokenEntry {
  id: string;
  workbook: string;
  role: Role;
  label: string | null;
  createdAt: number;
  revokedAt: number | null;
}

interface TokenRow {
  id: string;
  workbook: string;
  role: Role;
  label: string | null;
  created_at: number;
  revoked_at: number | null;
}

const toEntry = (r: TokenRow): TokenEntry => ({
  id: r.id,
  workbook: r.workbook,
  role: r.role,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** The catalog database. */
export class Catalog {
  private readonly version = { version: -1 };

  private constructor(readonly db: Db) {}

  /** Opens (creating when missing) the catalog at `path`. */
  static open(path: string): Catalog {
    const db = openDb(path, { create: true });
    db.exec(SCHEMA);
    return new Catalog(db);
  }

  close(): void {
    this.db.close();
  }

  /** True when another process (the CLI) changed the catalog since the last call. */
  changedElsewhere(): boolean {
    return changedElsewhere(this.db, this.version);
  }

  /** A flag kept in the catalog (e.g. whether the demo workbook was created). */
  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  workbook(id: string): WorkbookEntry | undefined {
    const row = this.db.prepare('SELECT id, name, created_at FROM workbooks WHERE id = ?').get(id) as
      | { id: string; name: string; created_at: number }
      | undefined;
    return row && { id: row.id, name: row.name, createdAt: row.created_at };
  }

  /** Every workbook, by id. */
  workbooks(): WorkbookEntry[] {
    const rows = this.db.prepare('SELECT id, name, created_at FROM workbooks ORDER BY id').all() as {
      id: string;
      name: string;
      created_at: number;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  /** Registers a workbook whose file has been written. */
  addWorkbook(id: string, name: string): void {
    this.db.prepare('INSERT INTO workbooks (id, name, created_at) VALUES (?, ?, ?)').run(id, name, Date.now());
  }

  /** Records a workbook's current name (shown in listings). */
  setWorkbookName(id: string, name: string): void {
    this.db.prepare('UPDATE workbooks SET name = ? WHERE id = ?').run(name, id);
  }

  /** Creates a token for a workbook and returns it; this is the only time it exists in clear. */
  createToken(workbook: string, role: Role, label?: string): { token: string; id: string } {
    const token = newToken();
    const hash = hashToken(token);
    const id = tokenId(hash);
    this.db
      .prepare('INSERT INTO tokens (id, hash, workbook, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, hash, workbook, role, label ?? null, Date.now());
    return { token, id };
  }

  /** What `token` grants, or undefined when it is unknown or revoked. */
  verify(token: string): Grant | undefined {
    if (!looksLikeToken(token)) return undefined;
    const row = this.db.prepare('SELECT id, workbook, role FROM tokens WHERE hash = ? AND revoked_at IS NULL').get(hashToken(token)) as
      | { id: string; workbook: string; role: Role }
      | undefined;
    return row && { tokenId: row.id, workbook: row.workbook, role: row.role };
  }

  /** True while the token with this id exists and is not revoked. */
  isActive(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM tokens WHERE id = ? AND revoked_at IS NULL').get(id) !== undefined;
  }

  /** The token entry for a token given in clear, or by its id. */
  findToken(tokenOrId: string): TokenEntry | undefined {
    const byHash = looksLikeToken(tokenOrId);
    const row = this.db
      .prepare(`SELECT id, workbook, role, label, created_at, revoked_at FROM tokens WHERE ${byHash ? 'hash' : 'id'} = ?`)
      .get(byHash ? hashToken(tokenOrId) : tokenOrId) as TokenRow | undefined;
    return row && toEntry(row);
  }

  /** Revokes a token by id; returns false when it was not active. */
  revoke(id: string): boolean {
    return this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(Date.now(), id).changes > 0;
  }

  /** The tokens of a workbook, newest first. */
  tokens(workbook: string): TokenEntry[] {
    const rows = this.db
      .prepare('SELECT id, workbook, role, label, created_at, revoked_at FROM tokens WHERE workbook = ? ORDER BY created_at DESC, id')
      .all(workbook) as TokenRow[];
    return rows.map(toEntry);
  }
}
