/**
 * The one adapter of the formula engine, for the app and the CLI alike: computed values (dates as
 * ISO text, errors as values with their message), recalculation events, formulas checked as typed,
 * the function registry, and the sheets' alert rules (computed as hidden formula columns). The app
 * runs it live (TODAY() follows the clock); the CLI's export runs it on a given day.
 */
import {
  AlertingSource,
  FormulaEngine,
  listFunctions,
  messageText,
  msg,
  ruleColumnId,
  ruleIdOf,
  signatureOf,
  type FormulaMessage,
  type Scalar,
  type ValueType,
  type ViewResult,
} from '../formula/index.ts';
import { cellArray, cellArrayText, computedValue, shownView, type ShownView } from './view-sheets.ts';
import { stateText } from '../../sheets/state-texts.ts';
import { type ComputedValue } from '../schema/computed-value.ts';
import type { ColumnType, Locale, RuleColor } from '../schema/types.ts';
import type { Workbook } from '../model/index.ts';
import { isCellFormula } from '../schema/types.ts';
import type { CalcService, CellAlert, CellArray, FormulaCheck, FunctionDoc, RecalcListener, SheetRepaint } from './calc-service.ts';

const COLUMN_TYPES = new Set<ValueType>(['number', 'integer', 'currency', 'percent', 'date', 'boolean', 'text']);

/** The sheet or column a refusal suggests instead ("no column "Prce"; did you mean "Price"?" → ["Price"]). */
const suggestionsIn = (m: FormulaMessage): string[] => {
  const hint = m.code === 'ref.noSheet' ? m.args[1] : m.code === 'ref.noColumn' ? m.args[2] : undefined;
  return hint ? [hint] : [];
};

/** How the engine runs. */
export interface EngineCalcOptions {
  /** The local day TODAY() reads (YYYY-MM-DD), for an export of a given day; live when omitted. */
  today?: string;
  /** Writes the formula layer's messages (refusals, error values' reasons): English when omitted, as the CLI prints them. */
  messageText?: (m: FormulaMessage) => string;
}

/** A coloured rule's alert: red is an error, amber a warning, the other colours mark cells without alerting. */
const colouredAlert = (message: string, color: RuleColor): CellAlert =>
  color === 'red' ? { message, color, level: 'error' } : color === 'amber' ? { message, color, level: 'warning' } : { message, color };

/** Noon of a local calendar day: TODAY() is the local date, whatever the zone. */
const localNoon = (day: string): Date => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12);

