/**
 * Opens the CSV dialogs. This is all of CSV that the first load carries: the dialogs, papaparse,
 * fflate and the import worker are fetched on first use.
 */
import { lazy } from 'solid-js';
import type { AppState } from '../app-context.ts';

const ImportDialog = lazy(() => import('./ImportDialog.tsx'));
const ExportDialog = lazy(() => import('./ExportDialog.tsx'));

/** Opens the import dialog, for the open sheet; with `file` when one was dropped on the grid. */
export const openImport = (app: AppState, file?: File): void => {
  const sheetId = app.grid()?.sheetId;
  app.openDialog((close) => <ImportDialog file={file} sheetId={sheetId} onClose={close} />);
};

/** Opens the export dialog for the open sheet (or the whole workbook). */
export const openExport = (app: AppState): void => {
  const sheetId = app.grid()?.sheetId;
  app.openDialog((close) => <ExportDialog sheetId={sheetId} onClose={close} />);
};
