/**
 * The file an export downloads: one sheet as CSV or the whole workbook as a .zip snapshot, with the
 * values the engine computed (never the stored formulas) and formula columns formatted by their
 * result type. Loaded with the export dialog only (it brings papaparse's sibling code and fflate).
 */
import {
  encodeUtf8,
  exportSheetCsv,
  exportWorkbookZip,
  safeFileName,
  snapshotStamp,
  type Delimiter,
  type FormatMode,
} from '../csv/index.ts';
import { type Locale } from '../schema/types.ts';
import { stateVersion, type Workbook } from '../model/index.ts';
import { calcExportSource } from './calc-export-source.ts';
import type { CalcService } from './calc-service.ts';
import { localIsoDay } from '../schema/calendar-day.ts';

/** What the person chose: one sheet or the workbook, raw or as displayed, delimiter, BOM. */
export interface ExportChoice {
  scope: 'sheet' | 'workbook';
  mode: FormatMode;
  delimiter: Delimiter;
  bom: boolean;
}

/** Where the export comes from and who makes it. */
export interface ExportContext {
  wb: Workbook;
  calc: CalcService;
  /** Identifies the workbook in the manifest. */
  workbookId: string;
  /** The open sheet (needed when `scope` is `sheet`). */
  sheetId?: string;
  /** Language of headers and displayed values: what the person sees. */
  locale: Locale;
  /** Who exports, for the manifest. */
  by: string;
  time: Date;
}

/** A file ready to download. */
export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
  type: string;
}

/** Builds the file of an export. Throws a plain Error when the sheet to export is missing. */
export const buildExport = (ctx: ExportContext, choice: ExportChoice): ExportedFile => {
  const source = calcExportSource(ctx.wb, ctx.calc);
  const options = { mode: choice.mode, delimiter: choice.delimiter, bom: choice.bom, locale: ctx.locale, values: ctx.calc };
  if (choice.scope === 'workbook') {
    // The engine computes TODAY() as the local date; the manifest records it so the CLI can reproduce the values.
    const t = ctx.time;
    const today = localIsoDay(t);
    const snapshot = { workbookId: ctx.workbookId, version: stateVersion(ctx.wb), time: t, by: ctx.by, today };
    const zip = exportWorkbookZip(source, { ...options, snapshot });
    return { name: zip.fileName, bytes: zip.bytes, type: 'application/zip' };
  }
  const sheet = ctx.sheetId ? ctx.wb.sheet(ctx.sheetId) : undefined;
  if (!sheet) throw new Error('There is no open sheet to export; open one, or export the whole workbook.');
  const label = sheet.labels?.[ctx.locale] ?? sheet.name;
  const name = `${safeFileName(ctx.wb.settings.name, 'workbook')}_${safeFileName(label, 'sheet')}_${snapshotStamp(ctx.time)}.csv`;
  const text = exportSheetCsv(source, sheet.id, options);
  return { name, bytes: encodeUtf8(text), type: 'text/csv;charset=utf-8' };
};
