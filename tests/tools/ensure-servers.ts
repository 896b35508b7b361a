/**
 * Run by `npm test` before the tests (so apt runs once, not from test files in parallel): the
 * servers some tests run for real, PostgreSQL and nginx, installed from Debian when missing.
 */
import { ensureNginx } from './ensure-nginx.ts';
import { ensurePostgres } from './ensure-postgres.ts';

try {
  ensurePostgres();
  ensureNginx();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
