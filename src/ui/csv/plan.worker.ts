/**
 * The import worker: reads the whole file, decodes it and checks every record with the pure
 * `planImport` (papaparse in chunks), so a 100 MB file never blocks the page. A `cancel` message
 * stops it between chunks; nothing is ever written from here.
 */
import { ImportCancelledError, ImportError } from '../../csv/import-errors.ts';
import { planImport } from '../../csv/plan-import.ts';
import { ROWS_PER_MESSAGE, type FromPlanWorker, type ToPlanWorker } from './plan-messages.ts';

/** The part of the worker's global scope used here (the DOM library types `self` as a window). */
interface PlanWorkerScope {
  onmessage: ((e: MessageEvent<ToPlanWorker>) => void) | null;
  postMessage(message: FromPlanWorker): void;
}

const scope = self as unknown as PlanWorkerScope;
const controller = new AbortController();

const plan = async (msg: Extract<ToPlanWorker, { type: 'plan' }>): Promise<void> => {
  try {
    const bytes = new Uint8Array(await msg.file.arrayBuffer());
    if (controller.signal.aborted) throw new ImportCancelledError();
    const result = await planImport(bytes, msg.setup, {
      signal: controller.signal,
      ...(msg.chunkSize ? { chunkSize: msg.chunkSize } : {}),
      onProgress: (p) => scope.postMessage({ type: 'progress', fraction: p.fraction, records: p.records }),
    });
    const { rows, lines, ...summary } = result;
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
      scope.postMessage({ type: 'rows', rows: rows.slice(i, i + ROWS_PER_MESSAGE), lines: lines.slice(i, i + ROWS_PER_MESSAGE) });
    }
    scope.postMessage({ type: 'done', plan: summary });
  } catch (err) {
    const kind = err instanceof ImportCancelledError ? 'cancelled' : err instanceof ImportError ? 'refused' : 'bug';
    scope.postMessage({ type: 'failed', kind, message: err instanceof Error ? err.message : String(err) });
  }
};

scope.onmessage = (e) => {
  if (e.data.type === 'cancel') controller.abort();
  else void plan(e.data);
};
