-- The owners of Yjs client ids (issue #16 part 4) and team spaces (issue #17), as the SQLite store
-- keeps them (client_owners in each workbook file; catalog format 2). Times are milliseconds since 1970.

-- One owner per client id of a workbook: the primary key makes a second owner impossible, also
-- when two relays record one at the same time. Compaction leaves these rows alone.
CREATE TABLE client_owners (
  workbook  text NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
  client_id bigint NOT NULL,
  owner     text NOT NULL,
  at        bigint NOT NULL,
  PRIMARY KEY (workbook, client_id)
);

CREATE TABLE spaces (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  created_at    bigint NOT NULL,
  max_workbooks bigint,
  max_bytes     bigint
);

-- A member's token is stored only as its hash; `id` is what their connections carry.
CREATE TABLE members (
  id           text PRIMARY KEY,
  hash         text NOT NULL UNIQUE,
  space        text NOT NULL REFERENCES spaces(id),
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  created_at   bigint NOT NULL,
  last_seen_at bigint,
  removed_at   bigint
);
CREATE INDEX members_space ON members(space);

-- A single-use invite is taken with one conditional UPDATE (uses = 0 … RETURNING): of two
-- acceptances at once, the second waits for the first's row lock and then finds it used.
CREATE TABLE invites (
  id         text PRIMARY KEY,
  hash       text NOT NULL UNIQUE,
  space      text NOT NULL REFERENCES spaces(id),
  role       text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  single_use boolean NOT NULL,
  expires_at bigint,
  created_at bigint NOT NULL,
  uses       integer NOT NULL DEFAULT 0,
  revoked_at bigint,
  -- The order they were made in: of two made in the same millisecond, the later is listed first.
  made       bigserial NOT NULL
);
CREATE INDEX invites_space ON invites(space);

ALTER TABLE workbooks
  ADD COLUMN space      text REFERENCES spaces(id),
  ADD COLUMN trashed_at bigint,
  ADD COLUMN changed_at bigint,
  ADD COLUMN changed_by text,
  ADD COLUMN bytes      bigint;
CREATE INDEX workbooks_space ON workbooks(space);

-- A database that already holds workbooks gets the default space with all of them in it, as an
-- older SQLite data folder does (no owner yet: `space invite --role owner` makes the first).
INSERT INTO spaces (id, name, created_at)
  SELECT 'team', 'Team', (extract(epoch from clock_timestamp()) * 1000)::bigint WHERE EXISTS (SELECT 1 FROM workbooks);
UPDATE workbooks SET space = 'team';
