/**
 * The formula engine over a workbook source: computes every formula column and cell formula,
 * keeps the results in memory (never in the document), applies the model's change events
 * incrementally and reports which computed values changed.
 *
 * @example
 *   const engine = FormulaEngine.attach(workbook);
 *   engine.onRecalc((e) => repaint(e));
 *   engine.check('=[Price] - [Cost]', { sheetId }); // { ok: true, stored: '=[#c1] - [#c2]', type: 'currency' }
 *   engine.value(sheetId, rowId, marginColId);
 */
import type { Column } from '../schema/types.ts';
import { FormulaSyntaxError } from './ast.ts';
import { ruleIdOf } from './alerting-source.ts';
import { Catalog } from './catalog.ts';
import { CheckError, checkTree, inputType, refusal, type Checked, type Refusal } from './checker.ts';
import { serialOfLocalDay, serialOfLocalTime } from './dates.ts';
import { FormulaEngineError, isError } from './errors.ts';
import { msg } from './messages.ts';
import type { CompiledFormula } from './engine/compiled-formula.ts';
import { CLEAN, ColumnState } from './engine/column-state.ts';
import { compileChecked } from './engine/compile.ts';
import { compileStored } from './engine/compile-stored.ts';
import { Core } from './engine/core.ts';
import { isCellFormula } from '../schema/types.ts';
import { OutsideReads } from './engine/outside-reads.ts';
import { inputValue } from './engine/input-value.ts';
import type { RecalcEvent } from './engine/recalc-log.ts';
import { SheetState } from './engine/sheet-state.ts';
import { applyChange, sourceDateOrder } from './engine/apply-change.ts';
import { bracketName, displayText, storedText } from './names.ts';
import { parseFormula } from './parser.ts';
import type { FormulaChange, FormulaSource, LiveFormulaSource } from './source.ts';
import { orText, type ScalarType, type ValueType } from './types.ts';
import type { CheckResult, ComputedCell, EngineOptions, EvalResult, FormulaPlace } from './engine-types.ts';
import { formulaColumnType } from './engine/formula-column-type.ts';
import { ViewSheets, type ViewResult } from './engine/views.ts';
import { isArray, scalarOf, type Scalar } from './values.ts';
import { arrayResult, type ArrayResult } from './engine/array-result.ts';

export type { CheckResult, ComputedCell, EngineOptions, EvalResult, FormulaPlace } from './engine-types.ts';

/** The engine: computed values of a workbook, kept current as it changes. */
export class FormulaEngine {
  /** @internal */ core!: Core;
  /** @internal */ catalog!: Catalog;
  /** @internal The view sheets: their formulas as hidden cells, their rows read from the arrays they give. */
  readonly views = new ViewSheets(this);
  private readonly listeners = new Set<(e: RecalcEvent) => void>();
  private readonly types = new Map<string, ScalarType | 'pending'>();
  private readonly columnFormulas = new Map<string, CompiledFormula>();
  private readonly clock: () => Date;
  private unsubscribe: (() => unknown) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private overBudget = false; // the last full recalculation ran out of steps: changes recompute from scratch, as a fresh load does

