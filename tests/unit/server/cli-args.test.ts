/**
 * CLI arguments: every command takes only the flags it names; an unknown flag, a flag without its
 * value or a value given to a flag that takes none stops the command (exit code 2) with its usage
 * line, before anything is read or written.
 */
import { describe, expect, test } from 'vitest';
import { CliError, parseArgs } from '../../../server/cli/args.ts';
import { COMMANDS } from '../../../server/cli/commands.ts';

/** The CliError `run` rejects with (a test failure when it resolves or throws something else). */
const refusal = async (run: () => Promise<number>): Promise<CliError> => {
  try {
    await run();
  } catch (err) {
    if (err instanceof CliError) return err;
    throw err;
  }
  throw new Error('the command ran');
};

/** Each command (and token subcommand) with flags that would be enough to run it. */
const CASES: { command: string; argv: string[]; valueFlag?: string; usage: RegExp }[] = [
  { command: 'create', argv: ['--workbook', 'w'], valueFlag: '--template', usage: /usage: npm run -s workbook -- create --workbook ID/ },
  {
    command: 'token',
    argv: ['create', '--workbook', 'w', '--role', 'editor'],
    valueFlag: '--label',
    usage: /usage: npm run -s workbook -- token create --workbook ID/,
  },
  { command: 'token', argv: ['revoke', 'owb_x'], valueFlag: '--id', usage: /usage: npm run -s workbook -- token revoke TOKEN/ },
  { command: 'token', argv: ['list', '--workbook', 'w'], valueFlag: '--workbook', usage: /usage: npm run -s workbook -- token list --workbook ID/ },
  { command: 'eval', argv: ['=1+2'], valueFlag: '--workbook', usage: /usage: npm run -s workbook -- eval \[--workbook ID\]/ },
  { command: 'export', argv: ['--workbook', 'w', '--out', 'x'], valueFlag: '--sheet', usage: /usage: npm run -s workbook -- export --workbook ID --out DIR/ },
  {
    command: 'import',
    argv: ['--workbook', 'w', '--sheet', 'S', 'f.csv'],
    valueFlag: '--type',
    usage: /usage: npm run -s workbook -- import --workbook ID --sheet NAME/,
  },
  { command: 'backup', argv: ['--workbook', 'w', '--out', 'f'], valueFlag: '--out', usage: /usage: npm run -s workbook -- backup --workbook ID --out FILE/ },
  { command: 'restore', argv: ['--workbook', 'w', 'f'], valueFlag: '--in', usage: /usage: npm run -s workbook -- restore --workbook ID/ },
  { command: 'restore', argv: ['--workbook', 'w', '--to', '2026-03-04T14:31Z'], valueFlag: '--to', usage: /\n {2}restore --workbook ID --to TIME \[--dry-run\] \[--by NAME\]/ },
  { command: 'history', argv: ['--workbook', 'w'], valueFlag: '--workbook', usage: /usage: npm run -s workbook -- history --workbook ID \[--json\]/ },
  {
    command: 'revert',
    argv: ['--workbook', 'w', '--device', 'Mallory', '--since', '2026-03-04 14:31'],
    valueFlag: '--device',
    usage: /usage: npm run -s workbook -- revert --workbook ID --device NAME\|CLIENT \[--device …\] --since TIME/,
  },
  { command: 'repair-catalog', argv: [], usage: /usage: npm run -s workbook -- repair-catalog/ },
  { command: 'owners', argv: ['--workbook', 'w'], valueFlag: '--workbook', usage: /usage: npm run -s workbook -- owners --workbook ID/ },
  { command: 'space', argv: ['create', '--id', 's'], valueFlag: '--max-workbooks', usage: /usage: npm run -s workbook -- space create --id ID/ },
  { command: 'space', argv: ['list'], usage: /usage: npm run -s workbook -- space list/ },
  { command: 'space', argv: ['invite', '--space', 's', '--role', 'editor'], valueFlag: '--days', usage: /usage: npm run -s workbook -- space invite --space ID/ },
  { command: 'space', argv: ['members', '--space', 's'], valueFlag: '--space', usage: /usage: npm run -s workbook -- space members --space ID/ },
  { command: 'space', argv: ['remove', '--space', 's', '--member', 'm'], valueFlag: '--member', usage: /usage: npm run -s workbook -- space remove --space ID/ },
  { command: 'space', argv: ['quota', '--space', 's'], valueFlag: '--max-bytes', usage: /usage: npm run -s workbook -- space quota --space ID/ },
  { command: 'migrate', argv: ['--to', 'postgres://127.0.0.1/none'], valueFlag: '--to', usage: /usage: npm run -s workbook -- migrate --to/ },
];

