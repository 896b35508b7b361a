/** What `import` tells the person running it: how the file is read, where each column goes, progress, bad rows. */
import { ENCODING_NAMES, type ImportPlan, type ImportPreview, type ImportProgress } from '../../src/csv/index.ts';

/** Bad rows printed one per line; the rest are counted. */
const SHOWN_PROBLEMS = 100;

const delimiterName = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));

/** How the file is read and where each CSV column goes (with the detected types of a new sheet). */
export const describeSetup = (preview: ImportPreview, forced: (header: string) => boolean, encodingGiven: boolean): string[] => {
  const { setup } = preview;
  const lines = [`Reading the file as ${ENCODING_NAMES[setup.encoding]}, values separated by ${delimiterName(setup.delimiter)}.`];
  if (!encodingGiven && setup.encoding !== 'utf-8') lines.push(`  ${preview.detectedEncoding.reason} If it is not, give --encoding.`);
  const width = Math.min(32, Math.max(...setup.columns.map((c) => [...c.header].length), 0) + 4);
  if ('newSheet' in setup.target) {
    lines.push(`New sheet "${setup.target.newSheet}" from the header, with these column types (change one with --type COLUMN=TYPE):`);
    setup.columns.forEach((c, i) => {
      if (!c.into) return;
      const proposal = preview.proposals[i];
      // A detected date column's reason already says how ambiguous dates are read; a forced one does not.
      const order = c.into.type === 'date' ? `; dates such as 01/05 are read ${c.dateOrder === 'MDY' ? 'month/day' : 'day/month'} (--date-order)` : '';
      const why = forced(c.header) ? `given with --type (detected: ${proposal?.type ?? 'text'})${order}` : (proposal?.reason ?? '');
      lines.push(`  ${pad(c.into.name, width)}${pad(c.into.type, 10)}${why}`);
    });
  } else {
    lines.push(`Into sheet "${setup.target.sheetName}", columns matched by name:`);
    for (const c of setup.columns) {
      if (c.into) lines.push(`  ${pad(`"${c.header}"`, width)}→ ${c.into.name} (${c.into.type})`);
    }
  }
  for (const note of preview.notes) lines.push(`  ${note}`);
  return lines;
};

/** The bad values of a plan, one line each (the first hundred), and how many more rows. */
const listed = (plan: ImportPlan): string[] => {
  const lines: string[] = [];
  for (const p of plan.problems.slice(0, SHOWN_PROBLEMS)) {
    lines.push(`  line ${p.line}${p.column === undefined ? '' : `, column "${p.column}"`}: ${p.message.replace(/\.$/, '')}.`);
  }
  const listedRows = new Set(plan.problems.slice(0, SHOWN_PROBLEMS).map((p) => p.line)).size;
  if (plan.badRows > listedRows) lines.push(`  … and ${plan.badRows - listedRows} more bad rows.`);
  return lines;
};

/**
 * The bad rows of a plan, one line each (the first hundred), and that nothing was written; with
 * `blank` (--blank-bad-cells given), that records which cannot be read stopped it.
 */
export const describeProblems = (plan: ImportPlan, blank = false): string[] => {
  const lines = [
    blank
      ? `${plan.rejected.filter((r) => r.blanked === null).length} of ${plan.totalRows} rows cannot be read at all, so nothing was written (--blank-bad-cells leaves bad values blank, not broken records). Correct these rows in the file and import it again:`
      : `${plan.badRows} of ${plan.totalRows} rows cannot be imported, so nothing was written. Correct these rows in the file (or choose other column types with --type) and import it again:`,
  ];
  lines.push(...listed(plan));
  return lines;
};

/** What --blank-bad-cells left blank: how many rows, then each bad value (the first hundred). */
export const describeBlanked = (plan: ImportPlan): string[] => [
  `${plan.badRows} ${plan.badRows === 1 ? 'row was' : 'rows were'} imported with bad values left blank:`,
  ...listed(plan),
];


/**
 * Progress on stderr while a large file is checked: one line rewritten in place on a terminal,
 * a line per tenth of the file otherwise (a log keeps them readable). Returns the listener and
 * a function that ends the progress output.
 */
export const progressReporter = (stream: NodeJS.WriteStream): { onProgress: (p: ImportProgress) => void; done: () => void } => {
  let lastTenth = -1;
  let shown = false;
  const rows = new Intl.NumberFormat('en');
  return {
    onProgress: (p) => {
      const percent = Math.floor(p.fraction * 100);
      const text = `Checked ${percent}% of the file (${rows.format(p.records)} rows)`;
      if (stream.isTTY) {
        stream.write(`\r${text}`);
        shown = true;
      } else if (Math.floor(percent / 10) > lastTenth) {
        lastTenth = Math.floor(percent / 10);
        stream.write(`${text}\n`);
      }
    },
    done: () => {
      if (shown) stream.write('\n');
      shown = false;
    },
  };
};
