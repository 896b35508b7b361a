/**
 * The store contract (server/store/contract.ts), checked against every store: SQLite in a data
 * folder, memory, and PostgreSQL (a real server of this file's own, one new database per test),
 * with the same cases unchanged. "Another instance" is a second store opened on the same data, as
 * another process (the CLI, another relay) opens it.
 *
 * Catalog
 *  [C1] A created workbook is listed by id with its name; creating the same id again is refused and changes nothing.
 *  [C2] An id that cannot name a workbook is refused before anything is written.
 *  [C3] A workbook's name can be changed; listings show the new one.
 *  [C4] A new token verifies to its one workbook and role, and is found by itself or by its id; a
 *       token for a workbook that does not exist is refused.
 *  [C5] A revoked token no longer verifies and is not active; revoking it again returns false;
 *       unknown and malformed tokens verify to nothing.
 *  [C6] A workbook's tokens are listed newest first, with their label and when they were revoked.
 *  [C7] Flags written through one instance are read through another; createTokenOnce makes one
 *       token per flag, whichever instance asks first.
 *  [C8] A catalog change made through another instance reaches a watcher; after it stops watching, nothing more does.
 * Update log
 *  [L1] A new workbook reads as its snapshot with an empty log.
 *  [L2] An append numbers its updates with consecutive, increasing sequence numbers; a read gives
 *       every update after the snapshot in that order, byte for byte.
 *  [L3] An append is visible to another instance once its promise resolves: nothing may be relayed before that.
 *  [L4] readSince(seq) gives exactly the updates after seq, and the snapshot only when it reaches past seq.
 *  [L5] Appends made at the same time through two instances are all kept, each under its own number.
 *  [L6] Another instance's append reaches a subscriber (within seconds), and readSince then gives
 *       it; after unsubscribing, nothing more is delivered.
 *  [L7] The log of a workbook that does not exist cannot be opened (WorkbookNotFoundError).
 *  [L8] Stats count the updates in the log, their bytes, and the snapshot's bytes.
 *  [L9] What is stored is a copy: changing an array after appending it, or after reading it, changes nothing stored.
 *  [L10] Replacing a workbook's content: a log opened afterwards reads the new snapshot and no
 *        updates, and the catalog shows its new name.
 * Compaction
 *  [K1] A compaction claim is exclusive: while one owner holds it, no other owner gets it (through
 *       any instance); once released, another owner can claim it.
 *  [K2] A claim that ran out can be taken by another owner; the first owner's replace then changes nothing.
 *  [K3] A compaction folds the updates up to its limit into the snapshot: the log keeps only those
 *       after it, and the workbook reads back the same.
 *  [K4] A replace based on a snapshot that has moved on changes nothing and returns false.
 *  [K5] Sequence numbers are never reused: appends after a compaction are numbered above every number given before.
 *  [K6] A reader that had seen less than a compaction folded gets the new snapshot from readSince.
 *  [K7] Settling a claimed log folds nothing: the log keeps every update and the workbook reads the same.
 * Owners of client ids
 *  [O1] Owners appended with updates (or with none) are read back through every instance.
 *  [O2] A client id has one owner: recording the same owner again changes nothing; another owner
 *       rejects the whole append (OwnerConflictError) and stores none of its updates or owners.
 *  [O3] Compaction leaves the owners as they were.
 *  [O4] Replacing a workbook's content starts its owners afresh.
 * Spaces
 *  [S1] A space is listed by id with its name and quota; its id cannot be created again, nor a bad
 *       id; setQuota changes only the limits given, and is false for a space that does not exist.
 *  [S2] A workbook created in a space is listed in it (and only in it), with the size it was created
 *       with; creating one in a space that does not exist is refused and writes nothing.
 *  [S3] A workbook of a space goes to the trash and back; trashing twice, restoring what is not
 *       there, or trashing a workbook of no space is false. Purging deletes it, its tokens and its
 *       log, for every instance.
 *  [S4] A member's token verifies to its space, role and name through another instance, and the
 *       member is active and listed; a role change shows at once; a removed member's token opens
 *       nothing, is not active nor listed, and removing again is false.
 *  [S5] addMemberOnce makes one member per flag, whichever instance asks first.
 *  [S6] A single-use invite makes exactly one member even when two instances accept it at once; a
 *       reusable one makes several; an expired or revoked one makes none. Invites, member tokens
 *       and workbook tokens never stand in for one another.
 *  [S7] A recorded change (when, by whom, size) and a member's last activity are read back.
 *  [S8] A space and an active member can be renamed, seen by every instance (the member's token
 *       verifies to the new name); renaming a space or member that does not exist, or a removed
 *       member, is false and changes nothing.
 * Workbooks through the model (server/store/stored-workbook.ts)
 *  [W1] A change made with updateWorkbook is appended as one update, reaches another instance's
 *       subscriber, and loads back.
 *  [W2] The client ids a change made with updateWorkbook starts are recorded as the server's.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { compactWorkbook } from '../../../server/store/compact.ts';
import type { Store } from '../../../server/store/contract.ts';
import { OwnerConflictError, StoreError, WorkbookNotFoundError } from '../../../server/store/errors.ts';
import { MemoryBacking, MemoryStore } from '../../../server/store/memory-store.ts';
import { PgStore } from '../../../server/store/pg/pg-store.ts';
import { SqliteStore } from '../../../server/store/store.ts';
import { createWorkbook, loadWorkbook, SERVER_OWNER, updateWorkbook } from '../../../server/store/stored-workbook.ts';
import { startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { waitFor } from '../../support/relay-clients.ts';
import { productsWorkbook, tempDataDir } from '../relay/fixtures.ts';

/** A store under test: `open` opens an instance on one set of data (a new, empty one per test). */
interface StoreKind {
  name: string;
  data: () => { open: () => Promise<Store> };
}

