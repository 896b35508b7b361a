/**
 * When a room asks for its log to be folded: once the log holds as many bytes as the snapshot
 * (between 64 KiB and 1 MiB), or COMPACT_AFTER updates, so that folding costs the same per edit
 * however large the workbook has grown.
 */
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { MemoryBacking, MemoryStore } from '../../../server/store/memory-store.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import { CompactionPlan, compactionDue, compactionNear, MAX_LOG_BYTES, MIN_FOLD_BYTES, SETTLE_EVERY } from '../../../server/relay/compaction-due.ts';
import { Room } from '../../../server/relay/room.ts';
import type { CompactJob } from '../../../server/store/compactor.ts';
import { spansOf } from '../../../server/relay/update-spans.ts';
import { testHooks, testPeer } from './room-fixtures.ts';

const KiB = 1024;

/**
 * A room on a memory store whose workbook holds `rows` notes of `width` characters, with one editor:
 * `edit(n, text)` writes a note as that editor (through the room, then a turn of the event loop) and
 * returns the update's size; the compaction jobs and "near" calls the room made are recorded.
 */
const roomOf = async (rows: number, width: number) => {
  const store = new MemoryStore(new MemoryBacking());
  const wb = Workbook.create({ name: 'Fold test' });
  const sheet = wb.addSheet({ name: 'Notes', columns: [{ name: 'Note', type: 'text' }] });
  wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), Array.from({ length: rows }, (_, i) => [`note ${i} ${'x'.repeat(width)}`]));
  wb.clearHistory();
  await createWorkbook(store, 'plan', wb);
  const jobs: CompactJob[] = [];
  const near: number[] = [];
  const room = await Room.load('plan', await store.openLog('plan'), {
    ...testHooks([]),
    compactAfter: 10_000,
    compact: (job) => void jobs.push(job),
    compactionNear: () => void near.push(jobs.length),
  });
  const peer = testPeer();
  room.join(peer);
  const client = Workbook.load(wb.encode());
  const col = client.columns(sheet)[0]?.id ?? '';
  const ids = client.rowIds(sheet);
  const edit = async (n: number, text: string): Promise<number> => {
    const before = Y.encodeStateVector(client.doc);
    client.setCell(sheet, ids[n % ids.length] ?? '', col, text);
    const update = Y.encodeStateAsUpdate(client.doc, before);
    room.receive(peer, { kind: 'update', update, spans: spansOf(Y.decodeUpdate(update).structs) });
    await new Promise((r) => setImmediate(r));
    return update.byteLength;
  };
  return { room, jobs, near, snapshotBytes: wb.encode().byteLength, edit };
};

describe('compaction: when the log is folded', () => {
  test.each([
    ['nothing logged', { updates: 0, bytes: 0 }, 10 * KiB, 10_000, false],
    ['a small workbook, log under 64 KiB', { updates: 200, bytes: 40 * KiB }, 10 * KiB, 10_000, false],
    ['a small workbook, log at 64 KiB', { updates: 300, bytes: MIN_FOLD_BYTES }, 10 * KiB, 10_000, true],
    ['a 500 KiB snapshot, log of 400 KiB', { updates: 2000, bytes: 400 * KiB }, 500 * KiB, 10_000, false],
    ['a 500 KiB snapshot, log of 500 KiB', { updates: 2500, bytes: 500 * KiB }, 500 * KiB, 10_000, true],
    ['a 5 MiB snapshot, log of 1 MiB (the most a log holds)', { updates: 5000, bytes: MAX_LOG_BYTES }, 5 * 1024 * KiB, 10_000, true],
    ['many tiny updates reach COMPACT_AFTER', { updates: 10_000, bytes: 20 * KiB }, 500 * KiB, 10_000, true],
    ['COMPACT_AFTER set low (tests, the CLI)', { updates: 25, bytes: 3 * KiB }, 500 * KiB, 25, true],
  ])('%s', (_, log, snapshot, maxUpdates, due) => {
    expect(compactionDue(log, snapshot, maxUpdates)).toBe(due);
  });

  test.each([
    ['a small workbook, log under 32 KiB', { updates: 100, bytes: 20 * KiB }, 10 * KiB, 100, false],
    ['a small workbook, log at 32 KiB (half of 64 KiB)', { updates: 150, bytes: 32 * KiB }, 10 * KiB, 150, true],
    ['a 500 KiB snapshot, log of 250 KiB', { updates: 900, bytes: 250 * KiB }, 500 * KiB, 400, true],
    ['500 updates since the last settling', { updates: 500, bytes: 10 * KiB }, 500 * KiB, 500, true],
  ])('the worker is got ready halfway: %s', (_, log, snapshot, unsettled, near) => {
    expect(compactionNear(log, snapshot, 10_000, unsettled)).toBe(near);
  });

  test('a plan: ready halfway, fold at the snapshot’s size, then counted afresh against the bigger snapshot', () => {
    const plan = new CompactionPlan(10_000);
    plan.loaded(100 * KiB, 0, 0);
    expect(plan.appended(1, 40 * KiB)).toBe(null);
    expect(plan.appended(1, 20 * KiB)).toBe('near');
    expect(plan.appended(1, 20 * KiB)).toBe(null);
    expect(plan.appended(1, 20 * KiB)).toBe('fold');
    plan.folded();
    expect(plan.logged).toBe(0);
    // The snapshot is now taken to be 200 KiB: 150 KiB of log is not enough.
    expect(plan.appended(1, 150 * KiB)).toBe(null);
    expect(plan.appended(1, 50 * KiB)).toBe('fold');
  });

  test('a room asks once the log has grown as big as the snapshot, not every so many edits', async () => {
    // A snapshot of about 150 KiB: over the 64 KiB floor.
    const { room, jobs, near, snapshotBytes, edit } = await roomOf(1500, 80);
    let logged = 0;
    let edits = 0;
    while (jobs.length === 0 && edits < 5000) logged += await edit(edits++, `edit ${edits} ${'y'.repeat(100)}`);
    await room.destroy();
    expect(jobs.length).toBeGreaterThan(0);
    // Asked once the log reached the snapshot's size (updates are a few hundred bytes: within one of them).
    expect(logged).toBeGreaterThanOrEqual(snapshotBytes);
    expect(logged).toBeLessThan(snapshotBytes + 1024);
    expect(edits).toBeGreaterThan(300);
    expect(jobs[0]?.settleOnly).toBeFalsy();
    // The relay was told once, before the first job, to get the worker ready.
    expect(near).toEqual([0]);
  });

  test('between folds, a room asks every 1,000 updates for the log to be settled (not folded)', async () => {
    // A snapshot of about 1 MiB: 1,000 small edits stay far below it.
    const { room, jobs, edit } = await roomOf(5000, 200);
    const asked: number[] = [];
    for (let edits = 1; edits <= SETTLE_EVERY * 2; edits++) {
      await edit(edits, `e${edits}`);
      if (jobs.length > asked.length) asked.push(edits);
    }
    expect(asked).toEqual([SETTLE_EVERY, SETTLE_EVERY * 2]);
    expect(jobs.every((j) => j.settleOnly === true)).toBe(true);
    await room.destroy();
  }, 30_000);
});
