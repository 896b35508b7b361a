/**
 * The `--snapshot` of `export`: a version as an export's manifest records it (`snap:…`), or the
 * manifest.json or .zip of that export, whose version and TODAY() date are then both taken (a
 * version can be long; a file also avoids copying it by hand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { CliError, userPath } from './args.ts';

/** The state to export and, when a manifest said, the date TODAY() had. */
export interface SnapshotChoice {
  version: string;
  today?: string;
  /** The workbook the manifest was exported from. */
  workbookId?: string;
}

const readManifest = (path: string): unknown => {
  const bytes = new Uint8Array(readFileSync(userPath(path)));
  let text: string;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let entry: Uint8Array | undefined;
    try {
      entry = unzipSync(bytes, { filter: (f) => f.name === 'manifest.json' })['manifest.json'];
    } catch {
      throw new CliError(`${path} cannot be read as a .zip; give the export's manifest.json or the version itself.`);
    }
    if (!entry) throw new CliError(`${path} has no manifest.json; give the .zip an export wrote, or the version itself.`);
    text = new TextDecoder().decode(entry);
  } else text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`${path} is not an export's manifest.json; give that file, the export's .zip, or the version itself.`);
  }
};

const field = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined);

/** Reads `--snapshot`: a version, or the path of an export's manifest.json or .zip. */
export const readSnapshotArg = (given: string): SnapshotChoice => {
  const text = given.trim();
  if (/^(snap|sv):/.test(text)) return { version: text };
  if (!existsSync(userPath(text))) {
    throw new CliError(`"${text.length > 60 ? `${text.slice(0, 60)}…` : text}" is neither a version (snap:…) nor a file; give the "version" of an export's manifest.json, or the path of that manifest or .zip.`);
  }
  const manifest = readManifest(text);
  const version = field(manifest, 'version');
  if (field(manifest, 'format') !== 'ops-workbook-csv' || typeof version !== 'string') {
    throw new CliError(`${text} is not an export's manifest; give the manifest.json (or .zip) an export wrote, or the version itself.`);
  }
  const today = field(manifest, 'today');
  const workbookId = field(field(manifest, 'workbook'), 'id');
  return {
    version,
    ...(typeof today === 'string' ? { today } : {}),
    ...(typeof workbookId === 'string' ? { workbookId } : {}),
  };
};
