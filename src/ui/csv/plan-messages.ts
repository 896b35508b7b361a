/** The messages between the page and the import worker (plain data: structured-cloned). */
import type { ImportPlan, ImportSetup } from '../../csv/index.ts';
import type { CellValue } from '../../schema/types.ts';

/** Page → worker: plan this file as set up; send the next slice of good rows; stop. */
export type ToPlanWorker =
  | { type: 'plan'; file: Blob; setup: ImportSetup; chunkSize?: number }
  | { type: 'more' }
  | { type: 'cancel' };

/** The plan without its rows, which travel in slices after it. */
export type PlanSummary = Omit<ImportPlan, 'rows' | 'lines'>;

/**
 * Worker → page: progress while reading; the summary and how many good rows there are; then, one
 * per `more`, a slice of them; or why it failed. The page asks for each slice once it has taken
 * the last one: a flood of messages would keep it from painting.
 */
export type FromPlanWorker =
  | { type: 'progress'; fraction: number; records: number }
  | { type: 'planned'; plan: PlanSummary; rows: number }
  | { type: 'rows'; rows: CellValue[][]; lines: number[] }
  | { type: 'failed'; kind: 'cancelled' | 'refused' | 'bug'; message: string };

/** Good rows per `rows` message: each takes the page a few milliseconds to unpack. */
export const ROWS_PER_MESSAGE = 5_000;
