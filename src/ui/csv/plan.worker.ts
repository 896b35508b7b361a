/**
 * The import worker: reads the whole file, decodes it and checks every record with the pure
 * `planImport` (papaparse in chunks), so a 100 MB file never blocks the page. A `cancel` message
 * stops it between chunks; nothing is ever written from here.
 */
import { ImportCancelledError, ImportError } from '../../csv/import-errors.ts';
import { planImport, type ImportPlan } from '../../csv/plan-import.ts';
import { ROWS_PER_MESSAGE, type FromPlanWorker, type ToPlanWorker } from './plan-messages.ts';

/** The part of the worker's global scope used here (the DOM library types `self` as a window). */
interface PlanWorkerScope {
  onmessage: ((e: MessageEvent<ToPlanWorker>) => void) | null;
  postMessage(message: FromPlanWorker): void;
}

const scope = self as unknown as PlanWorkerScope;
const controller = new AbortController();
/** The finished plan, handed to the page slice by slice. */
let done: { plan: ImportPlan; sent: number } | undefined;

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
    done = { plan: result, sent: 0 };
    scope.postMessage({ type: 'planned', plan: summary, rows: rows.length });
  } catch (err) {
    const kind = err instanceof ImportCancelledError ? 'cancelled' : err instanceof ImportError ? 'refused' : 'bug';
    scope.postMessage({ type: 'failed', kind, message: err instanceof Error ? err.message : String(err) });
  }
};

const more = (): void => {
  if (!done) return;
  const { plan: p, sent } = done;
  const end = Math.min(p.rows.length, sent + ROWS_PER_MESSAGE);
  done.sent = end;
  scope.postMessage({ type: 'rows', rows: p.rows.slice(sent, end), lines: p.lines.slice(sent, end) });
};

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') controller.abort();
  else if (msg.type === 'more') more();
  else void plan(msg);
};