/** The PostgreSQL server of this file, started when its first case runs. */
let postgres: Promise<TestPostgres> | null = null;
let databases = 0;
afterAll(async () => {
  await (await postgres)?.destroy();
});

const KINDS: StoreKind[] = [
  {
    name: 'sqlite',
    data: () => {
      const dataDir = tempDataDir();
      return { open: () => SqliteStore.open(dataDir, { pollMs: 20 }) };
    },
  },
  {
    name: 'memory',
    data: () => {
      const backing = new MemoryBacking();
      return { open: async () => new MemoryStore(backing) };
    },
  },
  {
    name: 'postgres',
    data: () => {
      const name = `contract_${++databases}`;
      let url: Promise<string> | null = null;
      return {
        open: async () => {
          url ??= (postgres ??= startPostgres()).then((pg) => pg.createDatabase(name));
          return PgStore.open(await url, { pollMs: 50 });
        },
      };
    },
  },
];

/** Edits of one workbook, each as the update it made (what a client sends). */
const editsOf = (wb: Workbook, n: number, label = 'E'): Uint8Array[] => {
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  return Array.from({ length: n }, (_, i) => {
    const before = Y.encodeStateVector(wb.doc);
    wb.insertRows(sheet, { values: [{ [sku]: `${label}-${i}` }] });
    return Y.encodeStateAsUpdate(wb.doc, before);
  });
};

