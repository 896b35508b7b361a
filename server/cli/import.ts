/**
 * `import --workbook ID --sheet NAME FILE.csv [--type COLUMN=TYPE …] [--encoding E] [--delimiter D]
 * [--date-order MDY|DMY] [--blank-bad-cells] [--rejected FILE]`: the app's import, from a shell.
 * Into an existing sheet (CSV columns matched to its columns by name, in English or Chinese) or,
 * when no sheet has that name, into a new sheet made from the header, whose detected column types
 * are printed (`--type` overrides). Every row is checked first (in chunks, progress on stderr); one
 * bad row and nothing is written: each bad row is listed with its line and reason, exit code 1.
 * With `--blank-bad-cells` a value that is not of its column's type is left blank instead and its
 * row imported (a record that cannot be read at all still stops the import). `--rejected FILE`
 * writes the bad rows with their lines and reasons as CSV. Otherwise all rows are appended to
 * the store as one update, which a running relay sends to everyone connected. An import that would
 * make the stored workbook bigger than MAX_ROOM_BYTES is refused (the relay could not open it).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { importRows } from '../../src/app/import-rows.ts';
import {
  checkSetup,
  decodeBytes,
  ENCODINGS,
  ImportError,
  normalName,
  planImport,
  previewImport,
  rejectedRowsCsv,
  type CsvEncoding,
  type DateOrder,
  type ImportResult,
  type ImportSetup,
  type ImportTarget,
} from '../../src/csv/index.ts';
import { COLUMN_TYPES, isViewSheet, OperationError, ValidationError, type ColumnType } from '../../src/schema/index.ts';
import { maxRoomBytesFrom, StartupError } from '../config.ts';
import { loadWorkbook, updateWorkbook } from '../store/stored-workbook.ts';
import { CliError, flag, parseArgs, requireFlag, userPath, type FlagSpec, type ParsedArgs } from './args.ts';
import type { Command } from './command.ts';
import { delimiterArg } from './delimiter-arg.ts';
import { describeBlanked, describeProblems, describeSetup, progressReporter } from './import-report.ts';
import { withStore } from './open-store.ts';

/** Characters per chunk while checking: small enough for progress that moves on a large file. */
const CHUNK_CHARS = 1 << 20;

/** Names people use for the encodings an import reads. */
const ENCODING_ALIASES: Record<string, CsvEncoding> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
};

const encodingArg = (a: ParsedArgs): CsvEncoding | undefined => {
  const e = flag(a, 'encoding')?.toLowerCase();
  if (e === undefined) return undefined;
  const v = ENCODING_ALIASES[e] ?? e;
  if (!(ENCODINGS as readonly string[]).includes(v)) throw new CliError(`Unknown encoding "${e}"; use utf-8, utf-16le, utf-16be, gbk (gb18030) or windows-1252.`);
  return v as CsvEncoding;
};

/** `--type COLUMN=TYPE`, repeatable: types for the columns of a new sheet. */
const typesArg = (a: ParsedArgs): Record<string, ColumnType> => {
  // Keyed by a header from the command line: no prototype, so "__proto__" is a column like any other.
  const types = Object.create(null) as Record<string, ColumnType>;
  for (const t of a.flags.get('type') ?? []) {
    const at = t.lastIndexOf('=');
    const column = t.slice(0, at).trim();
    const type = t.slice(at + 1).trim();
    if (at <= 0 || !column) throw new CliError(`--type needs COLUMN=TYPE, such as --type "Cost=currency"; "${t}" is not.`);
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) throw new CliError(`"${type}" is not a column type; use one of ${COLUMN_TYPES.join(', ')}.`);
    types[column] = type as ColumnType;
  }
  return types;
};

const dateOrderArg = (a: ParsedArgs): DateOrder | undefined => {
  const d = flag(a, 'date-order')?.toUpperCase();
  if (d === undefined) return undefined;
  if (d !== 'MDY' && d !== 'DMY') throw new CliError(`Unknown date order "${d}"; use MDY (01/05 is 5 January) or DMY (01/05 is 1 May).`);
  return d;
};

const readFile = (file: string): Uint8Array => {
  try {
    if (statSync(userPath(file)).isDirectory()) throw new CliError(`${file} is a folder; give a CSV file.`);
    return new Uint8Array(readFileSync(userPath(file)));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); give the path of a CSV file.`, 1);
  }
};

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** MAX_ROOM_BYTES as the relay reads it. */
const roomLimit = (): number => {
  try {
    return maxRoomBytesFrom(process.env);
  } catch (err) {
    if (err instanceof StartupError) throw new CliError(err.message);
    throw err;
  }
};

const tooBig = (id: string, bytes: number, limit: number, atLeast: string): CliError =>
  new CliError(
    `This import would make workbook "${id}" ${atLeast}${mb(bytes)} stored, over the relay's limit of ${mb(limit)} (MAX_ROOM_BYTES): ` +
      'the relay would refuse to open it. Nothing was imported. Import fewer rows, into another workbook, or raise ' +
      'MAX_ROOM_BYTES for the relay and for this command (see the README).',
    1,
  );

/** Input the import cannot take (the model's refusals included) as one sentence and exit code 1. */
const userError = (err: unknown): never => {
  if (err instanceof ImportError || err instanceof OperationError || err instanceof ValidationError) throw new CliError(err.message, 1);
  throw err;
};

const IMPORT_FLAGS: FlagSpec = {
  workbook: { type: 'string' },
  sheet: { type: 'string' },
  type: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'date-order': { type: 'string' },
  'blank-bad-cells': { type: 'boolean' },
  rejected: { type: 'string' },
};

