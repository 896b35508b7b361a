/**
 * Starts a worker thread that runs a TypeScript module. The relay runs TypeScript through tsx, and
 * a worker thread needs tsx's loader registered before it can import a .ts file, so the worker
 * starts from a small JavaScript bootstrap that registers it and then imports the module.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const bootstrap = (file: string): string => {
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`;
};

/** A worker thread running the module at `file` (a file: URL); `options` as for `new Worker`. */
export const startTsWorker = (file: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker =>
  new Worker(bootstrap(file.href), { ...options, eval: true });
