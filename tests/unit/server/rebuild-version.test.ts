/**
 * Rebuilding the state an export named. [RV1] Any version a replica recorded rebuilds, from a store
 * that keeps deleted content, to exactly the workbook that replica had, and names itself again.
 * [RV2] Edits the store never received, and content it no longer holds, are refused with a
 * sentence instead of rebuilding something else.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { stateVersion, Workbook } from '../../../src/model/index.ts';
import { VersionUnavailableError, workbookAtVersion } from '../../../server/store/rebuild-version.ts';
import { randomOp } from '../../support/model-ops.ts';
import { seededRandom } from '../../support/random.ts';
import { Network } from '../../support/replicas.ts';

/** A store's document: gc off, fed with every replica's own changes as they are made. */
const storeOf = (net: Network): Y.Doc => {
  const store = new Y.Doc({ gc: false });
  for (const wb of net.replicas) {
    wb.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'network') Y.applyUpdate(store, u);
    });
  }
  Y.applyUpdate(store, Y.encodeStateAsUpdate(net.replicas[0]?.doc ?? new Y.Doc()));
  return store;
};

/** The store's document after a compaction: encoded and loaded again, with gc off as the compactor runs. */
const compacted = (doc: Y.Doc, gc = false): Y.Doc => {
  const fresh = new Y.Doc({ gc });
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  return fresh;
};

const json = (wb: Workbook): string => JSON.stringify(wb.toJSON());

const productsSheet = (wb: Workbook): string =>
  wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }, { name: 'Cost', type: 'currency' }, { name: 'Channel', type: 'choice', options: { choices: ['App', 'Web', 'Store'] } }] });

describe('[RV1] a recorded version rebuilds exactly', () => {
  const SEEDS = Number(process.env.FUZZ_SEEDS ?? 20);
  test(`${SEEDS} seeds × 200 random operations on 3 replicas, versions recorded at random moments`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rnd = seededRandom(seed);
      const net = new Network(3, rnd);
      productsSheet(net.replicas[0] as Workbook);
      net.settle();
      const store = storeOf(net);
      const recorded: { version: string; json: string; at: number }[] = [];
      for (let i = 0; i < 200; i++) {
        const wb = net.replicas[rnd.int(3)] as Workbook;
        randomOp(rnd, wb);
        if (rnd.chance(0.5)) net.deliverSome(1 + rnd.int(6));
        if (rnd.chance(0.1)) {
          const at = rnd.int(3);
          const r = net.replicas[at] as Workbook;
          recorded.push({ version: stateVersion(r), json: json(r), at: i });
        }
      }
      net.settle();
      // Half of the runs read the store after a compaction (the snapshot is rebuilt with gc off).
      const history = seed % 2 ? compacted(store) : store;
      for (const r of recorded) {
        const rebuilt = workbookAtVersion(history, r.version);
        if (json(rebuilt) !== r.json) expect.fail(`seed ${seed}: the version recorded after operation ${r.at} rebuilt to another workbook`);
        expect(stateVersion(rebuilt), `seed ${seed}`).toBe(r.version);
      }
    }
  }, 120_000);

  test('overwritten values, deleted rows and a renamed sheet come back as they were', () => {
    const wb = Workbook.create({ name: 'Plan' });
    const history = new Y.Doc({ gc: false });
    wb.doc.on('update', (u: Uint8Array) => Y.applyUpdate(history, u));
    Y.applyUpdate(history, wb.encode());
    const sheet = productsSheet(wb);
    const [sku = '', cost = ''] = wb.columns(sheet).map((c) => c.id);
    const rows = wb.appendRows(sheet, [sku, cost], [['A-1', 10], ['B-2', 20], ['C-3', 30]]);
    const before = { version: stateVersion(wb), json: json(wb) };
    wb.setCell(sheet, rows[0] ?? '', cost, 11);
    wb.deleteRows(sheet, [rows[1] ?? '']);
    wb.renameSheet(sheet, 'Goods');
    const rebuilt = workbookAtVersion(compacted(history), before.version);
    expect(json(rebuilt)).toBe(before.json);
    expect(rebuilt.columnValues(sheet, cost)).toEqual([10, 20, 30]);
    expect(rebuilt.sheet(sheet)?.name).toBe('Products');
    expect(wb.sheet(sheet)?.name).toBe('Goods');
  });
});

describe('[RV2] what cannot be rebuilt is refused with a sentence', () => {
  const setup = () => {
    const rnd = seededRandom(3);
    const net = new Network(2, rnd);
    const a = net.replicas[0] as Workbook;
    const b = net.replicas[1] as Workbook;
    const sheet = productsSheet(a);
    net.settle();
    const history = new Y.Doc({ gc: false });
    Y.applyUpdate(history, a.encode());
    return { net, a, b, sheet, history };
  };

  test('a version with edits the store never received (made offline, not synced since)', () => {
    const { net, b, sheet, history } = setup();
    net.disconnect(1);
    b.insertRows(sheet, { count: 2 });
    expect(() => workbookAtVersion(history, stateVersion(b))).toThrow(VersionUnavailableError);
    expect(() => workbookAtVersion(history, stateVersion(b))).toThrow(
      'The store has not received every edit of that version: some were made on a device that has not synced since.',
    );
  });

  test('a version showing content that was deleted before it reached the store', () => {
    const { net, b, sheet, history } = setup();
    net.disconnect(1);
    const [row = ''] = b.insertRows(sheet, { count: 1 });
    const version = stateVersion(b);
    b.deleteRows(sheet, [row]);
    // The app is reopened (from its local copy, gc on: the deleted row's content is dropped), then syncs.
    const reopened = Workbook.load(b.encode());
    Y.applyUpdate(history, Y.encodeStateAsUpdate(reopened.doc, Y.encodeStateVector(history)));
    expect(() => workbookAtVersion(history, version)).toThrow('The store no longer holds everything that version showed');
    // The state after the deletion is whole, and rebuilds.
    expect(json(workbookAtVersion(history, stateVersion(reopened)))).toBe(json(b));
  });

  test('a store compacted with gc on (before history was kept) refuses versions before an overwrite, not after', () => {
    const { a, sheet, history } = setup();
    a.doc.on('update', (u: Uint8Array) => Y.applyUpdate(history, u));
    const [row = ''] = a.insertRows(sheet, { count: 1 });
    const cost = a.columns(sheet)[1]?.id ?? '';
    a.setCell(sheet, row, cost, 5);
    const old = stateVersion(a);
    a.setCell(sheet, row, cost, 6);
    const now = { version: stateVersion(a), json: json(a) };
    const gcd = compacted(history, true);
    const withoutGc = compacted(gcd);
    expect(() => workbookAtVersion(withoutGc, old)).toThrow('folded away before history was kept');
    expect(json(workbookAtVersion(withoutGc, now.version))).toBe(now.json);
  });

  test('an older export’s version and text that is no version', () => {
    const { history } = setup();
    expect(() => workbookAtVersion(history, 'sv:AQID')).toThrow(VersionUnavailableError);
    expect(() => workbookAtVersion(history, 'sv:AQID')).toThrow('names only which edits were seen');
    expect(() => workbookAtVersion(history, 'latest')).toThrow('is not a workbook version');
  });

  test('a document loaded with gc on is misuse, not a user error', () => {
    expect(() => workbookAtVersion(new Y.Doc(), 'snap:AAA=')).toThrow(TypeError);
  });
});
