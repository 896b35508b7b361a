/** An ops workbook with its engine on a fixed day, addressed by template kind and column key (for template tests). */
import { AlertingSource, FormulaEngine, isError, isoFromSerial, ruleColumnId, type Scalar } from '../../src/formula/index.ts';
import type { CellValue } from '../../src/schema/index.ts';
import type { Workbook } from '../../src/model/index.ts';
import { createTemplateWorkbook, templateOf } from '../../sheets/index.ts';

/** What a test reads from a cell: the value (dates ISO), or the error code. */
export type Seen = string | number | boolean | null;

/** A fresh ops workbook (every template, no rows) computed as on `today`. */
export const opsHarness = (today = '2026-11-29', wb: Workbook = createTemplateWorkbook('ops')) => {
  const source = new AlertingSource(wb);
  const engine = FormulaEngine.attach(source, { clock: () => new Date(`${today}T12:00:00`) });
  const sheetOf = (kind: string) => {
    const s = wb.sheets().find((x) => x.kind === kind);
    const t = templateOf(kind);
    if (!s || !t) throw new Error(`no sheet of kind ${kind}`);
    const cols = wb.columns(s.id);
    const col = (key: string): string => {
      const c = t.columns.find((x) => x.key === key);
      const found = c && cols.find((x) => x.name === c.en);
      if (!found) throw new Error(`no column ${kind}.${key}`);
      return found.id;
    };
    return { id: s.id, template: t, col };
  };
  const read = (v: Scalar, type: string): Seen => (isError(v) ? v.code : type === 'date' && typeof v === 'number' ? isoFromSerial(v) : v);
  return {
    wb,
    engine,
    sheetOf,
    /** Appends rows given by column key; returns their ids. */
    add(kind: string, rows: Record<string, CellValue>[]): string[] {
      const s = sheetOf(kind);
      const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      return wb.appendRows(s.id, keys.map(s.col), rows.map((r) => keys.map((k) => r[k] ?? null)));
    },
    /** The computed value of a cell by column key (dates ISO, errors as their code). */
    get(kind: string, rowId: string, key: string): Seen {
      const s = sheetOf(kind);
      const c = engine.cell(s.id, rowId, s.col(key));
      return read(c.value, c.type === 'error' ? engine.columnType(s.id, s.col(key)) : c.type);
    },
    /** The error message of a cell, if it holds an error. */
    message(kind: string, rowId: string, key: string): string | undefined {
      const s = sheetOf(kind);
      const v = engine.value(s.id, rowId, s.col(key));
      return isError(v) ? v.message : undefined;
    },
    /** Keys of the template rules that fire on a row. */
    alerts(kind: string, rowId: string): string[] {
      const s = sheetOf(kind);
      return wb
        .rules(s.id)
        .filter((r) => engine.value(s.id, rowId, ruleColumnId(r.id)) === true)
        .map((r) => s.template.rules.find((tr) => tr.en === r.name)?.key ?? r.name)
        .sort();
    },
    /** The stored form of a formula typed in a sheet (throws with the reason when it does not check). */
    formula(kind: string, display: string): { f: string } {
      const r = engine.check(display, { sheetId: sheetOf(kind).id, row: true });
      if (!r.ok) throw new Error(r.message);
      return { f: r.stored };
    },
    /** A free-standing formula's value. */
    evaluate(formula: string): Seen {
      const r = engine.evaluate(formula);
      if (!r.ok) throw new Error(r.message);
      return read(r.value, r.type);
    },
  };
};
