/**
 * Restoring a workbook to a past moment: the content becomes what it was then, through a new
 * change that reaches every replica and is one undo step of the person who restored. Checked
 * against the content each replica showed at that moment, after random edits of every kind by two
 * people (seeded; the seed is in the failure message), and on a vandal's typical damage, with
 * either replica holding the lower Yjs client id.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { ReadOnlyError } from '../../../src/schema/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { KeptHistory } from '../../../src/model/kept-history.ts';
import { previewMoment, restoreMoment } from '../../../src/model/restore-moment.ts';
import { KeptTeam } from '../../support/kept-team.ts';
import { randomOp } from '../../support/model-ops.ts';
import { seededRandom } from '../../support/random.ts';

const ANA = { id: 'u-ana', name: 'Ana' };
const MAL = { id: 'u-mallory', name: 'Mallory' };

let team: KeptTeam | undefined;
afterEach(() => team?.done());

/** A team of Ana and Mallory with a Products sheet of four rows, written a minute before anything else. */
const shop = (seed: number, descending = false) => {
  team = new KeptTeam([ANA, MAL], seededRandom(seed), { descending });
  const [ana, mal] = team.people as [Workbook, Workbook];
  const sheet = ana.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }, { name: 'Qty', type: 'integer' }] });
  const [sku, qty] = ana.columns(sheet).map((c) => c.id) as [string, string];
  const rows = ana.appendRows(sheet, [sku, qty], [['A', 1], ['B', 2], ['C', 3], ['D', 4]]) as [string, string, string, string];
  team.tick(60_000);
  return { team, ana, mal, sheet, sku, qty, rows };
};

describe('restoring a moment gives back the content of then', () => {
  test.each(Array.from({ length: 24 }, (_x, i) => i + 1))('after random edits of two people, any earlier moment, on both replicas (seed %i)', (seed) => {
    const rnd = seededRandom(seed);
    const { team: t, ana, mal } = shop(seed, seed % 2 === 0);
    const seen: { time: number; content: string }[] = [];
    for (let i = 0; i < 60; i++) {
      // Sometimes both write in the same second, as people do.
      randomOp(rnd, rnd.chance(0.5) ? ana : mal);
      if (rnd.chance(0.2)) randomOp(rnd, rnd.chance(0.5) ? ana : mal);
      seen.push({ time: t.now, content: JSON.stringify(ana.toJSON()) });
      t.tick(rnd.chance(0.1) ? 10 * 60_000 : 1000);
    }
    for (let k = 0; k < 4; k++) {
      const then = rnd.pick(seen);
      const who = rnd.chance(0.5) ? ana : mal;
      const before = JSON.stringify(who.toJSON());
      const changed = restoreMoment(who, t.history(), then.time);
      expect(t.contents(), `seed ${seed}, restore #${k}`).toEqual([then.content, then.content]);
      if (changed && rnd.chance(0.5)) {
        // The restore is one undo step of the person who made it.
        expect(who.undo()).toBe(true);
        expect(t.contents(), `seed ${seed}, undo of restore #${k}`).toEqual([before, before]);
        t.tick();
        restoreMoment(who, t.history(), then.time);
      }
      seen.push({ time: t.now, content: then.content });
      t.tick();
    }
  });
});

/** What a vandal does, and a check that it was done. */
const DAMAGE: { what: string; act: (s: ReturnType<typeof shop>) => void }[] = [
  { what: 'blanks cells', act: ({ mal, sheet, qty, sku, rows }) => mal.setCells(sheet, [{ rowId: rows[0], colId: qty, value: null }, { rowId: rows[1], colId: sku, value: '' }]) },
  { what: 'deletes rows', act: ({ mal, sheet, rows }) => mal.deleteRows(sheet, [rows[1], rows[3]]) },
  { what: 'edits then deletes a row', act: ({ mal, sheet, qty, rows }) => (mal.setCell(sheet, rows[2], qty, 0), mal.deleteRows(sheet, [rows[2]])) },
  { what: 'adds junk rows', act: ({ mal, sheet, sku }) => mal.insertRows(sheet, { index: 1, values: [{ [sku]: 'junk' }, { [sku]: 'more junk' }] }) },
  { what: 'moves rows', act: ({ mal, sheet, rows }) => mal.moveRows(sheet, [rows[3]], rows[0]) },
  { what: 'deletes a column', act: ({ mal, sheet, qty }) => mal.deleteColumn(sheet, qty) },
  { what: 'renames the sheet and the workbook', act: ({ mal, sheet }) => (mal.renameSheet(sheet, 'Gone'), mal.setSettings({ name: 'Pwned' })) },
  { what: 'deletes the sheet', act: ({ mal, sheet }) => (mal.addSheet({ name: 'Other', columns: [] }), mal.deleteSheet(sheet)) },
];

describe('a vandal’s damage is undone by restoring the moment before it', () => {
  for (const descending of [false, true]) {
    test.each(DAMAGE)(`$what (vandal's client id ${descending ? 'lower' : 'higher'})`, ({ act }) => {
      const s = shop(7, descending);
      s.ana.setCell(s.sheet, s.rows[0], s.qty, 10);
      const good = s.team.contents();
      const goodTime = s.team.now;
      s.team.tick(5000);
      act(s);
      s.team.tick(5000);
      const damaged = JSON.stringify(s.mal.toJSON());
      expect(s.team.contents()).toEqual([damaged, damaged]);
      expect(damaged).not.toBe(good[0]);
      expect(restoreMoment(s.ana, s.team.history(), goodTime)).toBe(true);
      expect(s.team.contents()).toEqual(good);
      // Ana's undo brings the damage back, on both replicas; her redo restores again.
      s.ana.undo();
      expect(s.team.contents()).toEqual([damaged, damaged]);
      s.ana.redo();
      expect(s.team.contents()).toEqual(good);
    });
  }
});