/** A CalcService over a FormulaEngine attached to the workbook; `locale` is the language names are shown in. */
export const engineCalc = (wb: Workbook, locale: () => Locale, options: EngineCalcOptions = {}): CalcService => {
  let shownIn = locale();
  const source = new AlertingSource(wb, () => shownIn);
  const noon = options.today === undefined ? undefined : localNoon(options.today);
  const engine = FormulaEngine.attach(source, noon ? { clock: () => noon } : { watchToday: true });
  const write = options.messageText ?? messageText;
  const toCalc = (v: Scalar, type: ValueType): ComputedValue => computedValue(v, type, write);
  const useLocale = (l: Locale) => {
    if (l === shownIn) return;
    shownIn = l;
    source.refresh();
    engine.refreshNames();
  };
  const typeAt = (sheetId: string, colId: string): ValueType => {
    try {
      return engine.columnType(sheetId, colId);
    } catch {
      return 'error';
    }
  };
  let functions: FunctionDoc[] | undefined;
  // A view as the app shows it, built once each time the engine computes the view again.
  const shown = new WeakMap<ViewResult, ShownView>();
  const viewOf = (sheetId: string): ShownView | undefined => {
    const r = engine.view(sheetId);
    if (!r) return undefined;
    let v = shown.get(r);
    if (!v) shown.set(r, (v = shownView(wb, engine, sheetId, r, write)));
    return v;
  };
  const arrayOf = (sheetId: string, rowId: string, colId: string): CellArray | undefined => {
    const a = engine.arrayAt(sheetId, rowId, colId);
    return a ? cellArray(a, write) : undefined;
  };
  return {
    value(sheetId, rowId, colId) {
      const view = viewOf(sheetId);
      if (view) return view.value(rowId, colId);
      try {
        const c = engine.cell(sheetId, rowId, colId);
        // A cell whose formula gives an array shows its count and first values.
        const array = c.holdsArray ? arrayOf(sheetId, rowId, colId) : undefined;
        if (array) return cellArrayText(array, { locale: shownIn, currency: wb.settings.currency });
        return toCalc(c.value, c.type === 'error' ? typeAt(sheetId, colId) : c.type);
      } catch {
        // A row or column the engine has not seen yet (the change event is on its way).
        const v = wb.cell(sheetId, rowId, colId);
        return typeof v === 'object' && v !== null ? null : v;
      }
    },
    columnValues(sheetId, colId) {
      const view = viewOf(sheetId);
      if (view) return view.columnValues(colId);
      try {
        const c = engine.column(sheetId, colId);
        return c.values.map((v, i) => toCalc(v, c.cellTypes.get(i) ?? c.type));
      } catch {
        return wb.columnValues(sheetId, colId).map((v) => (typeof v === 'object' && v !== null ? null : v));
      }
    },
    resultType(sheetId, colId) {
      const view = viewOf(sheetId);
      if (view) return view.columns.find((c) => c.id === colId)?.type;
      const col = wb.column(sheetId, colId);
      if (col?.formula === undefined) return undefined;
      const t = typeAt(sheetId, colId);
      return COLUMN_TYPES.has(t) ? (t as ColumnType) : undefined;
    },
    cellType(sheetId, rowId, colId) {
      if (!wb.hasSheet(sheetId) || !isCellFormula(wb.cell(sheetId, rowId, colId))) return undefined;
      try {
        const c = engine.cell(sheetId, rowId, colId);
        if (c.holdsArray) return 'text';
        const t = c.type;
        return COLUMN_TYPES.has(t) ? (t as ColumnType) : undefined;
      } catch {
        return undefined; // a cell the engine has not seen yet
      }
    },
    onRecalc(listener: RecalcListener) {
      // A rule's new colour or message changes no computed value, yet its cells must be painted again.
      const offRules = wb.onChange((c) => {
        const out = new Map<string, SheetRepaint>();
        for (const [sheetId, sc] of c.sheets) if (sc.rules.size > 0 && !sc.removed) out.set(sheetId, { all: true });
        if (out.size > 0) listener(out);
      });
      const offEngine = engine.onRecalc((e) => {
        const out = new Map<string, SheetRepaint>();
        for (const [sheetId, s] of e.sheets) {
          // A view computed again: its rows, their order and its columns may all have changed.
          if (engine.views.has(sheetId)) {
            out.set(sheetId, { all: true, rows: true });
            continue;
          }
          const columns = new Set<string>();
          let all = false;
          for (const c of s.columns) {
            if (ruleIdOf(c) !== undefined) all = true;
            else columns.add(c);
          }
          const cells = new Map<string, Set<string>>();
          for (const [rowId, cols] of s.cells) {
            const set = new Set<string>();
            for (const c of cols) {
              const ruleId = ruleIdOf(c);
              if (ruleId === undefined) set.add(c);
              else {
                const rule = source.rules(sheetId).find((r) => r.id === ruleId);
                const lit = rule && rule.columns.length > 0 ? rule.columns : wb.columns(sheetId).map((x) => x.id);
                for (const x of lit) set.add(x);
              }
            }
            cells.set(rowId, set);
          }
          out.set(sheetId, all ? { all: true } : { cells, columns });
        }
        listener(out);
      });
      return () => {
        offRules();
        offEngine();
      };
    },
    check(text, target): FormulaCheck {
      useLocale(locale());
      const r =
        target.kind === 'view'
          ? engine.check(text, { row: false, result: 'array' })
          : target.kind === 'rule'
            ? engine.check(text, { sheetId: target.sheetId, row: true, result: 'single' })
            : engine.check(text, { sheetId: target.sheetId, colId: target.colId, row: true, result: target.kind === 'cell' ? 'any' : 'single' });
      // A rule paints the cells where its condition is TRUE: anything but a yes/no is refused as typed.
      if (r.ok && target.kind === 'rule' && r.type !== 'boolean') {
        return { ok: false, message: write(msg('type.ruleCondition', r.type)), from: 0, to: text.length, suggestions: [] };
      }
      if (r.ok) return { ok: true, stored: r.stored, ...(COLUMN_TYPES.has(r.type) ? { type: r.type as ColumnType } : {}) };
      return { ok: false, message: write(r.detail), from: r.from, to: r.to, suggestions: suggestionsIn(r.detail) };
    },
    display(stored, sheetId, l) {
      useLocale(l);
      return engine.display(stored, sheetId);
    },
    functions() {
      functions ??= listFunctions().map((d) => ({ name: d.name, signature: signatureOf(d), doc: d.doc, example: d.example }));
      return functions;
    },
    alerts(sheetId, rowId) {
      const out: CellAlert[] = [];
      for (const rule of source.rules(sheetId)) {
        let fired: Scalar;
        try {
          fired = engine.value(sheetId, rowId, ruleColumnId(rule.id));
        } catch {
          continue;
        }
        if (fired !== true) continue;
        // A rule a person made without a message says its name (its condition as written).
        const message = rule.messageLabels?.[shownIn] ?? (rule.message || rule.name);
        const alert: CellAlert = rule.color === undefined ? { message, level: rule.level } : colouredAlert(message, rule.color);
        if (rule.columns.length === 0) out.push(alert);
        for (const colId of rule.columns) out.push({ colId, ...alert });
      }
      return out;
    },
    view: (sheetId) => viewOf(sheetId),
    arrayAt: (sheetId, rowId, colId) => {
      if (engine.views.has(sheetId)) return undefined;
      try {
        return arrayOf(sheetId, rowId, colId);
      } catch {
        return undefined; // a cell the engine has not seen yet
      }
    },
    stateText,
    dispose() {
      engine.dispose();
    },
  };
};
