/** The CLI's commands, one module each. */
import { evalCommand } from './eval.ts';

/** A CLI command. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
}

export const COMMANDS: Command[] = [evalCommand];