  constructor(
    readonly source: FormulaSource,
    options: EngineOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.rebuild();
    if (options.watchToday) {
      this.timer = setInterval(() => this.refreshToday() || this.refreshNow(), 60_000);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  /** An engine that follows the source's change events until disposed. */
  static attach(source: LiveFormulaSource, options: EngineOptions = {}): FormulaEngine {
    const engine = new FormulaEngine(source, options);
    engine.unsubscribe = source.onChange((change) => engine.apply(change));
    return engine;
  }

  /** Stops following changes and the date. */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearInterval(this.timer);
  }

  /** Subscribes to recalculations: which computed values changed. Returns the unsubscribe function. */
  onRecalc(listener: (event: RecalcEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── building ─────────────────────────────────────────────────────────────

  /** Recompiles and recomputes everything (after schema changes). */
  rebuild(): void {
    this.catalog = new Catalog(this.source);
    this.core = new Core((col) => this.load(col), (col) => this.label(col), sourceDateOrder(this.source));
    this.types.clear();
    this.columnFormulas.clear();
    const core = this.core;
    core.todaySerial = serialOfLocalDay(this.clock());
    core.outside.clock = () => serialOfLocalTime(this.clock());
    core.outside.columnNames = (sheetId, colId) => this.catalog.namesOfColumn(sheetId, colId);
    for (const sheet of this.catalog.sheets()) {
      const st = new SheetState(sheet.id);
      core.sheets.set(sheet.id, st);
      core.setSheetName(sheet.id, this.catalog.displayName(sheet));
      const rows = this.source.rowIds(sheet.id);
      for (const r of rows) st.allocate(r);
      st.setOrder(rows);
      for (const col of sheet.columns) {
        const cs = new ColumnState(core.cols.length, st, col);
        core.cols.push(cs);
        st.columns.set(col.id, cs);
      }
    }
    for (const cs of core.cols) {
      const shape = this.typeOf(cs.sheet.id, cs.col);
      cs.type = shape.t;
      cs.orText = shape.orText === true;
      if (cs.col.formula === undefined) continue;
      cs.formula = this.columnFormula(cs.sheet.id, cs.col);
      for (const dep of cs.formula.sameRow) cs.sheet.columns.get(dep)?.sameRowDependents.add(cs);
    }
    this.views.build();
    // Alert rules (hidden columns only the app has) come last: the workbook's cells meet the budget of steps in one order everywhere.
    for (const rules of [false, true]) for (const cs of core.cols) if (cs.formula && (ruleIdOf(cs.id) !== undefined) === rules) this.load(cs);
    core.logCells = false;
    core.recalc();
    core.logCells = true;
    this.overBudget = core.exhausted;
    for (const cs of core.cols) core.log.column(cs.sheet.id, cs.id);
    this.emit();
  }

  /** @internal Reads a column's stored values (lazily, on first use); cell formulas found are installed. */
  load(cs: ColumnState): void {
    cs.loaded = true;
    const st = cs.sheet;
    const vals = this.source.columnValues(st.id, cs.id);
    const col = cs.col;
    for (let i = 0; i < st.order.length; i++) {
      const slot = st.order[i] ?? 0;
      const v = vals[i] ?? null;
      cs.state[slot] = CLEAN;
      if (isCellFormula(v)) this.installCell(cs, slot, v.f);
      else if (!cs.formula) cs.values[slot] = inputValue(v, col);
    }
    // Nothing has read a column that was not loaded yet, so there are no dependents to mark.
    if (cs.formula) this.core.markColumnDirty(cs);
  }

  private label(cs: ColumnState): string {
    const sheet = this.catalog.sheet(cs.sheet.id);
    return `${sheet ? this.catalog.displayName(sheet) : '?'}${bracketName(this.catalog.displayName(cs.col))}`;
  }

  /** Compiles a stored formula of a sheet; one that no longer checks runs as a #VALUE! with the reason. */
  compile(stored: string, sheetId: string, colId: string, result: 'single' | 'any' | 'array' = 'single', row = true): CompiledFormula {
    return compileStored(stored, { catalog: this.catalog, core: this.core, sheetId, colId, columnType: (s, c) => this.typeOf(s, c), result, row });
  }

  /** What view sheet `sheetId` shows: its columns and rows as its formula gives them now; undefined for another sheet. */
  view(sheetId: string): ViewResult | undefined {
    return this.views.result(sheetId);
  }

  /** @internal A column's compiled formula (kept until its formula changes). */
  columnFormula(sheetId: string, col: Column): CompiledFormula {
    const key = `${sheetId}|${col.id}`;
    let f = this.columnFormulas.get(key);
    if (!f) {
      f = this.compile(col.formula ?? '=0', sheetId, col.id);
      this.columnFormulas.set(key, f);
    }
    return f;
  }

  /** @internal Value type of a column as formulas read it; a formula column's comes from its formula (see formulaColumnType). */
  typeOf(sheetId: string, col: Column): ScalarType {
    const declared = inputType(col);
    if (col.formula === undefined) return { t: declared };
    const key = `${sheetId}|${col.id}`;
    const memo = this.types.get(key);
    if (memo === 'pending') return { t: declared };
    if (memo) return memo;
    this.types.set(key, 'pending');
    const shape = formulaColumnType(declared, this.columnFormula(sheetId, col));
    this.types.set(key, shape);
    return shape;
  }

  /** @internal Installs a cell formula at a slot and marks it dirty. */
  installCell(cs: ColumnState, slot: number, stored: string): void {
    this.removeCell(cs, slot);
    // A cell's own formula may give an array (it shows its count and first values).
    const f = this.compile(stored, cs.sheet.id, cs.id, 'any');
    cs.cellFormulas.set(slot, f);
    for (const dep of f.sameRow) {
      const d = cs.sheet.columns.get(dep);
      if (!d) continue;
      let set = d.cellDependents.get(slot);
      if (!set) d.cellDependents.set(slot, (set = new Set()));
      set.add(cs);
    }
    cs.state[slot] = CLEAN;
    this.core.markDirty(cs, slot);
  }

  /** @internal Removes a cell formula. */
  removeCell(cs: ColumnState, slot: number): void {
    const f = cs.cellFormulas.get(slot);
    if (!f) return;
    this.core.dropAccumulators(cs.instance(slot));
    cs.cellFormulas.delete(slot);
    for (const dep of f.sameRow) cs.sheet.columns.get(dep)?.cellDependents.get(slot)?.delete(cs);
    cs.state[slot] = CLEAN;
  }

  // ── changes ──────────────────────────────────────────────────────────────

  /** Applies one change of the source: value edits and row changes incrementally, schema changes by rebuilding. */
  apply(change: FormulaChange): void {
    const r = applyChange(this, change);
    if (r === 'rebuild') return this.rebuild();
    if (r === 'names') this.refreshNames();
    this.recalcWithin();
  }

  /** Recalculates what is dirty; out of steps, it starts again from scratch, so it errs where a fresh load (or the CLI) errs. */
  private recalcWithin(): void {
    this.core.resetBudget();
    if (!this.overBudget) this.core.recalc();
    if (this.overBudget || this.core.exhausted) return this.rebuild();
    this.emit();
  }

  /**
   * @internal Takes a column's new formula without rebuilding: true when done (the column had a
   * formula and keeps its type), false when the engine must rebuild (dependents' types may change).
   */
  recompileColumn(sheetId: string, colId: string): boolean {
    const cs = this.core.colOf(sheetId, colId);
    const col = this.source.columns(sheetId).find((c) => c.id === colId);
    if (!cs || !col || !cs.formula || col.formula === undefined) return false;
    const key = `${sheetId}|${colId}`;
    const [oldType, oldOrText] = [cs.type, cs.orText];
    this.types.delete(key);
    this.columnFormulas.delete(key);
    const shape = this.typeOf(sheetId, col);
    if (shape.t !== oldType || (shape.orText === true) !== oldOrText) return false;
    const st = cs.sheet;
    for (const dep of cs.formula.sameRow) st.columns.get(dep)?.sameRowDependents.delete(cs);
    cs.col = col;
    cs.formula = this.columnFormula(sheetId, col);
    for (const dep of cs.formula.sameRow) st.columns.get(dep)?.sameRowDependents.add(cs);
    if (!cs.loaded) return true;
    for (const slot of st.order) {
      if (cs.cellFormulas.has(slot)) continue;
      this.core.dropAccumulators(cs.instance(slot));
      cs.state[slot] = CLEAN;
      this.core.markDirty(cs, slot);
    }
    return true;
  }

  /** @internal Forgets a column's compiled formula and type (its alert rule was removed). */
  forgetColumn(sheetId: string, colId: string): void {
    for (const m of [this.types, this.columnFormulas]) m.delete(`${sheetId}|${colId}`);
  }

  /** @internal Re-reads names after renames (stored formulas do not change). */
  refreshNames(): void {
    this.catalog = new Catalog(this.source);
    this.views.namesChanged();
    for (const s of this.catalog.sheets()) this.core.setSheetName(s.id, this.catalog.displayName(s));
    // HLOOKUP finds columns by name: its cells recompute with the new names.
    for (const w of OutsideReads.take(this.core.outside.nameReaders)) this.core.markInstance(w);
  }

  /** Recomputes TODAY() users when the date changed; true when it did. */
  refreshToday(): boolean {
    const s = serialOfLocalDay(this.clock());
    const core = this.core;
    if (s === core.todaySerial) return false;
    core.todaySerial = s;
    const watchers = [...core.todayWatchers];
    core.todayWatchers.clear();
    for (const w of watchers) core.markInstance(w);
    this.recalcWithin();
    return true;
  }

  /** Recomputes NOW() users (the timer calls this every minute); true when there were any. */
  refreshNow(): boolean {
    const readers = OutsideReads.take(this.core.outside.nowReaders);
    for (const w of readers) this.core.markInstance(w);
    this.core.recalc();
    this.emit();
    return readers.length > 0;
  }

  private emit(): void {
    const e = this.core.log.take();
    if (e) for (const l of this.listeners) l(e);
  }

  // ── reads ────────────────────────────────────────────────────────────────

  private at(sheetId: string, rowId: string, colId: string): { cs: ColumnState; slot: number } {
    const cs = this.core.colOf(sheetId, colId);
    const slot = cs?.sheet.slotOf.get(rowId);
    if (!cs || slot === undefined) throw new FormulaEngineError(`No cell ${sheetId}/${rowId}/${colId}.`);
    return { cs, slot };
  }

  /** The computed value of a cell: the typed input, or a formula's result (errors are FormulaError values). */
  value(sheetId: string, rowId: string, colId: string): Scalar {
    const { cs, slot } = this.at(sheetId, rowId, colId);
    return this.core.read(cs, slot);
  }

  /** The computed value of a cell with its type. */
  cell(sheetId: string, rowId: string, colId: string): ComputedCell {
    const { cs, slot } = this.at(sheetId, rowId, colId);
    const value = this.core.read(cs, slot);
    const f = cs.cellFormulas.get(slot);
    const holds = cs.arrays.size > 0 && cs.arrays.has(slot) ? { holdsArray: true as const } : {};
    return isError(value) ? { value, type: 'error', ...holds } : { value, type: f?.type ?? cs.type, ...orText(f ? f.orText : cs.orText), ...holds };
  }

  /** The array a cell's own formula gives (the cell itself reads as its first value), or undefined. */
  arrayAt(sheetId: string, rowId: string, colId: string): ArrayResult | undefined {
    const { cs, slot } = this.at(sheetId, rowId, colId);
    this.core.read(cs, slot);
    const array = cs.arrays.get(slot);
    const type = cs.formulaAt(slot)?.checked?.type;
    return array && type ? arrayResult(array, type, (from) => this.catalog.columnName(from)) : undefined;
  }

  /** A whole column's computed values in row order, its type, and the types of cells with their own formula (by row index). */
  column(sheetId: string, colId: string): { type: ValueType; values: Scalar[]; cellTypes: Map<number, ValueType> } {
    const cs = this.core.colOf(sheetId, colId);
    if (!cs) throw new FormulaEngineError(`No column ${sheetId}/${colId}.`);
    this.core.ensureColumn(cs);
    const cellTypes = new Map<number, ValueType>();
    const values = cs.sheet.order.map((slot, i) => {
      const f = cs.cellFormulas.get(slot);
      if (f) cellTypes.set(i, f.type);
      return this.core.read(cs, slot);
    });
    return { type: cs.type, values, cellTypes };
  }

  /** The value type of a column (a formula column's result type, for formatting; the number part of a union). */
  columnType(sheetId: string, colId: string): ValueType {
    const cs = this.core.colOf(sheetId, colId);
    if (!cs) throw new FormulaEngineError(`No column ${sheetId}/${colId}.`);
    return cs.type;
  }

  // ── formulas as typed ────────────────────────────────────────────────────

  /** Checks a formula as typed (display form): its stored form and type, or a message with the range to underline. */
  check(text: string, place: FormulaPlace = {}): CheckResult {
    const c = this.checkDisplay(text, place);
    return c.ok ? { ok: true, stored: storedText(text, c.checked.ast, c.checked.refs), type: c.checked.type.t, ...orText(c.checked.type.orText) } : c;
  }

  private checkDisplay(text: string, place: FormulaPlace): { ok: true; checked: Checked } | Refusal {
    if (!text.trimStart().startsWith('=')) return refusal(msg('syntax.noEquals'), 0, 0);
    try {
      const ast = parseFormula(text, 'display');
      const checked = checkTree(ast, {
        catalog: this.catalog, sheetId: place.sheetId, colId: place.colId, row: place.row ?? place.sheetId !== undefined,
        form: 'display', columnType: (s, c) => this.typeOf(s, c), result: place.result ?? 'single',
      });
      return { ok: true, checked };
    } catch (e) {
      if (e instanceof CheckError || e instanceof FormulaSyntaxError) return refusal(e.detail, e.from, e.to);
      throw e;
    }
  }

  /** A stored formula as the user reads it, in the workbook's language (deleted references read #REF!). */
  display(stored: string, sheetId?: string): string {
    return displayText(stored, this.catalog, sheetId);
  }

  /** Evaluates a free-standing formula (display form, no row: whole columns as Sheet[Column]). */
  evaluate(text: string, place: FormulaPlace = {}): EvalResult {
    const c = this.checkDisplay(text, { ...place, row: place.row ?? false, result: place.result ?? 'any' });
    if (!c.ok) return c;
    this.core.resetBudget(); // a formula of its own gets a recalculation's budget
    const v = compileChecked(c.checked, this.core, text)(-1);
    const value = scalarOf(v);
    if (isError(value) && !isArray(v)) return { ok: true, value, type: 'error' };
    if (!isArray(v)) return { ok: true, value, type: c.checked.type.t, ...orText(c.checked.type.orText) };
    const array = arrayResult(v, c.checked.type, (from) => this.catalog.columnName(from));
    const first = array.columns[0];
    return { ok: true, value, type: isError(value) ? 'error' : (first?.type ?? 'error'), ...orText(first?.orText), array };
  }
}
