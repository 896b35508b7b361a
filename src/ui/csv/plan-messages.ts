/** The messages between the page and the import worker (plain data: structured-cloned). */
import type { ImportPlan, ImportSetup } from '../../csv/index.ts';
import type { CellValue } from '../../model/types.ts';

/** Page → worker: plan this file as set up, or stop. */
export type ToPlanWorker = { type: 'plan'; file: Blob; setup: ImportSetup; chunkSize?: number } | { type: 'cancel' };

/** The plan without its rows, which travel in slices before it. */
export type PlanSummary = Omit<ImportPlan, 'rows' | 'lines'>;

/**
 * Worker → page: progress while reading; then the good rows in slices (one huge message would
 * stop the page while it is unpacked) and the summary; or why it failed.
 */
export type FromPlanWorker =
  | { type: 'progress'; fraction: number; records: number }
  | { type: 'rows'; rows: CellValue[][]; lines: number[] }
  | { type: 'done'; plan: PlanSummary }
  | { type: 'failed'; kind: 'cancelled' | 'refused' | 'bug'; message: string };

/** Good rows per `rows` message. */
export const ROWS_PER_MESSAGE = 20_000;
