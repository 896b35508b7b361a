/** The CLI's commands, one module each. */

/** A CLI command. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
}

export const COMMANDS: Command[] = [];
