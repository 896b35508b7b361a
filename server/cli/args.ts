/** Small argument parsing for the CLI commands: `--flag value`, `--flag=value`, repeated flags, positionals. */
import { resolve } from 'node:path';

/** A usage or input error: printed as one sentence, exit code 2 unless said otherwise. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  positional: string[];
  /** Every value given for each flag, in order (`--type A=text --type B=date`). */
  flags: Map<string, string[]>;
}

/** Parses `argv`; `booleans` names flags that take no value. */
export const parseArgs = (argv: readonly string[], booleans: readonly string[] = []): ParsedArgs => {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) add(key, a.slice(eq + 1));
      else if (booleans.includes(key)) add(key, 'true');
      else {
        const v = argv[i + 1];
        if (v === undefined) throw new CliError(`--${key} needs a value.`);
        add(key, v);
        i++;
      }
    } else positional.push(a);
  }
  return { positional, flags };
};

/** The last value of a flag, or undefined. */
export const flag = (a: ParsedArgs, name: string): string | undefined => a.flags.get(name)?.at(-1);

/** The value of a required flag; a CliError naming it when missing. */
export const requireFlag = (a: ParsedArgs, name: string): string => {
  const v = flag(a, name);
  if (v === undefined || v === '') throw new CliError(`--${name} is required.`);
  return v;
};

/**
 * A path the person typed, read from the folder they typed it in: `npm run` starts the command in
 * the project folder and says in INIT_CWD where it was called from.
 */
export const userPath = (path: string): string => resolve(process.env.INIT_CWD || process.cwd(), path);
