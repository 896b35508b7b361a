/** The CLI's commands, one module each. */
import { backupCommand } from './backup.ts';
import type { Command } from './command.ts';
import { createCommand } from './create.ts';
import { evalCommand } from './eval.ts';
import { exportCommand } from './export.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { ownersCommand } from './owners.ts';
import { repairCatalogCommand } from './repair-catalog.ts';
import { restoreCommand } from './restore.ts';
import { revertCommand } from './revert.ts';
import { spaceCommand } from './space.ts';
import { tokenCommand } from './token.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [createCommand, spaceCommand, tokenCommand, evalCommand, exportCommand, importCommand, backupCommand, restoreCommand, historyCommand, revertCommand, repairCatalogCommand, ownersCommand, migrateCommand];