/** The cases of commands that take a flag with a value. */
const WITH_VALUES = CASES.flatMap((c) => (c.valueFlag === undefined ? [] : [{ ...c, valueFlag: c.valueFlag }]));

const commandOf = (name: string) => {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new Error(`no command ${name}`);
  return c;
};

describe('every command refuses what it does not take', () => {
  test('each command is covered here', () => {
    expect(new Set(CASES.map((c) => c.command))).toEqual(new Set(COMMANDS.map((c) => c.name)));
  });

  test.each(CASES)('$command $argv.0: an unknown flag is an error with the usage line (exit 2)', async ({ command, argv, usage }) => {
    for (const bogus of [['--bogus'], ['--bogus=1'], ['-x'], ['--workbok', 'w']]) {
      const err = await refusal(() => commandOf(command).run([...argv, ...bogus]));
      expect(err.exitCode).toBe(2);
      expect(err.message).toMatch(/^Unknown option -{1,2}\w+\.\n/);
      expect(err.message).toMatch(usage);
    }
  });

  test.each(WITH_VALUES)('$command $argv.0: $valueFlag without its value is an error with the usage line', async ({ command, argv, valueFlag, usage }) => {
    const err = await refusal(() => commandOf(command).run([...argv, valueFlag]));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/needs a value\.\n/);
    expect(err.message).toMatch(usage);
  });
});

describe('the history commands refuse what does not go together, before anything is read', () => {
  test.each([
    { command: 'restore', argv: ['--workbook', 'w', '--to', '2026-03-04', 'backup.ywb'], says: 'Give either a backup FILE or --to TIME, not both.', code: 2 },
    { command: 'restore', argv: ['--workbook', 'w', '--to', '2026-03-04', '--replace'], says: 'Give either a backup FILE or --to TIME, not both.', code: 2 },
    { command: 'restore', argv: ['--workbook', 'w', '--dry-run', 'backup.ywb'], says: '--dry-run goes with --to TIME, not with a backup file.', code: 2 },
    { command: 'restore', argv: ['--workbook', 'w', '--to', 'noon'], says: '--to: "noon" is not a time', code: 2 },
    { command: 'restore', argv: ['--workbook', 'w', '--to', '2026-02-30'], says: '--to: "2026-02-30" is not a time', code: 2 },
    { command: 'revert', argv: ['--workbook', 'w', '--since', '2026-03-04'], says: '--device is required', code: 2 },
    { command: 'revert', argv: ['--workbook', 'w', '--device', 'x'], says: '--since is required.', code: 2 },
    { command: 'revert', argv: ['--workbook', 'w', '--device', 'x', '--since', '2026-03-04', 'extra'], says: 'revert takes no file or other words (extra).', code: 2 },
    { command: 'history', argv: [], says: '--workbook is required.', code: 2 },
  ])('$command $argv', async ({ command, argv, says, code }) => {
    const err = await refusal(() => commandOf(command).run(argv));
    expect(err.message).toContain(says);
    expect(err.exitCode).toBe(code);
  });
});

describe('parsing', () => {
  const spec = { out: { type: 'string' }, 'no-bom': { type: 'boolean' }, type: { type: 'string', multiple: true } } as const;

  test('values as --flag VALUE or --flag=VALUE, repeatable flags in order, booleans, and positionals', () => {
    const a = parseArgs(['--out', 'dir', 'file.csv', '--type=A=text', '--type', 'B=date', '--no-bom'], spec, 'x');
    expect(a.positional).toEqual(['file.csv']);
    expect(a.flags.get('out')).toEqual(['dir']);
    expect(a.flags.get('type')).toEqual(['A=text', 'B=date']);
    expect(a.flags.get('no-bom')).toEqual(['true']);
  });

  test('after --, everything is positional, even what looks like a flag', () => {
    expect(parseArgs(['--out', 'd', '--', '--bogus', '-1'], spec, 'x').positional).toEqual(['--bogus', '-1']);
  });

  test.each([
    [['--no-bom=yes'], '--no-bom takes no value.'],
    [['--out', '-x'], 'A value of --out that starts with "-" must be written --out=VALUE.'],
    [['--out'], '--out needs a value.'],
  ])('%j is refused with a sentence and the usage line', (argv, sentence) => {
    let caught: unknown;
    try {
      parseArgs(argv, spec, 'thing --out DIR');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).message).toBe(`${sentence}\nusage: npm run -s workbook -- thing --out DIR`);
    expect((caught as CliError).exitCode).toBe(2);
  });
});
