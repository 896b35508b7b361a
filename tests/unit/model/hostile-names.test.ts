/**
 * Names in the document are written by the clients themselves: a hostile (or broken) client can
 * put anything in the `n` of a cell-history entry, a "seen" mark or a timeline entry. The model's
 * history readers hand them out only as shownName shows them, and never throw on them.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cellHistory, markConflictSeen, Workbook } from '../../../src/model/index.ts';
import { cellKey } from '../../../src/model/layout.ts';
import { listHistory } from '../../../src/model/moments.ts';
import { KeptTeam } from '../../support/kept-team.ts';
import { seededRandom } from '../../support/random.ts';
import { pair } from '../../support/replicas.ts';

const ANA = { id: 'u-ana', name: 'Ana' };
const MAL = { id: 'u-mallory', name: 'Mallory' };

/** Names a hostile client writes, and how every history view must show them. */
const HOSTILE = [
  { what: 'a right-to-left override', n: 'Alice\u202Eevil', shown: 'Aliceevil' },
  { what: 'a line break and a terminal escape', n: 'Mal\n\u001B[2Jlory', shown: 'Mal [2Jlory' },
  { what: 'a zero-width space posing as Ana', n: 'A\u200Bna', shown: 'Ana' },
  { what: 'bidi isolates', n: '\u2067Mallory\u2069', shown: 'Mallory' },
  { what: 'a long name', n: 'M'.repeat(150), shown: `${'M'.repeat(63)}…` },
  // Past what an entry keeps (200 characters; a timeline entry's other text 500): still shown, cut.
  { what: 'a name of 5,000 characters', n: 'W'.repeat(5_000), shown: `${'W'.repeat(63)}…` },
];

let team: KeptTeam | undefined;
afterEach(() => {
  team?.done();
  team = undefined;
});

describe('names a hostile client writes into the document', () => {
  test.each(HOSTILE)('the cell history shows $what neutralised: an edit entry, a bulk entry and a "seen" mark', ({ n, shown }) => {
    const p = pair(seededRandom(5));
    p.a.setUser(ANA);
    const sheet = p.a.addSheet({ name: 'P', columns: [{ name: 'Qty', type: 'integer' }] });
    const [col] = p.a.columns(sheet).map((c) => c.id) as [string];
    const [row] = p.a.appendRows(sheet, [col], [[1]]) as [string];
    p.sync();
    // Mallory's client stamps its own writes with the name (the row it adds is one bulk entry) …
    p.b.setUser({ id: 'u-mallory', name: n });
    const [row2] = p.b.appendRows(sheet, [col], [[2]]) as [string];
    // … and writes an edit entry and a "seen" mark into the log by hand, as no app would.
    const mal = p.b.doc;
    mal.transact(() => {
      mal.getArray('edits').push([{ id: 'forged.1', s: sheet, k: cellKey(row, col), v: 7, u: 'u-mallory', n, t: 1, p: null }]);
    });
    p.sync();
    // A concurrent pair of edits leaves a lost value; Mallory "sees" it under the hostile name.
    p.a.setCell(sheet, row, col, 10);
    p.b.setCell(sheet, row, col, 20);
    p.sync();
    const lost = cellHistory(p.a, sheet, row, col).find((e) => e.lost);
    expect(lost).toBeDefined();
    mal.transact(() => mal.getMap('seen').set(lost?.id ?? '', { s: sheet, k: cellKey(row, col), u: 'u-mallory', n, t: 2 }));
    p.sync();

    const history = cellHistory(p.a, sheet, row, col);
    expect(history.find((e) => e.id === 'forged.1')?.userName).toBe(shown);
    expect(history.find((e) => e.id === lost?.id)?.seenBy?.userName).toBe(shown);
    expect(cellHistory(p.a, sheet, row2, col).find((e) => e.kind === 'rows')?.userName).toBe(shown);
    // Mallory's own typed edit carries the name through the app's normal path.
    expect(history.filter((e) => e.userId === 'u-mallory' && e.kind === 'edit').map((e) => e.userName)).toEqual([shown, shown]);
    expect(markConflictSeen(p.a, sheet, row, col)).toBe(0);
  });

  test('a name that is no text at all leaves the entry out; a very long one is cut; one of nothing but invisible characters shows no name; never a throw', () => {
    const wb = Workbook.create({}, { user: ANA });
    const sheet = wb.addSheet({ name: 'P', columns: [{ name: 'Qty', type: 'integer' }] });
    const [col] = wb.columns(sheet).map((c) => c.id) as [string];
    const [row] = wb.appendRows(sheet, [col], [[1]]) as [string];
    const k = cellKey(row, col);
    wb.doc.getArray('edits').push([
      { id: 'x.1', s: sheet, k, v: 2, u: 'm', n: { toString: 'Ana' }, t: 1, p: null },
      { id: 'x.2', s: sheet, k, v: 3, u: 'm', n: 'x'.repeat(50_000), t: 2, p: null },
      { id: 'x.3', s: sheet, k, v: 4, u: 'm', n: '\u200B\u202E', t: 3, p: null },
    ]);
    const names = cellHistory(wb, sheet, row, col).map((e) => `${e.id}:${e.userName}`);
    expect(names).toContain('x.3:');
    expect(names).toContain(`x.2:${'x'.repeat(63)}…`);
    expect(names.filter((x) => x.startsWith('x.1'))).toEqual([]);
  });

  test.each(HOSTILE)('the timeline (versions, devices, the CLI) shows $what neutralised', ({ n, shown }) => {
    team = new KeptTeam([ANA, MAL], seededRandom(7));
    const [ana, mal] = team.people as [Workbook, Workbook];
    const s = ana.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }] });
    team.tick(60_000);
    // Mallory writes a timeline entry by hand, then edits under the name too (a cell-history mark).
    mal.doc.transact(() => mal.doc.getArray('timeline').push([{ t: team?.now ?? 0, d: [], n }]));
    team.tick(60_000);
    mal.setUser({ id: 'u-mallory', name: n });
    mal.insertRows(s, { count: 1 });
    const kept = team.history();
    const marks = kept.timeline.clients().get(mal.doc.clientID) ?? [];
    expect(marks.length).toBeGreaterThan(1);
    expect(new Set(marks.map((m) => m.name))).toEqual(new Set([shown]));
    const read = listHistory(kept);
    const device = read.devices.find((d) => d.clients.includes(mal.doc.clientID));
    expect(device?.name).toBe(shown);
    expect(read.moments.filter((m) => m.device === device?.key).every((m) => m.name === shown)).toBe(true);
  });
});
