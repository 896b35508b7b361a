/** Runs an import plan in a Web Worker: progress and cancel on the page, the work off it. */
import { ImportCancelledError, ImportError, type ImportPlan, type ImportProgress, type ImportSetup } from '../../csv/index.ts';
import type { CellValue } from '../../schema/types.ts';
import type { FromPlanWorker, PlanSummary, ToPlanWorker } from './plan-messages.ts';

/** Options of a plan in the worker. */
export interface WorkerPlanOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Aborting asks the worker to stop; the promise then rejects with ImportCancelledError. */
  signal?: AbortSignal;
  /** Characters per chunk (finer progress for smaller chunks). */
  chunkSize?: number;
}

/**
 * Plans the import of `file` in a new worker and resolves with the whole plan. Rejects with
 * ImportError (the file cannot be taken as set up), ImportCancelledError, or an Error for a bug.
 */
export const planInWorker = (file: Blob, setup: ImportSetup, options: WorkerPlanOptions = {}): Promise<ImportPlan> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
    const rows: CellValue[][] = [];
    const lines: number[] = [];
    let planned: { summary: PlanSummary; rows: number } | undefined;
    const post = (msg: ToPlanWorker) => worker.postMessage(msg);
    const finish = () => {
      options.signal?.removeEventListener('abort', cancel);
      worker.terminate();
    };
    const cancel = () => {
      // Once the file is read, only the rows are still on their way: stop taking them.
      if (!planned) return post({ type: 'cancel' });
      finish();
      reject(new ImportCancelledError());
    };
    const take = () => {
      if (!planned) return;
      if (rows.length < planned.rows) return post({ type: 'more' });
      finish();
      resolve({ ...planned.summary, rows, lines });
    };
    worker.onmessage = (e: MessageEvent<FromPlanWorker>) => {
      const msg = e.data;
      switch (msg.type) {
        case 'progress':
          options.onProgress?.({ fraction: msg.fraction, records: msg.records });
          return;
        case 'planned':
          planned = { summary: msg.plan, rows: msg.rows };
          take();
          return;
        case 'rows':
          for (const r of msg.rows) rows.push(r);
          for (const l of msg.lines) lines.push(l);
          take();
          return;
        case 'failed':
          finish();
          reject(msg.kind === 'cancelled' ? new ImportCancelledError() : msg.kind === 'refused' ? new ImportError(msg.message) : new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(`The import worker failed: ${e.message}`));
    };
    if (options.signal?.aborted) {
      finish();
      reject(new ImportCancelledError());
      return;
    }
    options.signal?.addEventListener('abort', cancel);
    post({ type: 'plan', file, setup, ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}) });
  });
