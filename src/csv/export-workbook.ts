/**
 * Export of a whole workbook as a snapshot: one CSV per sheet plus a manifest that records which
 * state of the workbook it is (version, time, who), as files or as one .zip.
 */
import { zipSync, type Zippable } from 'fflate';
import type { ColumnOptions, ColumnType } from '../schema/types.ts';
import { columnHeader, encodeUtf8, exportSheetCsv, type CsvExportOptions } from './export-sheet.ts';
import type { ExportSource } from './export-source.ts';
import { safeFileName, snapshotStamp, uniqueNames } from './file-names.ts';

/** Who exported which state of which workbook, and when; written as manifest.json. */
export interface SnapshotInfo {
  workbookId: string;
  /** The workbook's state as the caller knows it (a store version, an encoded state vector …). */
  version: string;
  time: Date;
  /** The user or job that made the export. */
  by: string;
  /** The date TODAY() had in the computed values (YYYY-MM-DD), so that the export can be reproduced later. */
  today?: string;
}

/** Options of a workbook export: the CSV options, the snapshot, and which sheets (all by default). */
export interface WorkbookExportOptions extends CsvExportOptions {
  snapshot: SnapshotInfo;
  /** Ids of the sheets to export, in tab order when omitted. */
  sheetIds?: readonly string[];
}

/** The manifest inside an export: enough to re-import every file with its exact column types. */
export interface ExportManifest {
  format: 'ops-workbook-csv';
  formatVersion: 1;
  workbook: { id: string; name: string };
  version: string;
  exportedAt: string;
  exportedBy: string;
  /** The date TODAY() had in the computed values, when the exporter said. */
  today?: string;
  options: { mode: string; delimiter: string; encoding: 'utf-8'; bom: boolean; locale: string };
  sheets: {
    id: string;
    name: string;
    file: string;
    rows: number;
    columns: { id: string; header: string; type: ColumnType; options: ColumnOptions; formula: boolean }[];
  }[];
}

/** One exported file. */
export interface ExportFile {
  name: string;
  bytes: Uint8Array;
}

/** The files of a workbook export: one CSV per sheet, then manifest.json. */
export const exportWorkbookFiles = (
  source: ExportSource,
  options: WorkbookExportOptions,
): { files: ExportFile[]; manifest: ExportManifest } => {
  const { snapshot, sheetIds, ...csv } = options;
  const locale = csv.locale ?? source.settings.locale;
  const all = source.sheets();
  const sheets = sheetIds ? all.filter((s) => sheetIds.includes(s.id)) : all;
  const names = uniqueNames(
    sheets.map((s) => safeFileName(s.labels?.[locale] ?? s.name, 'sheet')),
    '.csv',
  );
  const files: ExportFile[] = [];
  const manifest: ExportManifest = {
    format: 'ops-workbook-csv',
    formatVersion: 1,
    workbook: { id: snapshot.workbookId, name: source.settings.name },
    version: snapshot.version,
    exportedAt: snapshot.time.toISOString(),
    exportedBy: snapshot.by,
    ...(snapshot.today === undefined ? {} : { today: snapshot.today }),
    options: { mode: csv.mode ?? 'raw', delimiter: csv.delimiter ?? ',', encoding: 'utf-8', bom: csv.bom ?? true, locale },
    sheets: [],
  };
  sheets.forEach((sheet, i) => {
    const file = names[i] ?? `${sheet.id}.csv`;
    files.push({ name: file, bytes: encodeUtf8(exportSheetCsv(source, sheet.id, csv)) });
    manifest.sheets.push({
      id: sheet.id,
      name: sheet.name,
      file,
      rows: source.rowIds(sheet.id).length,
      columns: source.columns(sheet.id).map((c) => ({
        id: c.id,
        header: columnHeader(c, locale),
        type: c.type,
        options: c.options,
        formula: c.formula !== undefined,
      })),
    });
  });
  files.push({ name: 'manifest.json', bytes: encodeUtf8(`${JSON.stringify(manifest, null, 2)}\n`) });
  return { files, manifest };
};

/**
 * Zip entry times are local wall-clock times; shifting by the zone offset writes the UTC time, so
 * the same snapshot gives the same bytes on every machine.
 */
const zipTime = (t: Date): Date => new Date(t.getTime() + t.getTimezoneOffset() * 60_000);

/** The .zip name of a snapshot: workbook name and UTC time, e.g. `Shop-plan_2026-11-29T18-39-05Z.zip`. */
export const snapshotZipName = (workbookName: string, time: Date): string =>
  `${safeFileName(workbookName, 'workbook')}_${snapshotStamp(time)}.zip`;

/**
 * The whole workbook as a .zip of one CSV per sheet and manifest.json. Pure: the same workbook
 * state and options give the same bytes.
 */
export const exportWorkbookZip = (
  source: ExportSource,
  options: WorkbookExportOptions,
): { fileName: string; bytes: Uint8Array; manifest: ExportManifest } => {
  const { files, manifest } = exportWorkbookFiles(source, options);
  const mtime = zipTime(options.snapshot.time);
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [f.bytes, { mtime, level: 6 }];
  return { fileName: snapshotZipName(source.settings.name, options.snapshot.time), bytes: zipSync(entries), manifest };
};
