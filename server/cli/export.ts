/**
 * `export --workbook ID --out DIR [--sheet NAME …] [--mode raw|display] [--delimiter , ; tab]
 * [--no-bom] [--locale en|zh-CN] [--snapshot VERSION|MANIFEST|ZIP] [--today YYYY-MM-DD] [--by WHO]`:
 * writes into DIR, from the store and without a browser, the files the app's workbook export
 * zips: one CSV per sheet (computed values included) and manifest.json, which names the exported
 * state. With --snapshot, the state an earlier export named is rebuilt from the store and exported
 * again: the same CSV files, byte for byte.
 */
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { exportWorkbookFiles, type ExportFile, type FormatMode } from '../../src/csv/index.ts';
import { LOCALES, type Locale } from '../../src/schema/index.ts';
import { stateVersion, type Workbook } from '../../src/model/index.ts';
import { calcExportSource } from '../../src/app/calc-export-source.ts';
import { engineCalc } from '../../src/app/engine-calc.ts';
import { workbookAtVersion } from '../store/rebuild-version.ts';
import { loadWorkbook } from '../store/stored-workbook.ts';
import { CliError, flag, parseArgs, requireFlag, userPath, type FlagSpec, type ParsedArgs } from './args.ts';
import type { Command } from './command.ts';
import { delimiterArg } from './delimiter-arg.ts';
import { warnAboutStored, withStore } from './open-store.ts';
import { readSnapshotArg } from './snapshot-arg.ts';

const modeArg = (a: ParsedArgs): FormatMode => {
  const m = flag(a, 'mode') ?? 'raw';
  if (m !== 'raw' && m !== 'display') throw new CliError(`Unknown mode "${m}"; use raw (ISO dates, plain numbers) or display (as the app shows them).`);
  return m;
};

const localeArg = (a: ParsedArgs): Locale | undefined => {
  const l = flag(a, 'locale');
  if (l === undefined) return undefined;
  const v = l === 'zh' ? 'zh-CN' : l;
  if (!(LOCALES as readonly string[]).includes(v)) throw new CliError(`Unknown language "${l}"; use ${LOCALES.join(' or ')}.`);
  return v as Locale;
};

/** A local calendar date as YYYY-MM-DD. */
const localDay = (t: Date): string =>
  `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;

const dayArg = (d: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const t = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : null;
  if (!t || localDay(t) !== d) throw new CliError(`--today needs a date written YYYY-MM-DD, such as 2026-11-29; "${d}" is not one.`);
  return d;
};

/** Sheet ids for the --sheet names (by name or label, any case); every sheet when none is given. */
const sheetIdsOf = (wb: Workbook, names: readonly string[]): string[] | undefined => {
  if (names.length === 0) return undefined;
  return names.map((n) => {
    const sheet = wb.sheetByName(n);
    if (!sheet) throw new CliError(`There is no sheet "${n}" in this workbook; its sheets are: ${wb.sheets().map((s) => `"${s.name}"`).join(', ')}.`, 1);
    return sheet.id;
  });
};

/** Writes the files into `dir`, each next to its place first and renamed, so none is ever half-written. */
const writeFiles = (dir: string, files: readonly ExportFile[]): void => {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new CliError(`The folder ${dir} cannot be made (${(err as NodeJS.ErrnoException).code ?? 'error'}); give another --out.`, 1);
  }
  if (!statSync(dir).isDirectory()) throw new CliError(`${dir} is a file, not a folder; give a folder with --out.`);
  for (const f of files) {
    const path = join(dir, f.name);
    writeFileSync(`${path}.part`, f.bytes);
    renameSync(`${path}.part`, path);
  }
};

const EXPORT_FLAGS: FlagSpec = {
  workbook: { type: 'string' },
  out: { type: 'string' },
  sheet: { type: 'string', multiple: true },
  mode: { type: 'string' },
  delimiter: { type: 'string' },
  'no-bom': { type: 'boolean' },
  locale: { type: 'string' },
  snapshot: { type: 'string' },
  today: { type: 'string' },
  by: { type: 'string' },
};

/** `export`: see the module comment. */
export const exportCommand: Command = {
  name: 'export',
  usage:
    'export --workbook ID --out DIR [--sheet NAME] [--mode raw|display] [--delimiter , ; tab] [--no-bom]\n' +
    '         [--locale en|zh-CN] [--snapshot VERSION|MANIFEST|ZIP] [--today YYYY-MM-DD]   CSV of each sheet and manifest.json',
  run: async (argv) => {
    const args = parseArgs(argv, EXPORT_FLAGS, exportCommand.usage);
    const id = requireFlag(args, 'workbook');
    const out = userPath(requireFlag(args, 'out'));
    if (args.positional.length > 0) throw new CliError(`Unexpected "${args.positional[0]}"; the folder to write to is given with --out.`);
    const mode = modeArg(args);
    const delimiter = delimiterArg(args) ?? ',';
    const locale = localeArg(args);
    const snapshot = flag(args, 'snapshot') === undefined ? undefined : readSnapshotArg(requireFlag(args, 'snapshot'));
    if (snapshot?.workbookId !== undefined && snapshot.workbookId !== id) {
      throw new CliError(`That export is of workbook "${snapshot.workbookId}", not "${id}"; give --workbook ${snapshot.workbookId}.`);
    }
    const todayGiven = flag(args, 'today');
    const today = todayGiven === undefined ? (snapshot?.today ?? localDay(new Date())) : dayArg(todayGiven);
    const by = flag(args, 'by') ?? userInfo().username;
    return withStore(async (store) => {
      const stored = await loadWorkbook(store, id);
      warnAboutStored(stored, id);
      const wb = snapshot ? workbookAtVersion(stored.doc, snapshot.version) : stored;
      const sheetIds = sheetIdsOf(wb, args.flags.get('sheet') ?? []);
      const version = stateVersion(wb);
      const calc = engineCalc(wb, () => locale ?? 'en', { today });
      try {
        const { files } = exportWorkbookFiles(calcExportSource(wb, calc), {
          mode,
          delimiter,
          bom: flag(args, 'no-bom') !== 'true',
          values: calc,
          ...(locale ? { locale } : {}),
          ...(sheetIds ? { sheetIds } : {}),
          snapshot: { workbookId: id, version, time: new Date(), by, today },
        });
        writeFiles(out, files);
        const state = snapshot ? 'as of the version asked for' : 'as stored now';
        console.log(`Exported "${wb.settings.name}" (${state}, TODAY() = ${today}) to ${out}:`);
        for (const f of files) console.log(`  ${f.name}`);
      } finally {
        calc.dispose();
      }
      return 0;
    });
  },
};