const skusOf = (wb: Workbook): string[] => {
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  return wb.rowIds(sheet).map((r) => String(wb.cell(sheet, r, sku)));
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(KINDS)('store contract: $name', ({ data }) => {
  const opened: Store[] = [];
  let open: () => Promise<Store>;
  /** A new instance on this test's data (closed after the test). */
  const instance = async (): Promise<Store> => {
    const s = await open();
    opened.push(s);
    return s;
  };
  /** An instance holding workbook `id` with the products workbook in it. */
  const withWorkbook = async (id = 'plan'): Promise<{ store: Store; wb: Workbook }> => {
    open = data().open;
    const store = await instance();
    const wb = productsWorkbook(2, `Plan ${id}`);
    await createWorkbook(store, id, wb);
    return { store, wb };
  };
  afterEach(async () => {
    for (const s of opened.splice(0).reverse()) await s.close();
  });

  describe('catalog', () => {
    test('[C1] a created workbook is listed with its name; its id cannot be created again', async () => {
      const { store } = await withWorkbook('plan');
      expect(await store.catalog.has('plan')).toBe(true);
      expect(await store.catalog.workbook('plan')).toMatchObject({ id: 'plan', name: 'Plan plan' });
      await expect(store.createWorkbook('plan', 'Other', productsWorkbook(9).encode())).rejects.toThrow('Workbook "plan" exists already');
      expect((await store.catalog.workbooks()).map((w) => [w.id, w.name])).toEqual([['plan', 'Plan plan']]);
      const other = await instance();
      expect(skusOf(await loadWorkbook(other, 'plan'))).toEqual(['SKU-1000', 'SKU-1001']);
    });

    test('[C2] an id that cannot name a workbook is refused before anything is written', async () => {
      const { store } = await withWorkbook();
      for (const id of ['', 'Has Caps', '../etc', 'a'.repeat(65), '-lead']) {
        await expect(store.createWorkbook(id, 'x', productsWorkbook().encode())).rejects.toThrow(StoreError);
      }
      expect((await store.catalog.workbooks()).map((w) => w.id)).toEqual(['plan']);
    });

    test('[C3] a workbook’s name can be changed; listings show the new one', async () => {
      const { store } = await withWorkbook();
      await store.catalog.setWorkbookName('plan', 'Renamed plan');
      expect((await (await instance()).catalog.workbooks())[0]?.name).toBe('Renamed plan');
    });

    test('[C4] a token verifies to its one workbook and role, and is found by itself or its id', async () => {
      const { store } = await withWorkbook();
      await createWorkbook(store, 'other', productsWorkbook());
      const { token, id } = await store.catalog.createToken('plan', 'viewer', 'for Li');
      const other = await instance();
      expect(await other.catalog.verify(token)).toEqual({ tokenId: id, workbook: 'plan', role: 'viewer' });
      expect(await other.catalog.isActive(id)).toBe(true);
      expect(await other.catalog.findToken(token)).toMatchObject({ id, workbook: 'plan', role: 'viewer', label: 'for Li', revokedAt: null });
      expect(await other.catalog.findToken(id)).toMatchObject({ id, workbook: 'plan' });
      expect(await other.catalog.tokens('other')).toEqual([]);
      await expect(store.catalog.createToken('nope', 'editor')).rejects.toThrow(WorkbookNotFoundError);
    });

    test('[C5] a revoked token no longer verifies; revoking twice returns false; malformed tokens verify to nothing', async () => {
      const { store } = await withWorkbook();
      const { token, id } = await store.catalog.createToken('plan', 'editor');
      const other = await instance();
      expect(await other.catalog.revoke(id)).toBe(true);
      expect(await store.catalog.verify(token)).toBeUndefined();
      expect(await store.catalog.isActive(id)).toBe(false);
      expect(await store.catalog.revoke(id)).toBe(false);
      for (const bad of ['', 'owb_', `${token}x`, 'x'.repeat(10_000), token.toUpperCase()]) {
        expect(await store.catalog.verify(bad)).toBeUndefined();
      }
    });

    test('[C6] a workbook’s tokens are listed newest first, with label and revocation time', async () => {
      const { store } = await withWorkbook();
      const first = await store.catalog.createToken('plan', 'editor', 'first');
      await sleep(5);
      const second = await store.catalog.createToken('plan', 'viewer', 'second');
      await store.catalog.revoke(first.id);
      const listed = await store.catalog.tokens('plan');
      expect(listed.map((t) => [t.id, t.role, t.label])).toEqual([
        [second.id, 'viewer', 'second'],
        [first.id, 'editor', 'first'],
      ]);
      expect(listed[1]?.revokedAt).toBeGreaterThanOrEqual(listed[1]?.createdAt ?? Infinity);
      expect(listed[0]?.revokedAt).toBeNull();
    });

    test('[C7] flags are shared between instances; createTokenOnce makes one token per flag', async () => {
      const { store } = await withWorkbook();
      const other = await instance();
      await store.catalog.setMeta('seen', 'yes');
      expect(await other.catalog.getMeta('seen')).toBe('yes');
      expect(await other.catalog.getMeta('never')).toBeUndefined();
      const made = await Promise.all([store, other, store].map((s) => s.catalog.createTokenOnce('owner_link', 'plan', 'editor', 'owner')));
      expect(made.filter((m) => m !== null)).toHaveLength(1);
      expect(await store.catalog.tokens('plan')).toHaveLength(1);
      expect(await other.catalog.getMeta('owner_link')).toBeTruthy();
    });

    test('[C8] a change made through another instance reaches a catalog watcher, until it stops watching', async () => {
      const { store } = await withWorkbook();
      const other = await instance();
      let calls = 0;
      const stop = store.catalog.watch(() => calls++);
      const { id } = await other.catalog.createToken('plan', 'editor');
      await other.catalog.revoke(id);
      await waitFor('the watcher was called', () => calls > 0, 5000);
      stop();
      const after = calls;
      await other.catalog.createToken('plan', 'viewer');
      await sleep(200);
      expect(calls).toBe(after);
    });
  });

  describe('update log', () => {
    test('[L1] a new workbook reads as its snapshot with an empty log', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const state = await log.read();
      expect(state).toMatchObject({ snapshotUpto: 0, updates: [], lastSeq: 0 });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state.snapshot);
      expect(skusOf(new Workbook(doc))).toEqual(skusOf(wb));
      await log.close();
    });

    test('[L2] appends are numbered consecutively in order; a read gives them back byte for byte', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const edits = editsOf(wb, 5);
      const a = await log.append(edits.slice(0, 2));
      const b = await log.append(edits.slice(2));
      expect(a).toHaveLength(2);
      expect([...a, ...b]).toEqual(Array.from({ length: 5 }, (_, i) => (a[0] ?? 0) + i));
      const state = await log.read();
      expect(state.updates.map((u) => u.seq)).toEqual([...a, ...b]);
      expect(state.updates.map((u) => [...u.data])).toEqual(edits.map((e) => [...e]));
      expect(state.lastSeq).toBe(b.at(-1));
      await log.close();
    });

    test('[L3] an append is visible to another instance once it resolves', async () => {
      const { store, wb } = await withWorkbook();
      const other = await instance();
      const [mine, theirs] = await Promise.all([store.openLog('plan'), other.openLog('plan')]);
      for (const [i, edit] of editsOf(wb, 10).entries()) {
        const [seq] = await mine.append([edit]);
        // Read at once, with no wait in between: what resolved is there.
        const seen = await theirs.readSince((seq ?? 0) - 1);
        expect(seen.updates.map((u) => u.seq), `edit ${i}`).toEqual([seq]);
      }
      expect(skusOf(await loadWorkbook(other, 'plan'))).toContain('E-9');
      await mine.close();
      await theirs.close();
    });

    test('[L4] readSince gives exactly the updates after a number, and the snapshot only when it reaches past it', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const seqs = await log.append(editsOf(wb, 4));
      const since = await log.readSince(seqs[1] ?? 0);
      expect(since.updates.map((u) => u.seq)).toEqual(seqs.slice(2));
      expect(since.snapshot).toBeNull();
      expect((await log.readSince(seqs.at(-1) ?? 0)).updates).toEqual([]);
      await log.close();
    });

    test('[L5] appends made at once through two instances are all kept, each under its own number', async () => {
      const { store, wb } = await withWorkbook();
      const other = await instance();
      const [a, b] = await Promise.all([store.openLog('plan'), other.openLog('plan')]);
      const wb2 = Workbook.load(wb.encode());
      const fromA = editsOf(wb, 20, 'A');
      const fromB = editsOf(wb2, 20, 'B');
      const seqs = (await Promise.all(fromA.map((e, i) => Promise.all([a.append([e]), b.append([fromB[i] ?? e])])))).flat(2);
      expect(new Set(seqs).size).toBe(40);
      const skus = skusOf(await loadWorkbook(store, 'plan'));
      for (let i = 0; i < 20; i++) expect(skus).toEqual(expect.arrayContaining([`A-${i}`, `B-${i}`]));
      await a.close();
      await b.close();
    });

    test('[L6] another instance’s append reaches a subscriber, which then reads it; unsubscribed, nothing more comes', async () => {
      const { store, wb } = await withWorkbook();
      const other = await instance();
      const mine = await store.openLog('plan');
      const theirs = await other.openLog('plan');
      const told: (number | undefined)[] = [];
      const stop = mine.subscribe((seq) => told.push(seq));
      await sleep(50); // a first, spurious call is allowed; what counts is the one after the append
      told.length = 0;
      const [seq] = await theirs.append(editsOf(wb, 1));
      await waitFor('the subscriber was told', () => told.length > 0, 5000);
      expect(told.every((s) => s === undefined || s >= (seq ?? 0))).toBe(true);
      expect((await mine.readSince((seq ?? 1) - 1)).updates.map((u) => u.seq)).toEqual([seq]);
      stop();
      told.length = 0;
      await theirs.append(editsOf(wb, 1, 'late'));
      await sleep(200);
      expect(told).toEqual([]);
      await mine.close();
      await theirs.close();
    });

    test('[L7] the log of a workbook that does not exist cannot be opened', async () => {
      const { store } = await withWorkbook();
      await expect(store.openLog('missing')).rejects.toThrow(WorkbookNotFoundError);
      await expect(store.claimCompaction('missing', 'me', 1000)).rejects.toThrow(WorkbookNotFoundError);
    });

    test('[L8] stats count the log’s updates and bytes and the snapshot’s bytes', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const snapshotBytes = (await log.read()).snapshot.byteLength;
      const edits = editsOf(wb, 3);
      await log.append(edits);
      expect(await log.stats()).toEqual({ updates: 3, bytes: edits.reduce((n, e) => n + e.byteLength, 0), snapshotBytes });
      await log.close();
    });

    test('[L9] what is stored is a copy of what was given and read', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const [edit] = editsOf(wb, 1);
      const given = edit ?? new Uint8Array();
      const kept = [...given];
      await log.append([given]);
      given.fill(0);
      const first = await log.read();
      first.updates[0]?.data.fill(7);
      first.snapshot.fill(7);
      const again = await log.read();
      expect([...(again.updates[0]?.data ?? [])]).toEqual(kept);
      expect(again.snapshot.some((b) => b !== 7)).toBe(true);
      await log.close();
    });

    test('[L10] replacing a workbook’s content: a log opened afterwards reads the new snapshot and nothing else', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      await log.append(editsOf(wb, 3));
      await log.close();
      const replacement = productsWorkbook(1, 'Replacement');
      await store.replaceContent('plan', 'Replacement', replacement.encode());
      const other = await instance();
      const fresh = await other.openLog('plan');
      expect((await fresh.read()).updates).toEqual([]);
      expect(skusOf(await loadWorkbook(other, 'plan'))).toEqual(['SKU-1000']);
      expect((await other.catalog.workbook('plan'))?.name).toBe('Replacement');
      await fresh.close();
    });
  });

  describe('compaction', () => {
    test('[K1] a claim is exclusive across instances until it is released', async () => {
      const { store } = await withWorkbook();
      const other = await instance();
      const claim = await store.claimCompaction('plan', 'relay-a', 60_000);
      expect(claim).not.toBeNull();
      expect(await other.claimCompaction('plan', 'relay-b', 60_000)).toBeNull();
      expect(await store.claimCompaction('plan', 'relay-c', 60_000)).toBeNull();
      await claim?.release();
      const next = await other.claimCompaction('plan', 'relay-b', 60_000);
      expect(next).not.toBeNull();
      await next?.release();
    });

    test('[K2] a claim that ran out can be taken over; the first owner’s replace then changes nothing', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      await log.append(editsOf(wb, 2));
      const slow = await store.claimCompaction('plan', 'slow', 30);
      const state = await slow?.read();
      await sleep(60);
      const other = await instance();
      const fast = await other.claimCompaction('plan', 'fast', 60_000);
      expect(fast).not.toBeNull();
      expect(await slow?.replace(state?.snapshotUpto ?? 0, state?.lastSeq ?? 0, new Uint8Array([0, 0]))).toBe(false);
      await slow?.release();
      // The slow owner's release does not end the new owner's claim.
      expect(await store.claimCompaction('plan', 'third', 60_000)).toBeNull();
      await fast?.release();
      expect((await log.read()).updates).toHaveLength(2);
      await log.close();
    });

    test('[K3] a compaction folds the updates up to its limit; later ones stay in the log; the workbook reads the same', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const seqs = await log.append(editsOf(wb, 10));
      const expected = JSON.stringify(wb.toJSON());
      const upto = seqs[6] ?? 0;
      expect(await compactWorkbook(store, 'plan', 'me', upto)).toMatchObject({ compacted: true, folded: 7, name: 'Plan plan' });
      const state = await log.read();
      expect(state.snapshotUpto).toBe(upto);
      expect(state.updates.map((u) => u.seq)).toEqual(seqs.slice(7));
      expect(JSON.stringify((await loadWorkbook(await instance(), 'plan')).toJSON())).toBe(expected);
      // The claim was released: another owner can compact the rest.
      expect(await compactWorkbook(store, 'plan', 'someone else')).toMatchObject({ compacted: true, folded: 3 });
      await log.close();
    });

    test('[K4] a replace based on a snapshot that has moved on changes nothing', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      await log.append(editsOf(wb, 4));
      const claim = await store.claimCompaction('plan', 'me', 60_000);
      expect(await claim?.replace(99, 100, new Uint8Array([0, 0]))).toBe(false);
      await claim?.release();
      expect((await log.read()).updates).toHaveLength(4);
      expect(skusOf(await loadWorkbook(store, 'plan'))).toHaveLength(6);
      await log.close();
    });

    test('[K5] sequence numbers are never reused after a compaction', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const before = await log.append(editsOf(wb, 3));
      await compactWorkbook(store, 'plan', 'me');
      const after = await log.append(editsOf(wb, 2, 'after'));
      expect(Math.min(...after)).toBeGreaterThan(Math.max(...before));
      await log.close();
    });

    test('[K6] a reader that had seen less than a compaction folded gets the new snapshot', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const seqs = await log.append(editsOf(wb, 5));
      await compactWorkbook(store, 'plan', 'me', seqs[3]);
      const since = await log.readSince(seqs[1] ?? 0);
      expect(since.snapshotUpto).toBe(seqs[3]);
      expect(since.updates.map((u) => u.seq)).toEqual(seqs.slice(4));
      const doc = new Y.Doc();
      Y.applyUpdate(doc, since.snapshot ?? new Uint8Array());
      for (const u of since.updates) Y.applyUpdate(doc, u.data);
      expect(skusOf(new Workbook(doc))).toEqual(skusOf(wb));
      await log.close();
    });

    test('[K7] settling a claimed log folds nothing; the workbook reads the same', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const seqs = await log.append(editsOf(wb, 4));
      const claim = await store.claimCompaction('plan', 'me', 60_000);
      await claim?.settle();
      await claim?.release();
      const state = await log.read();
      expect(state.updates.map((u) => u.seq)).toEqual(seqs);
      expect(skusOf(await loadWorkbook(store, 'plan'))).toEqual(skusOf(wb));
      await log.close();
    });
  });

  describe('owners of client ids', () => {
    test('[O1] owners appended with updates, or alone, are read back through every instance', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      await log.append(editsOf(wb, 1), [{ clientId: 7, owner: 'device:a' }]);
      await log.append([], [{ clientId: 9, owner: 'token:t1' }, { clientId: 3, owner: 'device:a' }]);
      const other = await (await instance()).openLog('plan');
      const expected = [
        { clientId: 3, owner: 'device:a' },
        { clientId: 7, owner: 'device:a' },
        { clientId: 9, owner: 'token:t1' },
      ];
      expect(await log.owners()).toEqual(expected);
      expect(await other.owners()).toEqual(expected);
      expect((await other.read()).updates).toHaveLength(1);
      await Promise.all([log.close(), other.close()]);
    });

    test('[O2] a client id has one owner: the same again is nothing, another rejects the whole append', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      const [a, b] = editsOf(wb, 2);
      await log.append([a ?? new Uint8Array()], [{ clientId: 7, owner: 'device:a' }]);
      await log.append([], [{ clientId: 7, owner: 'device:a' }]);
      const other = await (await instance()).openLog('plan');
      const refused = other.append([b ?? new Uint8Array()], [{ clientId: 8, owner: 'device:b' }, { clientId: 7, owner: 'device:b' }]);
      await expect(refused).rejects.toBeInstanceOf(OwnerConflictError);
      expect(await log.owners()).toEqual([{ clientId: 7, owner: 'device:a' }]);
      expect((await log.read()).updates).toHaveLength(1);
      await Promise.all([log.close(), other.close()]);
    });

    test('[O3] compaction leaves the owners as they were', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      await log.append(editsOf(wb, 3), [{ clientId: wb.doc.clientID, owner: 'device:a' }]);
      expect(await compactWorkbook(store, 'plan', 'me')).toMatchObject({ compacted: true, folded: 3 });
      expect(await log.owners()).toEqual([{ clientId: wb.doc.clientID, owner: 'device:a' }]);
      await log.close();
    });

    test('[O4] replacing a workbook’s content starts its owners afresh', async () => {
      const { store, wb } = await withWorkbook();
      const log = await store.openLog('plan');
      await log.append(editsOf(wb, 1), [{ clientId: 5, owner: 'device:a' }]);
      await log.close();
      await store.replaceContent('plan', 'Plan again', wb.encode());
      const fresh = await store.openLog('plan');
      expect(await fresh.owners()).toEqual([]);
      await fresh.close();
    });
  });

  describe('spaces', () => {
    test('[S1] a space is listed with its name and quota; its id cannot be taken again; quotas change field by field', async () => {
      const { store } = await withWorkbook();
      const made = await store.catalog.createSpace('shop-a', 'Shop A', { workbooks: 5 });
      expect(made).toMatchObject({ id: 'shop-a', name: 'Shop A', quota: { workbooks: 5, bytes: null } });
      await store.catalog.createSpace('brand-b', 'Brand B');
      await expect(store.catalog.createSpace('shop-a', 'Again')).rejects.toThrow(StoreError);
      await expect(store.catalog.createSpace('Bad Id', 'x')).rejects.toThrow(StoreError);
      const other = await instance();
      expect((await other.catalog.spaces()).map((s) => [s.id, s.name])).toEqual([
        ['brand-b', 'Brand B'],
        ['shop-a', 'Shop A'],
      ]);
      expect(await other.catalog.setQuota('shop-a', { bytes: 1000 })).toBe(true);
      expect((await store.catalog.space('shop-a'))?.quota).toEqual({ workbooks: 5, bytes: 1000 });
      expect(await store.catalog.setQuota('nope', { bytes: 1 })).toBe(false);
      expect(await store.catalog.space('nope')).toBeUndefined();
    });

    test('[S2] a workbook created in a space is listed in it only; a missing space is refused', async () => {
      const { store } = await withWorkbook('plan');
      await store.catalog.createSpace('shop-a', 'Shop A');
      await store.catalog.createSpace('shop-b', 'Shop B');
      const a1 = productsWorkbook().encode();
      await store.createWorkbook('a1', 'A one', a1, 'shop-a');
      await store.createWorkbook('b1', 'B one', productsWorkbook().encode(), 'shop-b');
      await expect(store.createWorkbook('x1', 'X', productsWorkbook().encode(), 'missing')).rejects.toThrow(StoreError);
      const other = await instance();
      expect((await other.catalog.workbooksIn('shop-a')).map((w) => [w.id, w.space, w.trashedAt])).toEqual([['a1', 'shop-a', null]]);
      // Its size is known from the start: the snapshot it was created with.
      expect((await other.catalog.workbook('a1'))?.bytes).toBe(a1.byteLength);
      expect((await other.catalog.workbook('plan'))?.space).toBeNull();
      expect(await other.catalog.has('x1')).toBe(false);
    });

    test('[S3] trash, restore and purge', async () => {
      const { store } = await withWorkbook('plan');
      await store.catalog.createSpace('shop-a', 'Shop A');
      await store.createWorkbook('a1', 'A one', productsWorkbook().encode(), 'shop-a');
      const token = await store.catalog.createToken('a1', 'viewer');
      const other = await instance();
      expect(await store.catalog.trashWorkbook('a1', 1234)).toBe(true);
      expect(await other.catalog.trashWorkbook('a1')).toBe(false);
      expect((await other.catalog.workbook('a1'))?.trashedAt).toBe(1234);
      expect(await other.catalog.restoreWorkbook('a1')).toBe(true);
      expect(await store.catalog.restoreWorkbook('a1')).toBe(false);
      expect((await store.catalog.workbook('a1'))?.trashedAt).toBeNull();
      expect(await store.catalog.trashWorkbook('plan')).toBe(false);
      expect(await other.purgeWorkbook('a1')).toBe(true);
      expect(await other.purgeWorkbook('a1')).toBe(false);
      expect(await store.catalog.has('a1')).toBe(false);
      expect(await store.catalog.verify(token.token)).toBeUndefined();
      await expect(store.openLog('a1')).rejects.toThrow(WorkbookNotFoundError);
      expect((await store.catalog.workbooksIn('shop-a'))).toEqual([]);
      // The id can be used again, from scratch.
      await store.createWorkbook('a1', 'A again', productsWorkbook(1).encode(), 'shop-a');
      expect(skusOf(await loadWorkbook(other, 'a1'))).toEqual(['SKU-1000']);
    });

    test('[S4] a member token verifies to its space and role; role changes and removal take effect everywhere', async () => {
      const { store } = await withWorkbook();
      await store.catalog.createSpace('shop-a', 'Shop A');
      await expect(store.catalog.addMember('missing', 'editor', 'Li')).rejects.toThrow(StoreError);
      const li = await store.catalog.addMember('shop-a', 'editor', 'Li');
      await sleep(2);
      const wang = await store.catalog.addMember('shop-a', 'viewer', 'Wang');
      const other = await instance();
      expect(await other.catalog.verifyMember(li.token)).toEqual({ memberId: li.member.id, space: 'shop-a', role: 'editor', name: 'Li' });
      expect(await other.catalog.isActive(li.member.id)).toBe(true);
      expect((await other.catalog.members('shop-a')).map((m) => [m.name, m.role])).toEqual([
        ['Li', 'editor'],
        ['Wang', 'viewer'],
      ]);
      expect(await other.catalog.setMemberRole(wang.member.id, 'owner')).toBe(true);
      expect((await store.catalog.verifyMember(wang.token))?.role).toBe('owner');
      expect(await other.catalog.removeMember(li.member.id)).toBe(true);
      expect(await store.catalog.verifyMember(li.token)).toBeUndefined();
      expect(await store.catalog.isActive(li.member.id)).toBe(false);
      expect(await store.catalog.removeMember(li.member.id)).toBe(false);
      expect(await store.catalog.setMemberRole(li.member.id, 'editor')).toBe(false);
      expect((await store.catalog.members('shop-a')).map((m) => m.name)).toEqual(['Wang']);
      expect((await store.catalog.member(li.member.id))?.removedAt).not.toBeNull();
      for (const bad of ['', 'owb_', `${wang.token}x`, 'x'.repeat(10_000)]) expect(await store.catalog.verifyMember(bad)).toBeUndefined();
    });

    test('[S5] addMemberOnce makes one member per flag', async () => {
      const { store } = await withWorkbook();
      await store.catalog.createSpace('shop-a', 'Shop A');
      const other = await instance();
      const made = await Promise.all([store, other, store].map((s) => s.catalog.addMemberOnce('first_owner', 'shop-a', 'owner', 'Owner')));
      expect(made.filter((m) => m !== null)).toHaveLength(1);
      expect(await other.catalog.members('shop-a')).toHaveLength(1);
    });

    test('[S6] invites: single-use makes one member, reusable several, expired or revoked none; tokens never stand in for one another', async () => {
      const { store } = await withWorkbook();
      await store.catalog.createSpace('shop-a', 'Shop A');
      const other = await instance();
      const once = await store.catalog.createInvite('shop-a', 'editor', { singleUse: true, expiresAt: null });
      const accepted = await Promise.all([store, other, other].map((s) => s.catalog.acceptInvite(once.token, 'Someone')));
      expect(accepted.filter((a) => a !== undefined)).toHaveLength(1);
      const many = await other.catalog.createInvite('shop-a', 'viewer', { singleUse: false, expiresAt: Date.now() + 60_000 });
      const a = await store.catalog.acceptInvite(many.token, 'A');
      const b = await store.catalog.acceptInvite(many.token, 'B');
      expect([a?.member.role, b?.member.role]).toEqual(['viewer', 'viewer']);
      expect(a?.token).not.toBe(b?.token);
      expect(await store.catalog.acceptInvite(many.token, 'late', Date.now() + 120_000)).toBeUndefined();
      expect(await other.catalog.revokeInvite(many.id)).toBe(true);
      expect(await other.catalog.revokeInvite(many.id)).toBe(false);
      expect(await store.catalog.acceptInvite(many.token, 'C')).toBeUndefined();
      // Invites made in the same millisecond may list in either order: compared by id.
      const byId = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
      expect((await store.catalog.invites('shop-a')).map((i) => [i.id, i.uses, i.singleUse, i.revokedAt === null]).sort(byId)).toEqual(
        [
          [many.id, 2, false, false],
          [once.id, 1, true, true],
        ].sort(byId),
      );
      expect((await store.catalog.members('shop-a')).map((m) => m.name).sort()).toEqual(['A', 'B', 'Someone']);
      // An invite is not a member token, a member token not an invite, neither a workbook token.
      expect(await store.catalog.verifyMember(once.token)).toBeUndefined();
      expect(await store.catalog.acceptInvite(a?.token ?? '', 'x')).toBeUndefined();
      expect(await store.catalog.verify(a?.token ?? '')).toBeUndefined();
      const wbToken = await store.catalog.createToken('plan', 'editor');
      expect(await store.catalog.verifyMember(wbToken.token)).toBeUndefined();
      await expect(store.catalog.createInvite('missing', 'editor', { singleUse: true, expiresAt: null })).rejects.toThrow(StoreError);
    });

    test('[S7] a recorded change and a member’s last activity are read back', async () => {
      const { store } = await withWorkbook();
      await store.catalog.createSpace('shop-a', 'Shop A');
      await store.createWorkbook('a1', 'A one', productsWorkbook().encode(), 'shop-a');
      const li = await store.catalog.addMember('shop-a', 'editor', 'Li');
      await store.catalog.recordChange('a1', { at: 5000, by: 'Li', bytes: 321 });
      await store.catalog.touchMember(li.member.id, 6000);
      const other = await instance();
      expect(await other.catalog.workbook('a1')).toMatchObject({ changedAt: 5000, changedBy: 'Li', bytes: 321 });
      expect((await other.catalog.member(li.member.id))?.lastSeenAt).toBe(6000);
    });
  });

  describe('renaming spaces and members', () => {
    test('[S8] a space and a member are renamed for every instance; what does not exist, or was removed, is not', async () => {
      const { store } = await withWorkbook();
      await store.catalog.createSpace('shop-a', 'Shop A', { bytes: 1000 });
      const li = await store.catalog.addMember('shop-a', 'editor', 'Li');
      const gone = await store.catalog.addMember('shop-a', 'viewer', 'Gone');
      await store.catalog.removeMember(gone.member.id);
      const other = await instance();
      expect(await other.catalog.renameSpace('shop-a', 'Shop A · Lighting')).toBe(true);
      expect(await store.catalog.space('shop-a')).toMatchObject({ name: 'Shop A · Lighting', quota: { workbooks: null, bytes: 1000 } });
      expect(await other.catalog.renameMember(li.member.id, '李娜')).toBe(true);
      expect(await store.catalog.verifyMember(li.token)).toMatchObject({ name: '李娜', role: 'editor' });
      expect((await store.catalog.members('shop-a')).map((m) => m.name)).toEqual(['李娜']);
      expect(await store.catalog.renameSpace('missing', 'X')).toBe(false);
      expect(await store.catalog.renameMember('missing', 'X')).toBe(false);
      expect(await store.catalog.renameMember(gone.member.id, 'Back')).toBe(false);
      expect((await other.catalog.member(gone.member.id))?.name).toBe('Gone');
    });
  });

  describe('workbooks through the model', () => {
    test('[W1] a change made with updateWorkbook is one update that reaches another instance’s subscriber and loads back', async () => {
      const { store } = await withWorkbook();
      const other = await instance();
      const watching = await other.openLog('plan');
      const start = (await watching.read()).lastSeq;
      let told = 0;
      const stop = watching.subscribe(() => told++);
      const update = await updateWorkbook(store, 'plan', (wb) => wb.renameSheet(wb.sheets()[0]?.id ?? '', 'Goods'));
      expect(update).not.toBeNull();
      await waitFor('the other instance was told', () => told > 0, 5000);
      const since = await watching.readSince(start);
      expect(since.updates).toHaveLength(1);
      expect((await loadWorkbook(other, 'plan')).sheets()[0]?.name).toBe('Goods');
      expect(await updateWorkbook(store, 'plan', () => {})).toBeNull();
      stop();
      await watching.close();
    });

    test('[W2] the client ids a change made with updateWorkbook starts are the server’s', async () => {
      const { store } = await withWorkbook();
      const update = await updateWorkbook(store, 'plan', (wb) => wb.renameSheet(wb.sheets()[0]?.id ?? '', 'Goods'));
      const clients = new Set(Y.decodeUpdate(update ?? new Uint8Array()).structs.map((st) => st.id.client));
      const log = await store.openLog('plan');
      expect(await log.owners()).toEqual([...clients].map((clientId) => ({ clientId, owner: SERVER_OWNER })));
      await log.close();
    });
  });
});
