/**
 * Reading a whole CSV file for an import: every record converted to the typed values of its
 * columns and checked, good rows kept, bad rows listed with their line and reason. Writes nothing;
 * `commitImport` does. Needs no workbook (only the setup), so it can run in a Web Worker.
 */
import type { CellValue } from '../schema/types.ts';
import type { CsvProblem } from './csv-problem.ts';
import { csvProblemText } from './csv-problem.ts';
import { decodeBytes } from './decode-bytes.ts';
import { checkSetup, mappedColumns, type ImportSetup } from './import-setup.ts';
import { parseCellText } from './parse-cell-text.ts';
import { readCsvRows, type CsvRow } from './read-csv-rows.ts';

/** One refused value (or a whole refused record when `column` is missing). */
export interface RowProblem {
  /** 1-based line of the file where the record starts. */
  line: number;
  column?: string;
  /** The reason in English (the CLI's words); `problem` is the same as data, for other languages. */
  message: string;
  problem: CsvProblem;
}

/**
 * A record that was not imported as it is: its fields as the file has them, every reason, and,
 * when only values were at fault, the row with those cells left empty (for "import with those
 * cells blank"); null when the record itself is malformed and nothing of it can be taken.
 */
export interface RejectedRow {
  line: number;
  fields: string[];
  problems: { column?: string; problem: CsvProblem }[];
  blanked: CellValue[] | null;
}

/** Progress of a plan: the share of the file read and the records so far. */
export interface ImportProgress {
  fraction: number;
  records: number;
}

/** Options of a plan: progress, cancel and chunk size. */
export interface PlanOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Characters per chunk (default 2 MiB). */
  chunkSize?: number;
}

/** The checked content of a file, ready to be written by `commitImport`. */
export interface ImportPlan {
  setup: ImportSetup;
  /** The good rows: one value per mapped column, in file order. */
  rows: CellValue[][];
  /** Lines of the good rows (same order as `rows`). */
  lines: number[];
  /** Listed problems (at most `MAX_LISTED`); `badRows` counts every refused record. */
  problems: RowProblem[];
  badRows: number;
  /** Every bad record (not only the listed ones), in file order. */
  rejected: RejectedRow[];
  /** Records read after the header, without empty lines. */
  totalRows: number;
  emptyLines: number;
}

/** Problems past this many are counted but not listed. */
export const MAX_LISTED = 1000;

/** Reads and checks all of `bytes` as `setup` says. Rejects with ImportError or ImportCancelledError. */
export const planImport = async (bytes: Uint8Array, setup: ImportSetup, options: PlanOptions = {}): Promise<ImportPlan> => {
  checkSetup(setup);
  const text = decodeBytes(bytes, setup.encoding);
  const mapped = mappedColumns(setup);
  const width = setup.columns.length;
  const ctxs = mapped.map((m) => ({ dateOrder: m.column.dateOrder }));
  const plan: ImportPlan = { setup, rows: [], lines: [], problems: [], badRows: 0, rejected: [], totalRows: 0, emptyLines: 0 };
  let headerPending = setup.header;
  const refuse = (line: number, problem: CsvProblem, column?: string): void => {
    if (plan.problems.length >= MAX_LISTED) return;
    const message = csvProblemText(problem);
    plan.problems.push(column === undefined ? { line, message, problem } : { line, column, message, problem });
  };
  const reject = (line: number, fields: string[], problem: CsvProblem): void => {
    plan.badRows++;
    refuse(line, problem);
    plan.rejected.push({ line, fields, problems: [{ problem }], blanked: null });
  };
  const take = (row: CsvRow): void => {
    const f = row.fields;
    if (headerPending) {
      headerPending = false;
      return;
    }
    // An empty line, or a record of empty fields only (",,,", as spreadsheets write blank rows).
    if (f.every((x) => x === '')) {
      plan.emptyLines++;
      return;
    }
    plan.totalRows++;
    if (row.quoteCode) return reject(row.line, f, { code: 'malformed', quote: row.quoteCode });
    if (f.length !== width) return reject(row.line, f, { code: 'width', got: f.length, want: width, header: setup.header, delimiter: setup.delimiter });
    const values: CellValue[] = new Array<CellValue>(mapped.length);
    let bad: RejectedRow['problems'] | undefined;
    for (let j = 0; j < mapped.length; j++) {
      const m = mapped[j];
      const ctx = ctxs[j];
      if (!m || !ctx) continue;
      // parseCellText returns only values the model accepts (a unit test holds it to that), and
      // appendRows checks again at commit time, all or nothing.
      const parsed = parseCellText(f[m.index] ?? '', m.into, ctx);
      if (parsed.ok) values[j] = parsed.value;
      else {
        values[j] = null;
        (bad ??= []).push({ column: m.column.header, problem: parsed.problem });
        refuse(row.line, parsed.problem, m.column.header);
      }
    }
    if (bad) {
      plan.badRows++;
      plan.rejected.push({ line: row.line, fields: f, problems: bad, blanked: values });
    } else {
      plan.rows.push(values);
      plan.lines.push(row.line);
    }
  };
  const readOptions: Parameters<typeof readCsvRows>[1] = {
    delimiter: setup.delimiter,
    onRows: (rows) => {
      for (const r of rows) take(r);
    },
    onProgress: (done, total) => options.onProgress?.({ fraction: total ? done / total : 1, records: plan.totalRows }),
  };
  if (options.signal) readOptions.signal = options.signal;
  if (options.chunkSize) readOptions.chunkSize = options.chunkSize;
  await readCsvRows(text, readOptions);
  return plan;
};