describe('what a moment holds', () => {
  test('edits made offline before the moment count as made then (dated by the device that made them)', () => {
    const s = shop(3);
    s.team.goOffline(1);
    s.mal.setCell(s.sheet, s.rows[0], s.qty, 50);
    const t = s.team.tick(60_000);
    s.team.tick(60_000);
    s.ana.setCell(s.sheet, s.rows[1], s.qty, 60);
    s.team.tick(60_000);
    s.team.goOnline(1);
    restoreMoment(s.ana, s.team.history(), t);
    expect(s.ana.cell(s.sheet, s.rows[0], s.qty)).toBe(50);
    expect(s.ana.cell(s.sheet, s.rows[1], s.qty)).toBe(2);
  });

  test('a workbook that keeps its deleted content (the CLI’s stored one) goes back by itself, and its change reaches the replicas', () => {
    const s = shop(12);
    const good = s.team.contents();
    const t = s.team.now;
    s.team.tick();
    s.mal.deleteRows(s.sheet, [s.rows[1], s.rows[2]]);
    s.mal.setCell(s.sheet, s.rows[0], s.qty, null);
    s.team.tick();
    const stored = new Workbook(new Y.Doc({ gc: false }));
    Y.applyUpdate(stored.doc, Y.encodeStateAsUpdate(s.team.relay));
    const before = Y.encodeStateVector(stored.doc);
    expect(restoreMoment(stored, KeptHistory.of(stored), t)).toBe(true);
    expect(JSON.stringify(stored.toJSON())).toBe(good[0]);
    // What the CLI appends to the store: the relay sends it to everyone.
    Y.applyUpdate(s.team.relay, Y.encodeStateAsUpdate(stored.doc, before));
    s.team.goOnline(0);
    s.team.goOnline(1);
    expect(s.team.contents()).toEqual(good);
  });

  test('a preview counts what the restore changes, writes nothing to the replica, and spends the history', () => {
    const s = shop(10);
    const t = s.team.now;
    s.team.tick();
    s.mal.deleteRows(s.sheet, [s.rows[0]]);
    s.mal.setCell(s.sheet, s.rows[1], s.qty, 0);
    s.team.tick();
    const before = s.team.contents();
    const history = s.team.history();
    const { change } = previewMoment(s.ana, history, t);
    const sheet = change?.sheets.get(s.sheet);
    expect([...(sheet?.rowsAdded ?? [])]).toEqual([s.rows[0]]);
    expect([...(sheet?.cells.get(s.rows[1]) ?? [])]).toEqual([s.qty]);
    expect(s.team.contents()).toEqual(before);
    expect(() => restoreMoment(s.ana, history, t)).toThrow(/used already; fetch it again/);
  });

  test('changes nothing dates (a stock Yjs client writing the document directly) are left as they are', () => {
    const s = shop(4);
    const t = s.team.tick(60_000);
    s.team.tick(60_000);
    s.ana.setCell(s.sheet, s.rows[0], s.qty, 11);
    // A script writes an overlay value straight into the document: no timeline entry, no history entry.
    const script = new Y.Doc();
    Y.applyUpdate(script, Y.encodeStateAsUpdate(s.team.relay));
    const cells = (script.getMap('sheets').get(s.sheet) as Y.Map<unknown>).get('cells') as Y.Map<unknown>;
    cells.set(`${s.rows[1]} ${s.qty}`, 999);
    Y.applyUpdate(s.team.relay, Y.encodeStateAsUpdate(script, Y.encodeStateVector(s.team.relay)));
    s.team.goOnline(0);
    s.team.tick();
    restoreMoment(s.ana, s.team.history(), t);
    expect(s.ana.cell(s.sheet, s.rows[0], s.qty)).toBe(1);
    expect(s.ana.cell(s.sheet, s.rows[1], s.qty)).toBe(999);
  });

  test('a moment before the workbook existed is an empty workbook; restoring it empties the content', () => {
    const s = shop(5);
    restoreMoment(s.ana, s.team.history(), Date.UTC(2000, 0, 1));
    expect(s.ana.sheets()).toEqual([]);
    expect(s.team.contents()[1]).toBe(s.team.contents()[0]);
  });

  test('restoring the moment that is now changes nothing and adds no undo step', () => {
    const s = shop(6);
    s.ana.clearHistory();
    expect(restoreMoment(s.ana, s.team.history(), s.team.now)).toBe(false);
    expect(s.ana.canUndo()).toBe(false);
  });

  test('a viewer cannot restore', () => {
    const s = shop(8);
    const viewer = new Workbook(s.ana.doc, { readOnly: true });
    expect(() => restoreMoment(viewer, s.team.history(), s.team.now)).toThrow(ReadOnlyError);
  });

  test('the restore reaches the relay as one change, dated on the timeline as a restore by the person who made it', () => {
    const s = shop(9);
    const t = s.team.now;
    s.team.tick();
    s.mal.deleteRows(s.sheet, [s.rows[0]]);
    s.team.tick();
    restoreMoment(s.ana, s.team.history(), t);
    const history = s.team.history();
    const restores = [...history.timeline.clients()].flatMap(([client, marks]) => marks.filter((m) => m.kind === 'restore').map((m) => ({ client, m })));
    expect(restores.map((r) => r.m.name)).toEqual(['Ana']);
    expect(KeptHistory.fromUpdate(Y.encodeStateAsUpdate(s.team.relay)).doc.getMap('sheets').size).toBe(1);
    expect(s.ana.rowIds(s.sheet)).toEqual(s.rows);
  });
});
