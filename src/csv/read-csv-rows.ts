/**
 * Reading CSV text with papaparse in chunks: each row with the physical line it starts on, the
 * event loop given back between chunks (so a Web Worker can take a cancel message), progress, and
 * cancel through an AbortSignal.
 */
import Papa from 'papaparse';
import type { Delimiter } from './csv-field.ts';
import { ImportCancelledError } from './import-errors.ts';

/** One record of the file: its fields and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
  /** Set when papaparse found a malformed quote in this record (a sentence). */
  quoteProblem?: string;
  /** Which quote problem: a quoted value never closed, or a stray quote inside a value. */
  quoteCode?: 'MissingQuotes' | 'InvalidQuotes';
}

/** Options of a chunked read. */
export interface ReadCsvOptions {
  delimiter: Delimiter;
  /** Characters per chunk (default 2 MiB). */
  chunkSize?: number;
  signal?: AbortSignal;
  /** Called with the records of each chunk, in file order. */
  onRows: (rows: CsvRow[]) => void;
  /** Called after each chunk with the characters read so far and in all. */
  onProgress?: (done: number, total: number) => void;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted value is never closed (a " is missing), so the rest of the file was read as part of it',
  InvalidQuotes: 'a quote inside a value is not doubled ("" stands for one ")',
};

/** Line breaks inside the fields of one record (CRLF counts once), so line numbers stay physical. */
export const lineBreaks = (fields: readonly string[]): number => {
  let n = 0;
  for (const f of fields) {
    if (f.length === 0 || (f.indexOf('\n') < 0 && f.indexOf('\r') < 0)) continue;
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 10 || (c === 13 && f.charCodeAt(i + 1) !== 10)) n++;
    }
  }
  return n;
};

/**
 * The line break of a file: the first one outside quotes. (papaparse guesses it from its first
 * chunk only, which may not reach the end of the first record.)
 */
export const guessNewline = (text: string): '\r\n' | '\n' | '\r' => {
  let quoted = false;
  const end = Math.min(text.length, 4 << 20);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    else if (!quoted && c === 10) return '\n';
  }
  return '\r\n';
};

/** Reads every record of `text` (the header too: it is the first record). Resolves when done. */
export const readCsvRows = (text: string, options: ReadCsvOptions): Promise<void> =>
  new Promise((resolve, reject) => {
    const { delimiter, chunkSize = 2 << 20, signal, onRows, onProgress } = options;
    if (signal?.aborted) {
      reject(new ImportCancelledError());
      return;
    }
    let line = 1;
    let settled = false;
    const newline = guessNewline(text);
    const stop = (parser: Papa.Parser, err: unknown): void => {
      settled = true;
      parser.abort();
      reject(err);
    };
    Papa.parse<string[]>(text, {
      delimiter,
      newline,
      chunkSize,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        if (settled) return;
        try {
          const problems = new Map<number, 'MissingQuotes' | 'InvalidQuotes'>();
          for (const e of results.errors) {
            const code = e.code === 'MissingQuotes' || e.code === 'InvalidQuotes' ? e.code : undefined;
            if (code && e.row !== undefined && !problems.has(e.row)) problems.set(e.row, code);
          }
          const rows: CsvRow[] = results.data.map((fields: string[], i: number) => {
            const row: CsvRow = { line, fields };
            const problem = problems.get(i);
            if (problem) {
              row.quoteProblem = QUOTE_PROBLEMS[problem];
              row.quoteCode = problem;
            }
            line += 1 + lineBreaks(fields);
            return row;
          });
          onRows(rows);
          onProgress?.(results.meta.cursor, text.length);
        } catch (err) {
          stop(parser, err);
          return;
        }
        // Give the event loop a turn between chunks: a worker can receive "cancel" then.
        parser.pause();
        setTimeout(() => {
          if (signal?.aborted) stop(parser, new ImportCancelledError());
          else parser.resume();
        }, 0);
      },
      complete: () => {
        if (settled) return;
        settled = true;
        resolve();
      },
      error: (err: Error) => {
        if (settled) return;
        settled = true;
        reject(err);
      },
    });
  });
