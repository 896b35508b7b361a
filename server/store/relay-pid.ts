/**
 * DATA_DIR/relay.pid: written by a relay on SQLite while it runs, so that commands that must not
 * run beside it (`migrate --to`) can tell. A file left by a relay that was killed names a process
 * that no longer exists, and is ignored.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'relay.pid';

/** Records this process as the relay of `dataDir`; returns the way to remove the record. */
export const writeRelayPid = (dataDir: string): (() => void) => {
  const path = join(dataDir, FILE);
  writeFileSync(path, `${process.pid}\n`, { mode: 0o600 });
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
    } catch {
      // already gone
    }
  };
};

/** The pid of a relay running on `dataDir`, or null when none is. */
export const runningRelayPid = (dataDir: string): number | null => {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: it exists, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
};
