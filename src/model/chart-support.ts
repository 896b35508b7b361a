/**
 * The model's chart code (reading, checking and writing charts and dashboard tiles) is taken in
 * once it has loaded: the app's first load shows the grid without it, and every part that shows
 * or changes charts imports src/model/charts.ts (the model's index does, for the CLI and the relay).
 * Here: the chart reader; the operations are handed to `Workbook` (workbook.ts).
 */
import type { readChart } from '../schema/stored/read-chart.ts';

let reader: typeof readChart | undefined;

/** Called once by src/model/charts.ts. */
export const installChartReader = (read: typeof readChart): void => {
  reader = read;
};

/** Thrown when chart code is used before src/model/charts.ts was imported: a bug, not a document problem. */
export const chartsNotLoaded = (): Error => new Error('The chart code of the model is not loaded: import src/model/charts.ts first.');

/** Reads a stored chart (see readChart); throws when src/model/charts.ts was not imported. */
export const chartReader = (): typeof readChart => {
  if (!reader) throw chartsNotLoaded();
  return reader;
};
