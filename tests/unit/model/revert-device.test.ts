/**
 * Reverting one device's changes since a moment: each cell it changed goes back to the value
 * before its change (unless someone else changed it since: then it is left and listed), rows it
 * added are deleted, rows it deleted come back with their id and values, rows it moved go back.
 * Every case runs with the vandal's Yjs client id lower and higher than the others', and the
 * revert reaches every replica and is one undo step of the person who made it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { Workbook } from '../../../src/model/index.ts';
import { KeptHistory } from '../../../src/model/kept-history.ts';
import { clientsOf, listHistory } from '../../../src/model/moments.ts';
import { applyRevert } from '../../../src/model/revert-apply.ts';
import { planRevert } from '../../../src/model/revert-plan.ts';
import type { RevertPlan } from '../../../src/schema/moment-types.ts';
import { KeptTeam } from '../../support/kept-team.ts';
import { seededRandom } from '../../support/random.ts';

const ANA = { id: 'u-ana', name: 'Ana' };
const MAL = { id: 'u-mallory', name: 'Mallory' };
const BO = { id: 'u-bo', name: 'Bo' };

let team: KeptTeam | undefined;
afterEach(() => team?.done());

const shop = (descending: boolean) => {
  team = new KeptTeam([ANA, MAL, BO], seededRandom(11), { descending });
  const [ana, mal, bo] = team.people as [Workbook, Workbook, Workbook];
  const sheet = ana.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }, { name: 'Qty', type: 'integer' }] });
  const [sku, qty] = ana.columns(sheet).map((c) => c.id) as [string, string];
  const rows = ana.appendRows(sheet, [sku, qty], [['A', 1], ['B', 2], ['C', 3], ['D', 4]]) as [string, string, string, string];
  team.tick(60_000);
  return { team, ana, mal, bo, sheet, sku, qty, rows };
};
type Shop = ReturnType<typeof shop>;

/** The sheet as "SKU:Qty" per row, in order. */
const table = (wb: Workbook, s: Shop): string[] => wb.rowIds(s.sheet).map((r) => `${String(wb.cell(s.sheet, r, s.sku))}:${String(wb.cell(s.sheet, r, s.qty))}`);

/** Plans reverting Mallory's changes since `since` from the relay's history, as the app and the CLI do. */
const plan = (s: Shop, since: number, who = 'Mallory'): RevertPlan => {
  const history = s.team.history();
  const { clients } = clientsOf(listHistory(history).devices, [who]);
  return planRevert(history, clients, since);
};

interface Case {
  what: string;
  /** What others do before the moment, what Mallory does after it, what others do after her. */
  before?: (s: Shop) => void;
  vandal: (s: Shop) => void;
  after?: (s: Shop) => void;
  /** The sheet after the revert, and what it lists as left alone. */
  want: string[];
  skipped?: { row: number; col?: 'sku' | 'qty'; why: 'changed' | 'lost' }[];
}

