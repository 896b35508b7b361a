/**
 * How the engine evaluates cells: recursion from a cell into the dirty cells it reads, cycles found
 * as strongly connected components (Tarjan's algorithm over the evaluation order), and the
 * recalculation's budget of steps.
 *
 * The recursion never goes deeper than the stack allows (FORMULA_LIMITS.maxStackDepth): a cell that
 * would go too deep is set aside — the attempt in progress is abandoned — and computed first from a
 * work stack, then the attempt is made again (formulas are pure, so it reads the same cells). A
 * chain of 10,000 references costs each cell about two evaluations instead of overflowing the
 * stack; a chain that comes back to a cell set aside is a cycle like any other.
 */
import { FormulaError } from '../errors.ts';
import { msg, type CellPlace } from '../messages.ts';
import { budgetError, FORMULA_LIMITS } from '../limits.ts';
import type { Value } from '../values.ts';
import { CLEAN, DIRTY, RUNNING, SLOTS, type ColumnState } from './column-state.ts';

/** Stack levels a cell evaluation takes besides its formula's own (read, evaluate, run, lookups …). */
const CELL_FRAMES = 4;
/** Members named in a cycle's message; the rest are counted. */
const NAMED_MEMBERS = 10;

/** What evaluation needs of the engine's core. */
export interface EvaluationHost {
  readonly cols: readonly ColumnState[];
  /** The cell being evaluated (its instance id), -1 outside any. */
  current: number;
  /** Stores a computed value (an array, for a formula that gives one). */
  setValue(col: ColumnState, slot: number, v: Value): void;
  /** Puts a column with dirty cells back in the recalculation's queue. */
  queue(col: ColumnState): void;
  describe(instance: number): CellPlace;
}

/** Cell names in order, row 9 before row 10. */
const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** Thrown to the outermost evaluation: compute `instance` first (or, with `cycle`, it closes a cycle through cells set aside). */
class SetAside {
  constructor(
    readonly instance: number,
    readonly cycle: boolean,
  ) {}
}

/** The evaluation state of one engine. */
export class Evaluation {
  /** Cells running, outermost first. */
  private readonly stack: number[] = [];
  /** Tarjan's stack of evaluated cells whose component is still open, the DFS counter, and cells that read themselves. */
  private readonly scc: number[] = [];
  private counter = 0;
  private readonly selfLoops = new Set<number>();
  /** Stack levels taken by the evaluations in progress (0 outside any). */
  private depth = 0;
  /** Cells set aside whose attempt waits for the cells above them on the work stack. */
  private readonly pending = new Set<number>();
  /** Steps spent by this recalculation. */
  private steps = 0;

  constructor(private readonly host: EvaluationHost) {}

  /** Charges steps; false once the recalculation's budget is spent. */
  spend(steps: number): boolean {
    this.steps += steps;
    return this.steps <= FORMULA_LIMITS.maxSteps;
  }

  /** Starts a recalculation's budget of steps. */
  resetBudget(): void {
    this.steps = 0;
  }

  /** True when this recalculation ran out of steps. */
  get exhausted(): boolean {
    return this.steps > FORMULA_LIMITS.maxSteps;
  }

  /** The outermost running cell of a column, if any. */
  runningIn(col: ColumnState): number | undefined {
    return this.stack.find((i) => Math.floor(i / SLOTS) === col.index);
  }

  /**
   * A whole column is read while one of its cells is set aside (its evaluation is below the current
   * attempt, waiting for it): a cycle through the work stack; throws to close it. No-op otherwise.
   */
  checkSetAside(col: ColumnState): void {
    if (this.pending.size === 0) return;
    for (const id of this.pending) if (Math.floor(id / SLOTS) === col.index) throw new SetAside(id, true);
  }

  /**
   * The running cell reads a cell that is itself still running: a cycle. Every member shows #CYCLE!
   * once its component is complete — whatever it computed meanwhile, and wherever evaluation entered
   * the cycle. The error returned here is what the reader sees until then.
   */
  cycle(col: ColumnState, slot: number): FormulaError {
    this.backEdge(col.dfs[slot] ?? 0);
    if (col.instance(slot) === this.host.current) this.selfLoops.add(this.host.current);
    return new FormulaError('#CYCLE!', msg('cycle.plain'));
  }

  /** The running cell reaches the cell with DFS number `index`, still open. */
  backEdge(index: number): void {
    const cur = this.host.current;
    if (cur < 0) return;
    const col = this.host.cols[Math.floor(cur / SLOTS)];
    const slot = cur % SLOTS;
    if (col && index < (col.low[slot] ?? Infinity)) col.low[slot] = index;
  }

  /** Evaluates one computed cell now (from outside any evaluation: through the work stack when needed). */
  evaluate(col: ColumnState, slot: number): void {
    if (this.depth > 0) return this.run(col, slot);
    try {
      this.run(col, slot);
    } catch (e) {
      if (!(e instanceof SetAside)) throw e;
      this.fromWorkStack(col.instance(slot), e);
    }
  }

