/** Runs an import plan in a Web Worker: progress and cancel on the page, the work off it. */
import { ImportCancelledError, ImportError, type ImportPlan, type ImportProgress, type ImportSetup } from '../../csv/index.ts';
import type { CellValue } from '../../model/types.ts';
import type { FromPlanWorker, ToPlanWorker } from './plan-messages.ts';

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
    const post = (msg: ToPlanWorker) => worker.postMessage(msg);
    const cancel = () => post({ type: 'cancel' });
    const finish = () => {
      options.signal?.removeEventListener('abort', cancel);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<FromPlanWorker>) => {
      const msg = e.data;
      switch (msg.type) {
        case 'progress':
          options.onProgress?.({ fraction: msg.fraction, records: msg.records });
          return;
        case 'rows':
          for (const r of msg.rows) rows.push(r);
          for (const l of msg.lines) lines.push(l);
          return;
        case 'done':
          finish();
          resolve({ ...msg.plan, rows, lines });
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
