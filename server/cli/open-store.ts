/** How CLI commands reach the store: DATABASE_URL or DATA_DIR (default ./data) from the environment, as for the relay. */
import { ReadOnlyError } from '../../src/schema/index.ts';
import type { Workbook } from '../../src/model/index.ts';
import { DamageWatch } from '../../src/model/damage-watch.ts';
import type { Store } from '../store/contract.ts';
import { StoreError } from '../store/errors.ts';
import { openStore } from '../store/open-store.ts';
import { CliError } from './args.ts';
import { recordedRelayAddress } from '../relay-address.ts';

/** The data folder the CLI works on. */
export const dataDir = (): string => process.env.DATA_DIR || './data';

/** Runs `fn` with the store open; store problems become one sentence on stderr and exit code 1. */
export const withStore = async <T,>(fn: (store: Store) => T | Promise<T>): Promise<T> => {
  let store: Store;
  try {
    store = await openStore({ dataDir: dataDir(), databaseUrl: process.env.DATABASE_URL || undefined });
  } catch (err) {
    if (err instanceof StoreError) throw new CliError(err.message, 1);
    throw err;
  }
  try {
    return await fn(store);
  } catch (err) {
    // A workbook at a newer schema than this CLI knows is not written to (the model refuses).
    if (err instanceof StoreError || err instanceof ReadOnlyError) throw new CliError(err.message, 1);
    throw err;
  } finally {
    await store.close();
  }
};

/**
 * Says on stderr what the CLI reads differently from what is stored: a workbook at a newer schema
 * than it knows, and entries that are damaged (left out, or read with defaults: see the app's
 * "Needs repair" list). The output itself is made all the same.
 */
export const warnAboutStored = (wb: Workbook, id: string): void => {
  if (wb.isNewerSchema()) {
    console.error(`Workbook "${id}" was upgraded by a newer version of the app (schema ${wb.schemaVersion()}); update this one: what it reads may be incomplete.`);
  }
  const watch = new DamageWatch(wb);
  const { total } = watch.report(0);
  watch.dispose();
  if (total > 0) {
    console.error(`${total} ${total === 1 ? 'entry' : 'entries'} of workbook "${id}" ${total === 1 ? 'is' : 'are'} damaged and read as empty or as defaults; open it in the app to repair ${total === 1 ? 'it' : 'them'}.`);
  }
};

/**
 * The base of links to the app: PUBLIC_URL, else the address the relay recorded in DATA_DIR when it
 * last started, else HOST and PORT as the relay would use them.
 */
export const appBaseUrl = (): string => {
  const pub = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  if (pub) return pub;
  const recorded = recordedRelayAddress(dataDir());
  if (recorded) return recorded;
  const host = process.env.HOST && process.env.HOST !== '0.0.0.0' && process.env.HOST !== '::' ? process.env.HOST : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 8787}`;
};
