/**
 * English texts of a printed sheet and its Print action. They load with the print view (and the
 * sheet tab's menu), not with the first paint; every other language must have exactly these keys.
 */
const count = (n: number): string => n.toLocaleString('en');

/** The English dictionary of printing; its shape is the `PrintDict` type every language implements. */
export const printEn = {
  'print.action': 'Print…',
  'print.printed': (date: string) => `Printed ${date}`,
  'print.rows': (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`,
  'print.filtered': 'filtered as on screen',
  'print.sorted': 'sorted as on screen',
  'print.cut': (shown: number, total: number) =>
    `Printed the first ${count(shown)} of ${count(total)} rows (at most ${count(shown)} are printed). Filter the sheet to print the others.`,
  'print.empty': 'No rows in this view.',
};

/** The shape every language of the print texts has. */
export type PrintDict = typeof printEn;
