/**
 * Why a value or a record of a CSV file cannot be imported, as data: a code and what it needs, so
 * the app words it in the person's language (the import dialog, the rejected-rows file) and the
 * CLI in English (`CSV_PROBLEM_EN`). A new reason is a new code here and a text in each language.
 *
 * @example csvProblemText({ code: 'notNumber', text: 'abc' }) // '"abc" is not a number'
 */

/** One reason, with the (shortened) text of the value where a value is at fault. */
export type CsvProblem =
  | { code: 'notNumber'; text: string }
  | { code: 'percentNotMoney'; text: string }
  | { code: 'otherCurrency'; text: string; got: string; want: string }
  | { code: 'moneyNotPercent'; text: string }
  | { code: 'moneyAsCurrency'; text: string }
  | { code: 'percentAsPercent'; text: string }
  | { code: 'notWhole'; text: string }
  | { code: 'notDate'; text: string }
  | { code: 'notBoolean'; text: string }
  | { code: 'notChoice'; text: string; choices: string[] }
  /** A quote problem of the record: `MissingQuotes` (never closed) or `InvalidQuotes` (not doubled). */
  | { code: 'malformed'; quote: 'MissingQuotes' | 'InvalidQuotes' }
  /** The record has `got` values where the first record (the header when `header`) has `want`. */
  | { code: 'width'; got: number; want: number; header: boolean; delimiter: string };

/** A text for every code: each language's dictionary has this type, so none can miss a code. */
export type CsvProblemTexts = { [K in CsvProblem['code']]: (p: Extract<CsvProblem, { code: K }>) => string };

/** A value as messages quote it: at most 40 characters. */
export const shortText = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

const delimiterWord = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);

/** The English reasons (the CLI's words and the app's in English). */
export const CSV_PROBLEM_EN: CsvProblemTexts = {
  notNumber: (p) => `"${p.text}" is not a number`,
  percentNotMoney: (p) => `"${p.text}" is a percentage, not an amount of money`,
  otherCurrency: (p) => `"${p.text}" is in ${p.got}, the column is in ${p.want}`,
  moneyNotPercent: (p) => `"${p.text}" is an amount of money, not a percentage`,
  moneyAsCurrency: (p) => `"${p.text}" is an amount of money; import this column as currency`,
  percentAsPercent: (p) => `"${p.text}" is a percentage; import this column as percent`,
  notWhole: (p) => `"${p.text}" is not a whole number`,
  notDate: (p) => `"${p.text}" is not a date (write it as YYYY-MM-DD)`,
  notBoolean: (p) => `"${p.text}" is not yes or no (true/false, yes/no, 是/否, 1/0)`,
  notChoice: (p) => `"${p.text}" is not one of ${p.choices.map((c) => `"${shortText(c)}"`).join(', ')}`,
  malformed: (p) =>
    `This record is malformed: ${
      p.quote === 'MissingQuotes'
        ? 'a quoted value is never closed (a " is missing), so the rest of the file was read as part of it'
        : 'a quote inside a value is not doubled ("" stands for one ")'
    }.`,
  width: (p) =>
    `This record has ${p.got} values but ${p.header ? 'the header' : 'the first record'} has ${p.want}; a value with a ${delimiterWord(p.delimiter)} in it may be missing its quotes.`,
};

/** The reason in the words of `texts` (English by default). */
export const csvProblemText = (p: CsvProblem, texts: CsvProblemTexts = CSV_PROBLEM_EN): string =>
  (texts[p.code] as (q: CsvProblem) => string)(p);
