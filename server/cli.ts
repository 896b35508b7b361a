/**
 * The CLI: `npm run -s workbook -- <command> …`. Each command lives in server/cli/<command>.ts and
 * is listed in server/cli/commands.ts. DATA_DIR comes from the environment, as for the relay.
 */
import { COMMANDS } from './cli/commands.ts';
import { CliError } from './cli/args.ts';

const usage = (): string =>
  ['usage: npm run -s workbook -- <command> [options]', '', 'commands:', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n');

const main = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof CliError) {
      console.error(err.message);
      return err.exitCode;
    }
    throw err;
  }
};

process.exitCode = await main(process.argv.slice(2));
