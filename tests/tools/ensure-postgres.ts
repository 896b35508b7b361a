/**
 * Makes sure Debian's PostgreSQL server is there for the tests that run the store and the relays on
 * PostgreSQL: installs the `postgresql` package when we are root with apt (as ensure-chromium.mjs
 * does for the browser tests), otherwise stops with one sentence saying how to install it. Run by
 * `npm test` before the tests (ensure-servers.ts) and again by tests/support/postgres.ts, where it
 * is then only a check.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall } from './apt-install.ts';

const BASE = '/usr/lib/postgresql';

/** The bin folder (initdb, pg_ctl) of the newest PostgreSQL installed from Debian's packages, or null. */
export const postgresBinDir = (): string | null => {
  const given = process.env.PG_BIN_DIR;
  if (given) return existsSync(join(given, 'initdb')) ? given : null;
  if (!existsSync(BASE)) return null;
  const versions = readdirSync(BASE)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(BASE, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(BASE, versions[0], 'bin');
};

/** Installs PostgreSQL when missing (as root, with apt); returns its bin folder or throws saying what to do. */
export const ensurePostgres = (): string => {
  let bin = postgresBinDir();
  if (bin) return bin;
  // A folder that was named explicitly is not replaced by an installation.
  if (process.env.PG_BIN_DIR) throw new Error(`PG_BIN_DIR=${process.env.PG_BIN_DIR} holds no initdb; point it at the folder of PostgreSQL's server programs, or unset it.`);
  aptInstall(['postgresql'], 'PostgreSQL is missing for the store tests');
  bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'The PostgreSQL tests need the PostgreSQL server: install it with "sudo apt-get update && sudo apt-get install -y postgresql" ' +
        '(or set PG_BIN_DIR to the folder holding initdb and pg_ctl) and run the tests again.',
    );
  }
  return bin;
};