const CASES: Case[] = [
  { what: 'a cell she blanked gets its value back', vandal: (s) => s.mal.setCell(s.sheet, s.rows[0], s.qty, null), want: ['A:1', 'B:2', 'C:3', 'D:4'] },
  {
    what: 'a cell edited before the moment gets that edit back, not the value it was added with',
    before: (s) => s.ana.setCell(s.sheet, s.rows[1], s.qty, 20),
    vandal: (s) => (s.mal.setCell(s.sheet, s.rows[1], s.qty, 0), s.mal.setCell(s.sheet, s.rows[1], s.qty, -1)),
    want: ['A:1', 'B:20', 'C:3', 'D:4'],
  },
  {
    what: 'a cell someone else changed after her keeps their value and is listed',
    vandal: (s) => s.mal.setCell(s.sheet, s.rows[2], s.sku, 'junk'),
    after: (s) => s.bo.setCell(s.sheet, s.rows[2], s.sku, 'C-fixed'),
    want: ['A:1', 'B:2', 'C-fixed:3', 'D:4'],
    skipped: [{ row: 2, col: 'sku', why: 'changed' }],
  },
  {
    what: 'between two changes of hers, someone else’s value is the one that comes back',
    vandal: (s) => s.mal.setCell(s.sheet, s.rows[0], s.qty, 0),
    after: (s) => (s.bo.setCell(s.sheet, s.rows[0], s.qty, 7), s.team.tick(), s.mal.setCell(s.sheet, s.rows[0], s.qty, 0)),
    want: ['A:7', 'B:2', 'C:3', 'D:4'],
  },
  { what: 'rows she deleted come back, at their place', vandal: (s) => s.mal.deleteRows(s.sheet, [s.rows[1], s.rows[3]]), want: ['A:1', 'B:2', 'C:3', 'D:4'] },
  {
    what: 'a row she edited and then deleted comes back with its values from before her',
    before: (s) => s.ana.setCell(s.sheet, s.rows[2], s.qty, 30),
    vandal: (s) => (s.mal.setCell(s.sheet, s.rows[2], s.qty, 0), s.mal.moveRows(s.sheet, [s.rows[2]], null), s.mal.deleteRows(s.sheet, [s.rows[2]])),
    want: ['A:1', 'B:2', 'C:30', 'D:4'],
  },
  { what: 'rows she added are deleted', vandal: (s) => s.mal.insertRows(s.sheet, { index: 1, values: [{ [s.sku]: 'junk' }, { [s.sku]: 'spam' }] }), want: ['A:1', 'B:2', 'C:3', 'D:4'] },
  {
    what: 'a row she added that someone else filled in since stays, and is listed',
    vandal: (s) => s.mal.insertRows(s.sheet, { values: [{ [s.sku]: 'E' }] }),
    after: (s) => s.bo.setCell(s.sheet, s.bo.rowIds(s.sheet)[4] ?? '', s.qty, 5),
    want: ['A:1', 'B:2', 'C:3', 'D:4', 'E:5'],
    skipped: [{ row: 4, why: 'changed' }],
  },
  { what: 'rows she moved go back', vandal: (s) => s.mal.moveRows(s.sheet, [s.rows[3], s.rows[2]], s.rows[0]), want: ['A:1', 'B:2', 'C:3', 'D:4'] },
  {
    what: 'her changes from before the moment stay',
    before: (s) => s.mal.setCell(s.sheet, s.rows[0], s.sku, 'A-old'),
    vandal: (s) => s.mal.setCell(s.sheet, s.rows[1], s.sku, 'B-new'),
    want: ['A-old:1', 'B:2', 'C:3', 'D:4'],
  },
  {
    what: 'someone else’s changes made at the same time stay',
    vandal: (s) => (s.mal.setCell(s.sheet, s.rows[0], s.qty, 0), s.bo.setCell(s.sheet, s.rows[1], s.qty, 22), s.ana.deleteRows(s.sheet, [s.rows[3]])),
    want: ['A:1', 'B:22', 'C:3'],
  },
];

describe('reverting Mallory’s changes since a moment', () => {
  for (const descending of [false, true]) {
    test.each(CASES)(`$what (her client id ${descending ? 'lower' : 'higher'})`, (c) => {
      const s = shop(descending);
      c.before?.(s);
      s.team.tick(60_000);
      const since = s.team.now;
      c.vandal(s);
      s.team.tick();
      c.after?.(s);
      s.team.tick();
      const p = plan(s, since);
      const skipped = p.skipped.map((x) => ({ row: s.ana.rowIndex(s.sheet, x.rowId), ...(x.colId ? { col: x.colId === s.sku ? 'sku' : 'qty' } : {}), why: x.why }));
      expect(skipped).toEqual(c.skipped ?? []);
      const damaged = s.team.contents();
      s.ana.clearHistory();
      const done = applyRevert(s.ana, p);
      for (const wb of s.team.people) expect(table(wb, s)).toEqual(c.want);
      expect(new Set(s.team.contents()).size).toBe(1);
      // One undo step of Ana's (when it wrote anything): undoing it brings back what Mallory did.
      expect(s.ana.undo()).toBe(Object.values(done).some((n) => n > 0));
      expect(s.team.contents()).toEqual(damaged);
    });
  }
});

