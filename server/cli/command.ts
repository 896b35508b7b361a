/** The shape of a CLI command (each command module exports one; commands.ts lists them). */

/** A CLI command. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
}
