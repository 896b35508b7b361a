/**
 * The timeline that dates every change, and the moments and devices read from it: one entry per
 * operation, written by its own replica (an entry can only date its writer's changes), entries a
 * peer forged or broke are ignored, and a history lists bursts of changes per device.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { Workbook } from '../../../src/model/index.ts';
import { KeptHistory } from '../../../src/model/kept-history.ts';
import { KEPT_ROOTS } from '../../../src/model/kept-roots.ts';
import { ROOT_EDITS } from '../../../src/model/edit-log.ts';
import { ROOT_LAYOUTS, ROOT_SHEETS } from '../../../src/model/layout.ts';
import { ROOT_TIMELINE } from '../../../src/model/timeline-log.ts';
import { clientsOf, listHistory } from '../../../src/model/moments.ts';
import { KeptTeam } from '../../support/kept-team.ts';
import { seededRandom } from '../../support/random.ts';

const ANA = { id: 'u-ana', name: 'Ana' };
const MAL = { id: 'u-mallory', name: 'Mallory' };

let team: KeptTeam | undefined;
afterEach(() => team?.done());

const entries = (wb: Workbook): unknown[] => wb.doc.getArray('timeline').toArray();

describe('the timeline', () => {
  test('the history readers open the root types the model writes', () => {
    expect(KEPT_ROOTS).toEqual({ sheets: ROOT_SHEETS, layouts: ROOT_LAYOUTS, edits: ROOT_EDITS, timeline: ROOT_TIMELINE });
  });

  test.each([
    { op: 'a cell edit', act: (wb: Workbook, s: string) => wb.setCell(s, wb.rowIds(s)[0] ?? '', wb.columns(s)[0]?.id ?? '', 'x'), kind: undefined },
    { op: 'a row deletion', act: (wb: Workbook, s: string) => wb.deleteRows(s, [wb.rowIds(s)[0] ?? '']), kind: undefined },
    { op: 'a sheet rename', act: (wb: Workbook, s: string) => wb.renameSheet(s, 'Other'), kind: undefined },
    { op: 'an undo', act: (wb: Workbook, s: string) => (wb.renameSheet(s, 'Other'), wb.undo()), kind: 'undo' },
  ])('$op writes one entry: time, who, what it deleted', ({ act, kind }) => {
    const wb = Workbook.create({}, { user: ANA });
    const s = wb.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }] });
    wb.insertRows(s, { count: 2 });
    const before = entries(wb).length;
    const t = Date.now();
    act(wb, s);
    const added = entries(wb).slice(before);
    expect(added.length).toBe(kind === 'undo' ? 2 : 1);
    expect(added.at(-1)).toMatchObject({ n: 'Ana', k: kind });
    expect((added.at(-1) as { t: number }).t).toBeGreaterThanOrEqual(t);
  });

  test('an operation that changes nothing writes nothing; one made of others dates each part, then the whole', () => {
    const wb = Workbook.create({}, { user: ANA });
    const s = wb.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }] });
    const n = entries(wb).length;
    wb.setCells(s, []);
    wb.deleteRows(s, ['no-such-row']);
    expect(entries(wb).length).toBe(n);
    wb.transact(() => {
      wb.insertRows(s, { count: 3 });
      wb.renameSheet(s, 'Q');
    }, 'revert');
    expect(entries(wb).slice(n).map((e) => (e as { k?: string }).k)).toEqual([undefined, undefined, 'revert']);
  });

  test('an entry dates only its own writer’s changes; entries a peer broke are ignored', () => {
    team = new KeptTeam([ANA, MAL], seededRandom(2));
    const [ana, mal] = team.people as [Workbook, Workbook];
    const s = ana.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }] });
    const t0 = team.tick(60_000);
    ana.insertRows(s, { count: 1 });
    team.tick(60_000);
    // Mallory writes entries by hand: claiming a time long ago and a huge deleted range under
    // Ana's name (a name is a claim until the relay records who owns each client id), and broken ones.
    const forged = [
      { t: 0, d: [ana.doc.clientID, 0, 1_000_000], n: 'Ana' },
      { t: 'yesterday', d: [], n: 'x' },
      { t: 1, d: [1, 2], n: 'x' },
      { t: 1, d: [1, -2, 3], n: 'x' },
      { t: 1, d: [], n: { toString: 1 } },
      { t: 1, d: [], n: 'x'.repeat(10_000) },
      null,
      '__proto__',
    ];
    mal.doc.transact(() => mal.doc.getArray('timeline').push(forged));
    const timeline = team.history().timeline;
    // Ana's changes keep her dates; the forged entries date Mallory's own clocks only.
    expect(timeline.dateOf(ana.doc.clientID, 0)).toBeLessThanOrEqual(t0);
    expect(timeline.clients().get(ana.doc.clientID)?.every((m) => m.name === 'Ana')).toBe(true);
    // (A name of 10,000 characters is no break: that entry counts, its name cut.)
    expect(timeline.clients().get(mal.doc.clientID)?.map((m) => m.stamped)).toEqual([0, 1]);
    expect(timeline.clients().get(mal.doc.clientID)?.[1]?.name).toBe(`${'x'.repeat(63)}…`);
    // Restoring any moment still gives Ana's row as it was: a claim changes nothing that was not deleted.
    expect(listHistory(team.history()).devices.find((d) => d.name === 'Ana')?.counts.rowsAdded).toBe(1);
  });

  test('a device whose clock goes back is read as no time passing', () => {
    team = new KeptTeam([ANA], seededRandom(3));
    const [ana] = team.people as [Workbook];
    const s = ana.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }] });
    team.tick(60_000);
    ana.insertRows(s, { count: 1 });
    const late = team.now;
    team.tick(-3_600_000);
    ana.insertRows(s, { count: 1 });
    const marks = team.history().timeline.clients().get(ana.doc.clientID) ?? [];
    expect(marks.at(-1)?.time).toBe(late);
    expect(marks.at(-1)?.stamped).toBe(late - 3_600_000);
  });
});

describe('moments and devices', () => {
  test('bursts of each device, split by pauses over five minutes, newest first, with what they did', () => {
    team = new KeptTeam([ANA, MAL], seededRandom(4));
    const [ana, mal] = team.people as [Workbook, Workbook];
    const s = ana.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }] });
    const rows = ana.insertRows(s, { count: 3 });
    const [col] = ana.columns(s).map((c) => c.id) as [string];
    team.tick(4 * 60_000);
    ana.setCell(s, rows[0] ?? '', col, 'a');
    team.tick(10 * 60_000);
    mal.setCell(s, rows[0] ?? '', col, '');
    team.tick();
    mal.setCell(s, rows[1] ?? '', col, '');
    mal.setCell(s, rows[1] ?? '', col, 'again');
    mal.deleteRows(s, [rows[2] ?? '']);
    mal.insertRows(s, { values: [{ [col]: 'junk' }] });
    const { moments, devices } = listHistory(team.history());
    expect(moments.map((m) => [m.name, m.counts.cells, m.counts.rowsAdded, m.counts.rowsDeleted, m.counts.changes])).toEqual([
      ['Mallory', 2, 1, 1, 5],
      ['Ana', 1, 3, 0, 3],
    ]);
    expect(moments[0]?.start).toBe(moments[0] && moments[0].time - 1000);
    expect(devices.map((d) => d.name)).toEqual(['Mallory', 'Ana']);
    expect(devices[0]?.clients).toEqual([mal.doc.clientID]);
  });

  test('a change of another device between two of Ana’s splits her burst, so the moment right before it is listed', () => {
    team = new KeptTeam([ANA, MAL], seededRandom(6));
    const [ana, mal] = team.people as [Workbook, Workbook];
    const s = ana.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }] });
    const before = team.tick();
    mal.renameSheet(s, 'Gone');
    team.tick();
    ana.renameSheet(s, 'Back');
    expect(listHistory(team.history()).moments.map((m) => [m.name, m.time])).toEqual([
      ['Ana', team.now],
      ['Mallory', before],
      ['Ana', before - 1000],
    ]);
  });

  test('restores, reverts and undos are marked in their burst', () => {
    team = new KeptTeam([ANA], seededRandom(5));
    const [ana] = team.people as [Workbook];
    const s = ana.addSheet({ name: 'P', columns: [] });
    ana.renameSheet(s, 'Q');
    ana.undo();
    expect(listHistory(team.history()).moments[0]?.kinds).toEqual(['undo']);
  });

  test('a device is named by its key, its name (any case) or one of its client ids', () => {
    const wb = Workbook.create({}, { user: MAL, clientId: 77 });
    wb.addSheet({ name: 'P', columns: [] });
    const { devices } = listHistory(KeptHistory.fromUpdate(Y.encodeStateAsUpdate(wb.doc)));
    expect(clientsOf(devices, ['mallory']).clients).toEqual(new Set([77]));
    expect(clientsOf(devices, ['name:Mallory']).clients).toEqual(new Set([77]));
    expect(clientsOf(devices, ['77']).clients).toEqual(new Set([77]));
    expect(clientsOf(devices, ['78', 'Eve']).unknown).toEqual(['78', 'Eve']);
  });
});
