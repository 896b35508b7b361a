/**
 * `eval "=EXPR" ["=EXPR" …]`: prints one JSON line per formula, in order — `{"value":…,"type":…}`
 * or `{"error":"#DIV/0!","message":…}`; a formula that does not type-check prints
 * `{"error":"#TYPE!","message":…}` and the command exits 1. Dates print as YYYY-MM-DD.
 * With `--workbook ID` the formulas read that stored workbook (DATA_DIR, as the relay), and
 * DATEVALUE reads dates such as 10/01/2027 in its regional order; without it, month first (en-US).
 */
import { EMPTY_SOURCE, evaluateInWorkbook, type FormulaSource, type ValueJSON } from '../../src/formula/index.ts';
import { loadWorkbook } from '../store/stored-workbook.ts';
import { CliError, flag, parseArgs } from './args.ts';
import { warnAboutStored, withStore } from './open-store.ts';
import type { Command } from './command.ts';

/** Evaluates formulas against a source: the JSON lines to print and the exit code. */
export const evalLines = (source: FormulaSource, formulas: readonly string[]): { lines: string[]; code: number } => {
  const results: ValueJSON[] = evaluateInWorkbook(source, formulas.map((f) => (f.trimStart().startsWith('=') ? f : `=${f}`)));
  return {
    lines: results.map((r) => JSON.stringify(r)),
    code: results.some((r) => 'error' in r && r.error === '#TYPE!') ? 1 : 0,
  };
};

/** The `eval` command. */
export const evalCommand: Command = {
  name: 'eval',
  usage: 'eval [--workbook ID] "=EXPR" ["=EXPR" …]   evaluate formulas (against a stored workbook), one JSON line each',
  run: async (argv) => {
    const args = parseArgs(argv, { workbook: { type: 'string' } }, evalCommand.usage);
    if (args.positional.length === 0) throw new CliError('Give at least one formula to evaluate, for example: eval "=1+2".');
    const id = flag(args, 'workbook');
    // With --workbook, formulas read the stored workbook's sheets: =SUM(Inventory[Stock value]).
    const source =
      id === undefined
        ? EMPTY_SOURCE
        : await withStore(async (store) => {
            const wb = await loadWorkbook(store, id);
            warnAboutStored(wb, id);
            return wb;
          });
    const { lines, code } = evalLines(source, args.positional);
    for (const l of lines) console.log(l);
    return code;
  },
};
