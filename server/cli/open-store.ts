/** How CLI commands reach the store: DATABASE_URL or DATA_DIR (default ./data) from the environment, as for the relay. */
import type { Store } from '../store/contract.ts';
import { StoreError } from '../store/errors.ts';
import { openStore } from '../store/open-store.ts';
import { CliError } from './args.ts';

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
    if (err instanceof StoreError) throw new CliError(err.message, 1);
    throw err;
  } finally {
    await store.close();
  }
};

/** The base of links to the app: PUBLIC_URL, or HOST and PORT as the relay uses them. */
export const appBaseUrl = (): string => {
  const pub = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  if (pub) return pub;
  const host = process.env.HOST && process.env.HOST !== '0.0.0.0' && process.env.HOST !== '::' ? process.env.HOST : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 8787}`;
};
