/** Applies a source change to the engine: row and value changes incrementally; schema changes ask for a rebuild. */
import { cellKey } from '../criteria.ts';
import { ruleIdOf } from '../alerting-source.ts';
import type { FormulaEngine } from '../formula-engine.ts';
import { addRuleColumn, removeRuleColumn } from './rule-columns.ts';
import type { FormulaChange, FormulaSheetChange, FormulaSource } from '../source.ts';
import { dateOrderOf, regionOf, type DateOrder } from '../../schema/date-text.ts';
import { CLEAN, type ColumnState } from './column-state.ts';
import { isCellFormula, isViewSheet } from '../../schema/types.ts';
import { inputValue } from './input-value.ts';
import type { SheetState } from './sheet-state.ts';
import type { Accumulator } from './accumulator.ts';
import type { Core } from './core.ts';
import type { GroupIndex } from './group-index.ts';

/** Column change kinds that only change how formulas read, not what they compute. */
const NAME_ONLY = new Set(['name', 'labels']);

/** Group indexes over a sheet. */
const groupsOf = (core: Core, sheet: SheetState): GroupIndex[] =>
  [...core.groups.values()].filter((g) => (g.criteria[0] ?? g.value)?.sheet === sheet);

/** Running totals over the columns of a sheet. */
const accumulatorsOf = (sheet: SheetState): Set<Accumulator> => {
  const out = new Set<Accumulator>();
  for (const col of sheet.columns.values()) for (const a of col.accumulators) out.add(a);
  return out;
};

/** Rows were added, removed or moved: marks readers of whole columns and of keys several rows hold (order decides the first). */
const markSheetReaders = (core: Core, sheet: SheetState): void => {
  for (const col of sheet.columns.values()) {
    col.list = null;
    col.wholeMarked = false;
    for (const w of col.wholeWatchers) core.markInstance(w);
    const ki = col.keyIndex;
    if (!ki) continue;
    for (const [k, ws] of ki.watchers) if (ki.count(k) > 1) for (const w of ws) core.markInstance(w);
  }
};

/** The order of dates like 10/01/2027 in the source's region (what DATEVALUE reads). */
export const sourceDateOrder = (source: FormulaSource): DateOrder | null => dateOrderOf(regionOf(source.settings));

/** What the engine must do besides the incremental work already done. */
export type ApplyOutcome = 'done' | 'names' | 'rebuild';

const removeRow = (engine: FormulaEngine, st: SheetState, rowId: string): void => {
  const core = engine.core;
  const slot = st.slotOf.get(rowId);
  if (slot === undefined) return;
  for (const idx of groupsOf(core, st)) for (const w of idx.apply(slot, -1).watchers) core.markInstance(w);
  for (const acc of accumulatorsOf(st)) acc.apply(slot, -1);
  st.release(rowId);
  for (const cs of st.columns.values()) {
    if (!cs.loaded) continue;
    core.markDependents(cs, slot);
    const old = cs.values[slot] ?? null;
    if (cs.keyIndex) {
      cs.keyIndex.remove(slot, old);
      for (const w of cs.keyIndex.watchers.get(cellKey(old)) ?? []) core.markInstance(w);
    }
    engine.removeCell(cs, slot);
    core.dropAccumulators(cs.instance(slot));
    cs.values[slot] = null;
    cs.arrays.delete(slot);
    cs.state[slot] = CLEAN;
    cs.cellWatchers.delete(slot);
    cs.cellDependents.delete(slot);
    cs.list = null;
  }
};

const addRow = (engine: FormulaEngine, st: SheetState, rowId: string): void => {
  const core = engine.core;
  if (st.slotOf.has(rowId)) return;
  const slot = st.allocate(rowId);
  for (const cs of st.columns.values()) {
    cs.values[slot] = null;
    cs.state[slot] = CLEAN;
    if (!cs.loaded) continue;
    const v = engine.source.cell(st.id, rowId, cs.id);
    if (isCellFormula(v)) engine.installCell(cs, slot, v.f);
    else if (cs.formula) core.markDirty(cs, slot);
    else {
      cs.values[slot] = inputValue(v, cs.col);
      core.markDependents(cs, slot);
    }
    if (cs.keyIndex) {
      const k = cs.values[slot] ?? null;
      cs.keyIndex.add(slot, k);
      for (const w of cs.keyIndex.watchers.get(cellKey(k)) ?? []) core.markInstance(w);
    }
  }
  for (const idx of groupsOf(core, st)) for (const w of idx.apply(slot, 1).watchers) core.markInstance(w);
  for (const acc of accumulatorsOf(st)) acc.apply(slot, 1);
};

