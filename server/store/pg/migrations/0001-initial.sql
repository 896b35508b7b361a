-- The first layout of the PostgreSQL store: the catalog (workbooks, token hashes, flags), each
-- workbook's snapshot and update log, and compaction claims. Times are milliseconds since 1970.

CREATE TABLE meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

-- `head` is the highest sequence number given to the workbook's updates: an append takes the next
-- ones with UPDATE … SET head = head + n RETURNING head, whose row lock also orders the commits.
CREATE TABLE workbooks (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  created_at bigint NOT NULL,
  head       bigint NOT NULL DEFAULT 0
);

-- The snapshot includes every update with seq <= upto.
CREATE TABLE snapshots (
  workbook text PRIMARY KEY REFERENCES workbooks(id) ON DELETE CASCADE,
  upto     bigint NOT NULL,
  data     bytea NOT NULL
);

CREATE TABLE updates (
  workbook text NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
  seq      bigint NOT NULL,
  data     bytea NOT NULL,
  PRIMARY KEY (workbook, seq)
);

-- One row per workbook; a relay claims it (FOR UPDATE SKIP LOCKED) to fold the log into the snapshot.
CREATE TABLE compaction_claims (
  workbook text PRIMARY KEY REFERENCES workbooks(id) ON DELETE CASCADE,
  owner    text,
  until_ms bigint NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
  id         text PRIMARY KEY,
  hash       text NOT NULL UNIQUE,
  workbook   text NOT NULL REFERENCES workbooks(id),
  role       text NOT NULL CHECK (role IN ('editor', 'viewer')),
  label      text,
  created_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX tokens_workbook ON tokens(workbook);

-- Bumped with every catalog change, so a relay that missed a notification finds out by polling.
CREATE TABLE catalog_version (
  one     boolean PRIMARY KEY DEFAULT true CHECK (one),
  version bigint NOT NULL
);
INSERT INTO catalog_version (version) VALUES (0);