/** Writes the rejected rows to `--rejected FILE`, when given and there are any. */
const writeRejected = (file: string | undefined, csv: string | null): void => {
  if (file === undefined || csv === null) return;
  try {
    writeFileSync(userPath(file), csv);
  } catch (err) {
    throw new CliError(`Cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); give a file in a folder you can write to.`, 1);
  }
  console.error(`The rejected rows, with their lines and reasons, are in ${file}.`);
};

/** `import`: see the module comment. */
export const importCommand: Command = {
  name: 'import',
  usage:
    'import --workbook ID --sheet NAME FILE.csv [--type COLUMN=TYPE …] [--encoding E] [--delimiter , ; tab]\n' +
    '         [--date-order MDY|DMY] [--blank-bad-cells] [--rejected FILE]\n' +
    '         add the rows of a CSV file (a new sheet is made from its header)',
  run: async (argv) => {
    const args = parseArgs(argv, IMPORT_FLAGS, importCommand.usage);
    const id = requireFlag(args, 'workbook');
    const sheetName = requireFlag(args, 'sheet').trim();
    const [file, ...extra] = args.positional;
    if (!file) throw new CliError('Give the CSV file to import: import --workbook ID --sheet NAME FILE.csv');
    if (extra.length > 0) throw new CliError(`Give one file at a time; "${extra[0]}" is one too many.`);
    const types = typesArg(args);
    const dateOrder = dateOrderArg(args);
    const blank = args.flags.has('blank-bad-cells');
    const rejectedFile = flag(args, 'rejected');
    if (rejectedFile === '') throw new CliError('--rejected needs a file name.');
    const encoding = encodingArg(args);
    const delimiter = delimiterArg(args);
    const bytes = readFile(file);
    const limit = roomLimit();
    return withStore(async (store) => {
      const stored = await (async () => {
        const log = await store.openLog(id);
        try {
          const s = await log.stats();
          return s.bytes + s.snapshotBytes;
        } finally {
          await log.close();
        }
      })();
      const wb = await loadWorkbook(store, id);
      const existing = wb.sheetByName(sheetName);
      if (isViewSheet(existing)) throw new CliError(`"${existing?.name ?? sheetName}" is a view sheet: its rows come from its formula, so rows cannot be imported into it.`, 1);
      const target: ImportTarget = existing ? { sheetId: existing.id } : { newSheet: sheetName };
      if (existing && Object.keys(types).length > 0) {
        console.error(`--type sets the columns of a new sheet; "${existing.name}" exists, so its columns keep their types.`);
      }
      let setup: ImportSetup;
      try {
        const preview = previewImport(bytes, target, wb, {
          ...(encoding ? { encoding } : {}),
          ...(delimiter ? { delimiter } : {}),
          ...(existing ? {} : { types }),
        });
        setup = dateOrder ? { ...preview.setup, columns: preview.setup.columns.map((c) => ({ ...c, dateOrder })) } : preview.setup;
        const forced = new Set(Object.keys(types).map(normalName));
        for (const line of describeSetup({ ...preview, setup }, (h) => forced.has(normalName(h)), encoding !== undefined)) console.log(line);
        try {
          checkSetup(setup);
        } catch (err) {
          // Headers read in the wrong encoding match nothing: then the encoding is what to fix.
          if (err instanceof ImportError) decodeBytes(bytes, setup.encoding);
          throw err;
        }
      } catch (err) {
        return userError(err);
      }
      // Stored rows take more than half their CSV's bytes (about twice, measured): a file that cannot
      // fit is refused before its rows are built in memory (after what is wrong with the file itself).
      if (stored + bytes.byteLength / 2 > limit) throw tooBig(id, stored + bytes.byteLength / 2, limit, 'at least ');
      const progress = progressReporter(process.stderr);
      const plan = await planImport(bytes, setup, {
        chunkSize: CHUNK_CHARS,
        // A file of one chunk is checked at once: no progress to show.
        ...(bytes.length > CHUNK_CHARS ? { onProgress: progress.onProgress } : {}),
      }).catch(userError);
      progress.done();
      const choice = blank ? 'blank-bad-cells' : 'good-rows';
      // Blanking takes bad values, not records that cannot be read: those still stop the import.
      const unreadable = plan.rejected.some((r) => r.blanked === null);
      if (plan.badRows > 0 && (!blank || unreadable)) {
        for (const line of describeProblems(plan, blank)) console.error(line);
        writeRejected(rejectedFile, rejectedRowsCsv(plan, 'nothing'));
        return 1;
      }
      if (plan.rows.length > 50_000) console.error(`Writing ${plan.rows.length} rows…`);
      let result: ImportResult | undefined;
      try {
        // Loaded again: what the relay stored meanwhile is kept, and a sheet changed since is noticed.
        await updateWorkbook(store, id, (fresh) => {
          const before = Y.encodeStateVector(fresh.doc);
          result = importRows(plan, choice, fresh);
          // Thrown inside the update: nothing is appended.
          const after = stored + Y.encodeStateAsUpdate(fresh.doc, before).byteLength;
          if (after > limit) throw tooBig(id, after, limit, '');
        });
      } catch (err) {
        return userError(err);
      }
      const sheet = 'sheetId' in setup.target ? setup.target.sheetName : setup.target.newSheet;
      const rows = result?.rowIds.length ?? 0;
      console.log(`Imported ${rows} ${rows === 1 ? 'row' : 'rows'} into "${sheet}"${existing ? '' : ' (a new sheet)'}; a running relay sends them to everyone connected.`);
      if (plan.badRows > 0) for (const line of describeBlanked(plan)) console.error(line);
      writeRejected(rejectedFile, rejectedRowsCsv(plan, choice));
      return 0;
    });
  },
};