const editCell = (engine: FormulaEngine, cs: ColumnState, slot: number, rowId: string): void => {
  const core = engine.core;
  const v = engine.source.cell(cs.sheet.id, rowId, cs.id);
  if (isCellFormula(v)) {
    if (cs.cellFormulas.get(slot)?.stored !== v.f) engine.installCell(cs, slot, v.f);
    return;
  }
  engine.removeCell(cs, slot);
  if (cs.formula) return core.markDirty(cs, slot);
  core.setValue(cs, slot, inputValue(v, cs.col));
  core.markDependents(cs, slot);
};

const applySheet = (engine: FormulaEngine, st: SheetState, sc: FormulaSheetChange): void => {
  for (const r of sc.rowsRemoved) removeRow(engine, st, r);
  for (const r of sc.rowsAdded) addRow(engine, st, r);
  if (sc.rowsAdded.size + sc.rowsRemoved.size + sc.rowsMoved.size > 0) {
    st.setOrder(engine.source.rowIds(st.id));
    markSheetReaders(engine.core, st);
  }
  for (const [rowId, cols] of sc.cells) {
    if (sc.rowsAdded.has(rowId)) continue;
    const slot = st.slotOf.get(rowId);
    if (slot === undefined) continue;
    for (const c of cols) {
      const cs = st.columns.get(c);
      if (cs?.loaded) editCell(engine, cs, slot, rowId);
    }
  }
};

/** Applies a change; returns whether names must be re-read or everything rebuilt. */
export const applyChange = (engine: FormulaEngine, change: FormulaChange): ApplyOutcome => {
  // Another region reads DATEVALUE's texts another way: everything is computed again (a rare change).
  if (change.settings && sourceDateOrder(engine.source) !== engine.core.dateOrder) return 'rebuild';
  let names = change.settings;
  const formulas: [string, string][] = [];
  const rules: [string, string, 'added' | 'removed'][] = [];
  const views = { added: [] as string[], removed: [] as string[], changed: [] as string[] };
  for (const [sheetId, sc] of change.sheets) {
    if (sc.added || sc.removed) {
      // A view sheet comes and goes on its own: nothing reads it, so nothing else is recomputed.
      const view = sc.added !== sc.removed && (sc.added ? isViewSheet(engine.source.sheets().find((s) => s.id === sheetId)) : engine.views.has(sheetId));
      if (!view) return 'rebuild';
      (sc.added ? views.added : views.removed).push(sheetId);
      continue;
    }
    if (sc.view) views.changed.push(sheetId);
    if (sc.meta) names = true;
    for (const [colId, kinds] of sc.columns) {
      for (const k of kinds) {
        if (k === 'formula') formulas.push([sheetId, colId]);
        // A new alert rule: its hidden column is read by no formula, so only it is computed.
        else if ((k === 'added' || k === 'removed') && ruleIdOf(colId) !== undefined) rules.push([sheetId, colId, k]);
        // How the grid shows a column (width, wrap …) changes nothing the engine computes.
        else if (k === 'display') continue;
        else if (!NAME_ONLY.has(k)) return 'rebuild';
        else names = true;
      }
    }
  }
  if (views.added.length + views.removed.length + views.changed.length > 0) {
    engine.refreshNames();
    for (const id of views.removed) engine.views.remove(id);
    for (const id of views.added) engine.views.add(id);
    for (const id of views.changed) engine.views.recompile(id);
  }
  // A new column formula of the same type recomputes that column only; anything else rebuilds.
  if (formulas.length > 0) {
    engine.refreshNames();
    for (const [sheetId, colId] of formulas) if (!engine.recompileColumn(sheetId, colId)) return 'rebuild';
  }
  for (const [sheetId, colId, k] of rules) if (!(k === 'added' ? addRuleColumn(engine, sheetId, colId) : removeRuleColumn(engine, sheetId, colId))) return 'rebuild';
  for (const [sheetId, sc] of change.sheets) {
    const st = engine.core.sheets.get(sheetId);
    if (st) applySheet(engine, st, sc);
  }
  return names ? 'names' : 'done';
};