describe('who Mallory is', () => {
  test('her changes from two tabs (two Yjs client ids with her name) are one device, reverted together', () => {
    const s = shop(false);
    const since = s.team.tick(60_000);
    s.mal.setCell(s.sheet, s.rows[0], s.qty, 0);
    // A second tab of hers: another replica with her name.
    const tab = new Y.Doc();
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(s.team.relay));
    const second = new Workbook(tab, { user: MAL });
    second.setCell(s.sheet, s.rows[1], s.qty, 0);
    Y.applyUpdate(s.team.relay, Y.encodeStateAsUpdate(tab, Y.encodeStateVector(s.team.relay)));
    s.team.goOnline(0);
    s.team.tick();
    const { devices } = listHistory(s.team.history());
    expect(devices.find((d) => d.name === 'Mallory')?.clients).toHaveLength(2);
    applyRevert(s.ana, plan(s, since));
    expect(table(s.ana, s)).toEqual(['A:1', 'B:2', 'C:3', 'D:4']);
  });

  test('a client that dates nothing (a stock Yjs client) is its own device; all of its changes are reverted', () => {
    const s = shop(false);
    const since = s.team.tick(60_000);
    const script = new Y.Doc();
    Y.applyUpdate(script, Y.encodeStateAsUpdate(s.team.relay));
    const maps = script.getMap('sheets').get(s.sheet) as Y.Map<Y.Map<unknown>>;
    maps.get('cells')?.set(`${s.rows[0]} ${s.qty}`, 999);
    Y.applyUpdate(s.team.relay, Y.encodeStateAsUpdate(script, Y.encodeStateVector(s.team.relay)));
    s.team.goOnline(0);
    const { devices } = listHistory(s.team.history());
    const stock = devices.find((d) => d.clients.includes(script.clientID));
    expect(stock).toMatchObject({ key: `client:${script.clientID}`, name: '', first: null, counts: { cells: 1 } });
    expect(s.ana.cell(s.sheet, s.rows[0], s.qty)).toBe(999);
    applyRevert(s.ana, plan(s, since, String(script.clientID)));
    expect(s.ana.cell(s.sheet, s.rows[0], s.qty)).toBe(1);
  });

  test('asking for a device nobody is says so', () => {
    const s = shop(false);
    expect(clientsOf(listHistory(s.team.history()).devices, ['Eve', 'Ana']).unknown).toEqual(['Eve']);
  });
});

describe('what a revert writes', () => {
  test('a value no longer in the history (deleted before history was kept) is listed as lost, not guessed', () => {
    const s = shop(false);
    s.ana.setCell(s.sheet, s.rows[0], s.qty, 10);
    s.team.tick();
    const since = s.team.tick(60_000);
    s.mal.setCell(s.sheet, s.rows[0], s.qty, 0);
    s.team.tick();
    // A copy that collected deleted content (as a store did before history was kept): 10 is gone.
    const collected = new Y.Doc({ gc: true });
    Y.applyUpdate(collected, Y.encodeStateAsUpdate(s.team.relay));
    const history = KeptHistory.fromUpdate(Y.encodeStateAsUpdate(collected));
    const p = planRevert(history, clientsOf(listHistory(history).devices, ['Mallory']).clients, since);
    expect(p.cells).toEqual([]);
    expect(p.skipped).toEqual([{ sheetId: s.sheet, rowId: s.rows[0], colId: s.qty, why: 'lost' }]);
  });

  test('planning writes nothing; applying it twice changes nothing the second time', () => {
    const s = shop(false);
    const since = s.team.tick(60_000);
    s.mal.deleteRows(s.sheet, [s.rows[0]]);
    s.mal.setCell(s.sheet, s.rows[1], s.qty, 0);
    s.team.tick();
    const before = s.team.contents();
    const p = plan(s, since);
    expect(s.team.contents()).toEqual(before);
    expect(applyRevert(s.ana, p)).toEqual({ cells: 1, revived: 1, removed: 0, moved: 0 });
    expect(applyRevert(s.ana, p)).toEqual({ cells: 1, revived: 0, removed: 0, moved: 0 });
    expect(table(s.ana, s)).toEqual(['A:1', 'B:2', 'C:3', 'D:4']);
  });
});
