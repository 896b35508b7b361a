/**
 * The rejected rows of an import as a CSV file to download (or `--rejected FILE` from the CLI):
 * each row's line in the imported file, what happened to it, why, then its values as the file had
 * them, under the file's own header. Corrected, the values can be imported again. Written as the
 * export writes (UTF-8 with BOM, CRLF, text that would start a formula prefixed with ').
 */
import type { ImportChoice } from './commit-import.ts';
import { csvFieldEncoder } from './csv-field.ts';
import { protectText } from './csv-injection.ts';
import { CSV_PROBLEM_EN, csvProblemText, type CsvProblem } from './csv-problem.ts';
import type { ImportPlan } from './plan-import.ts';

/** The words of the file, in the language it is written in. */
export interface RejectedRowsWords {
  line: string;
  result: string;
  reason: string;
  /** The row was left out. */
  notImported: string;
  /** The row was imported with the cells named in its reason left blank. */
  importedBlank: string;
  describe: (p: CsvProblem) => string;
}

/** The file's words in English (the CLI's). */
export const REJECTED_ROWS_EN: RejectedRowsWords = {
  line: 'Line',
  result: 'Result',
  reason: 'Reason',
  notImported: 'not imported',
  importedBlank: 'imported, these cells left blank',
  describe: (p) => csvProblemText(p, CSV_PROBLEM_EN),
};

/** The rejected rows of `plan` (as `choice` treats them) as CSV text, header first; null when there are none. */
export const rejectedRowsCsv = (plan: Pick<ImportPlan, 'rejected' | 'setup'>, choice: ImportChoice, words: RejectedRowsWords = REJECTED_ROWS_EN): string | null => {
  if (plan.rejected.length === 0) return null;
  const field = csvFieldEncoder(',');
  const line = (cells: readonly string[]): string => cells.map((c) => field(protectText(c))).join(',');
  const headers = plan.setup.columns.map((c) => c.header);
  const out = [line([words.line, words.result, words.reason, ...headers])];
  for (const r of plan.rejected) {
    const blank = choice === 'blank-bad-cells' && r.blanked !== null;
    const reason = r.problems.map((p) => (p.column === undefined ? words.describe(p.problem) : `${p.column}: ${words.describe(p.problem)}`)).join('; ');
    out.push(line([String(r.line), blank ? words.importedBlank : words.notImported, reason, ...r.fields]));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
};
