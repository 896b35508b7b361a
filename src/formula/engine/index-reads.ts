/**
 * Reads through the indexes, for compiled formulas: a SUMIFS-like group (criteria columns made current
 * whole, value cells of the group only) and an exact key lookup (key column whole, one return cell).
 * The reader is registered before anything is evaluated, so a reader caught in a cycle still hears
 * when the cycle is broken.
 */
import { cellKey } from '../criteria.ts';
import { FormulaEngineError, FormulaError } from '../errors.ts';
import { msg } from '../messages.ts';
import type { Scalar } from '../values.ts';
import { DIRTY, RUNNING, type ColumnState } from './column-state.ts';
import { NOT_FOUND } from './compile.ts';
import type { Core } from './core.ts';
import { Accumulator, type Totals } from './accumulator.ts';
import type { Criterion } from '../criteria.ts';
import { GroupIndex, type Group } from './group-index.ts';
import { KeyIndex } from './key-index.ts';
import { budgetError, STEP_COST } from '../limits.ts';

const SEP = '\u0001';

/** The group of rows whose criteria columns hold `keys`; the running cell watches it. */
export const readGroup = (
  core: Core,
  sheetId: string,
  criteria: readonly string[],
  value: string | null,
  keys: readonly string[],
): Group | FormulaError => {
  const sig = `${sheetId}|${criteria.join(',')}|${value ?? ''}`;
  let idx = core.groups.get(sig);
  const crit = criteria.map((c) => core.colOf(sheetId, c));
  const val = value === null ? null : core.colOf(sheetId, value);
  if (crit.some((c) => !c) || val === undefined) throw new FormulaEngineError(`group index over unknown columns ${sig}`);
  const critCols = crit as ColumnState[];
  let complete = true;
  for (const c of new Set(critCols)) complete = core.ensureColumn(c) && complete;
  if (val && !val.loaded) core.load(val);
  if (!idx) {
    const rows = (critCols[0] ?? val)?.sheet.order.length ?? 0;
    if (!core.spend(rows * STEP_COST.indexRow)) return budgetError();
    idx = new GroupIndex(critCols, val);
    for (const s of (critCols[0] ?? val)?.sheet.order ?? []) idx.apply(s, 1);
    core.groups.set(sig, idx);
    for (const c of new Set([...critCols, ...(val ? [val] : [])])) c.groupIndexes.push(idx);
  }
  const g = idx.group(keys.map((k) => k + SEP).join(''));
  // Only the value cells of this group need to be current.
  if (val && !critCols.includes(val) && (val.dirtySlots.length > 0 || val.running > 0)) {
    for (const s of [...g.slots]) {
      const st = val.state[s];
      if (st === DIRTY) core.evaluate(val, s);
      else if (st === RUNNING) {
        core.cycle(val, s);
        complete = false;
      }
    }
  }
  if (core.current >= 0) {
    g.watchers.add(core.current);
    idx.allMarked = false;
  }
  return complete ? g : new FormulaError('#CYCLE!', msg('cycle.plain'));
};

/** The value in `retCol` of the first row whose `keyCol` holds `key`; the running cell watches the key and that cell. */
export const readKey = (core: Core, sheetId: string, keyCol: string, retCol: string, key: Scalar): Scalar | typeof NOT_FOUND => {
  const kc = core.colOf(sheetId, keyCol);
  const rc = core.colOf(sheetId, retCol);
  if (!kc || !rc) return new FormulaError('#REF!', msg('ref.columnDeleted'));
  if (!kc.keyIndex) {
    if (!core.spend(kc.sheet.order.length * STEP_COST.indexRow)) return budgetError();
    if (!kc.loaded) core.load(kc);
    const ki = new KeyIndex();
    for (const s of kc.sheet.order) ki.add(s, kc.values[s] ?? null);
    kc.keyIndex = ki;
  }
  const k = cellKey(key);
  // Registered first: a reader caught in a cycle must still hear when the cycle is broken.
  if (core.current >= 0) {
    kc.keyIndex.watch(k, core.current);
    kc.keyIndex.allMarked = false;
  }
  if (!core.ensureColumn(kc)) return new FormulaError('#CYCLE!', msg('cycle.plain'));
  const slot = kc.keyIndex.first(k, (s) => kc.sheet.position(s));
  if (slot < 0) return NOT_FOUND;
  if (core.current >= 0) {
    let w = rc.cellWatchers.get(slot);
    if (!w) rc.cellWatchers.set(slot, (w = new Set()));
    w.add(core.current);
  }
  return core.read(rc, slot);
};

/**
 * Running totals of a conditional aggregate whose criteria an index cannot key, for the running cell.
 * The reader depends on its columns whole (registered as their whole-column reader); undefined
 * outside any cell (a free-standing formula scans instead).
 */
export const readAccumulator = (
  core: Core,
  sheetId: string,
  tests: readonly { colId: string; crit: Criterion }[],
  value: string | null,
  signature: string,
  site: number,
): Totals | FormulaError | undefined => {
  const reader = core.current;
  if (reader < 0) return undefined;
  const cols = tests.map((t) => core.colOf(sheetId, t.colId));
  const val = value === null ? null : core.colOf(sheetId, value);
  if (cols.some((c) => !c) || val === undefined) throw new FormulaEngineError(`totals over unknown columns in ${sheetId}`);
  const colTests = tests.map((t, i) => ({ col: cols[i] as ColumnState, crit: t.crit }));
  const all = [...new Set([...colTests.map((t) => t.col), ...(val ? [val] : [])])];
  for (const c of all) {
    c.wholeWatchers.add(reader);
    c.wholeMarked = false;
  }
  let complete = true;
  for (const c of all) complete = core.ensureColumn(c) && complete;
  if (!complete) return new FormulaError('#CYCLE!', msg('cycle.plain'));
  let mine = core.accumulators.get(reader);
  if (!mine) core.accumulators.set(reader, (mine = new Map()));
  let acc = mine.get(site);
  if (!acc || acc.signature !== signature) {
    // Each reader's running totals start from a scan of the rows: the cost of such a formula in every row.
    if (!core.spend(((all[0] ?? val)?.sheet.order.length ?? 0) * STEP_COST.totalsRow)) return budgetError();
    acc?.detach();
    acc = new Accumulator(colTests, val, signature);
    for (const s of (all[0] ?? val)?.sheet.order ?? []) acc.apply(s, 1);
    for (const c of all) c.accumulators.add(acc);
    mine.set(site, acc);
  }
  return acc;
};