  /**
   * The outermost evaluation after its attempt was abandoned for `first`: computes the cells set
   * aside from a work stack, each before the cell whose attempt needed it, until `target` is done.
   */
  private fromWorkStack(target: number, first: SetAside): void {
    const work = [target];
    let interrupted: SetAside | undefined = first;
    try {
      while (interrupted) {
        this.abandon();
        const top = work[work.length - 1] ?? target;
        if (interrupted.cycle) this.closeLongCycle(work, interrupted.instance);
        else {
          this.pending.add(top);
          work.push(interrupted.instance);
        }
        interrupted = undefined;
        while (work.length > 0 && !interrupted) {
          const id = work[work.length - 1] ?? target;
          this.pending.delete(id);
          const col = this.host.cols[Math.floor(id / SLOTS)];
          const slot = id % SLOTS;
          if (!col || col.state[slot] !== DIRTY) {
            work.pop();
            continue;
          }
          try {
            this.run(col, slot);
            work.pop();
          } catch (e) {
            if (!(e instanceof SetAside)) throw e;
            interrupted = e;
          }
        }
      }
    } finally {
      this.pending.clear();
    }
  }

  /**
   * Undoes an abandoned attempt: the cells it was computing, and those of cycles it had not closed
   * yet, are dirty again (cells it finished keep their values: they read only finished cells).
   */
  private abandon(): void {
    for (const id of this.scc) {
      const col = this.host.cols[Math.floor(id / SLOTS)];
      if (!col) continue;
      const slot = id % SLOTS;
      col.dfs[slot] = -1;
      if (col.state[slot] === DIRTY) continue;
      col.state[slot] = DIRTY;
      col.dirtySlots.push(slot);
      this.host.queue(col);
    }
    this.scc.length = 0;
    this.selfLoops.clear();
  }

  /**
   * The attempt needed a cell set aside lower on the work stack: that cell waits, through every cell
   * above it, for itself. They are a cycle too long to meet on the stack: each shows #CYCLE!.
   */
  private closeLongCycle(work: number[], instance: number): void {
    const at = work.lastIndexOf(instance);
    const members = work.splice(at < 0 ? work.length - 1 : at);
    // Only the cells set aside are known by now (one every few hundred of the chain).
    const error = this.cycleError(members, true);
    for (const id of members) {
      const col = this.host.cols[Math.floor(id / SLOTS)];
      if (!col) continue;
      col.state[id % SLOTS] = CLEAN;
      this.host.setValue(col, id % SLOTS, error);
    }
  }

  /** Evaluates one cell, recursing into the dirty cells it reads; throws SetAside when that would go too deep. */
  private run(col: ColumnState, slot: number): void {
    const f = col.formulaAt(slot);
    if (!f) {
      col.state[slot] = CLEAN;
      return;
    }
    const id = col.instance(slot);
    const frames = f.depth + CELL_FRAMES;
    if (this.depth > 0) {
      if (this.pending.size > 0 && this.pending.has(id)) throw new SetAside(id, true);
      if (this.depth + frames > FORMULA_LIMITS.maxStackDepth) throw new SetAside(id, false);
    }
    const index = this.counter++;
    col.dfs[slot] = index;
    col.low[slot] = index;
    this.scc.push(id);
    col.state[slot] = RUNNING;
    col.running++;
    this.stack.push(id);
    const host = this.host;
    const prev = host.current;
    host.current = id;
    this.depth += frames;
    let v: Value;
    try {
      v = f.broken ?? (this.spend(f.steps) ? f.run(slot) : budgetError());
    } finally {
      this.depth -= frames;
      host.current = prev;
      this.stack.pop();
      col.running--;
    }
    col.state[slot] = CLEAN;
    const low = col.low[slot] ?? index;
    if (low < index) {
      // Part of a cycle whose root is still running: a tentative value until the root closes it.
      this.backEdge(low);
      host.setValue(col, slot, v);
    } else this.closeComponent(id, v);
  }

  /**
   * Closes the component rooted at the cell just evaluated: stores its value (and, when the component
   * is a cycle, #CYCLE! in every member). Members stay on Tarjan's stack until their values are stored,
   * so storing them marks none of them dirty again.
   */
  private closeComponent(root: number, v: Value): void {
    const cols = this.host.cols;
    // The usual case: a cell in no cycle.
    if (this.scc[this.scc.length - 1] === root && !this.selfLoops.has(root)) {
      this.scc.pop();
      const c = cols[Math.floor(root / SLOTS)];
      if (c) {
        this.host.setValue(c, root % SLOTS, v);
        c.dfs[root % SLOTS] = -1;
      }
      return;
    }
    const members: number[] = [];
    for (;;) {
      const m = this.scc.pop();
      if (m === undefined) break;
      members.push(m);
      if (m === root) break;
    }
    const loop = this.selfLoops.delete(root);
    let value = v;
    if (members.length > 1 || loop) value = this.cycleError(members);
    for (const m of members) {
      const c = cols[Math.floor(m / SLOTS)];
      if (c && (m === root || members.length > 1)) this.host.setValue(c, m % SLOTS, value);
    }
    for (const m of members) {
      const c = cols[Math.floor(m / SLOTS)];
      if (c) c.dfs[m % SLOTS] = -1;
    }
  }

  /** #CYCLE! naming the members of a cycle (the first few, in order, and how many more). */
  private cycleError(members: readonly number[], longChain = false): FormulaError {
    const places = new Map<string, CellPlace>();
    for (const id of members) {
      const p = this.host.describe(id);
      places.set(`${p.column} row ${p.row}`, p);
    }
    const names = [...places.keys()].sort(byName);
    const shown = names.slice(0, NAMED_MEMBERS).flatMap((n) => places.get(n) ?? []);
    const more = Math.max(0, names.length - NAMED_MEMBERS);
    return new FormulaError('#CYCLE!', msg(longChain ? 'cycle.longChain' : 'cycle.members', shown, more));
  }
}
