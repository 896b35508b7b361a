/** The CLI's commands, one module each. */
import { backupCommand } from './backup.ts';
import { createCommand } from './create.ts';
import { evalCommand } from './eval.ts';
import { exportCommand } from './export.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { restoreCommand } from './restore.ts';
import { revertCommand } from './revert.ts';
import { tokenCommand } from './token.ts';

/** A CLI command. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [createCommand, tokenCommand, evalCommand, exportCommand, importCommand, backupCommand, restoreCommand, historyCommand, revertCommand];
