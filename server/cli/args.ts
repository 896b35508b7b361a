/**
 * Argument parsing for the CLI commands, on node:util's parseArgs in strict mode: each command
 * names the flags it takes, and anything else (an unknown flag, a missing value, a value given to
 * a flag that takes none) is an error that shows the command's usage line — never ignored.
 */
import { resolve } from 'node:path';
import { parseArgs as parseStrict } from 'node:util';

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

/** The flags a command takes: a value (`string`) or none (`boolean`); `multiple` when it may repeat. */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

export interface ParsedArgs {
  positional: string[];
  /** Every value given for each flag, in order (`--type A=text --type B=date`); "true" for a flag without value. */
  flags: Map<string, string[]>;
}

/** The option node:util names in its error message ('--out' in "Option '--out <value>' argument missing"). */
const optionIn = (message: string): string => /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? 'an option';

/** A sentence for an error of node:util's parseArgs. */
const sentenceFor = (err: Error & { code?: string }): string => {
  const option = optionIn(err.message);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${option}.`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (err.message.includes('argument missing')) return `${option} needs a value.`;
    if (err.message.includes('does not take an argument')) return `${option} takes no value.`;
    if (err.message.includes('ambiguous')) return `A value of ${option} that starts with "-" must be written ${option}=VALUE.`;
  }
  return err.message;
};

/**
 * Parses `argv` against the flags in `spec`; anything else throws a CliError (exit code 2) that
 * ends with the usage line: `program` and `usage`, the command's. `--` ends the flags: what
 * follows is positional.
 */
export const parseArgs = (argv: readonly string[], spec: FlagSpec, usage: string, program = 'npm run -s workbook --'): ParsedArgs => {
  let parsed: ReturnType<typeof parseStrict>;
  try {
    parsed = parseStrict({ args: [...argv], options: spec, strict: true, allowPositionals: true });
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    throw new CliError(`${sentenceFor(err)}\nusage: ${program} ${usage}`);
  }
  const flags = new Map<string, string[]>();
  for (const [key, value] of Object.entries(parsed.values)) {
    const values: (string | boolean | undefined)[] = Array.isArray(value) ? value : [value];
    flags.set(key, values.flatMap((v) => (v === undefined ? [] : [String(v)])));
  }
  return { positional: parsed.positionals, flags };
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
