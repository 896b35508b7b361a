/**
 * Creates sheets from templates: columns first, then references, formulas and alert rules (which
 * need every sheet), then the default charts (pinned ones go on the dashboard).
 */
import type { Workbook } from '../src/model/index.ts';
import type { SheetTemplate } from './template.ts';
import { templateChartSpec } from './template-chart.ts';
import { OPS_TEMPLATES, templateOf } from './templates.ts';
// Reads or changes charts: the model's chart code comes with this module (not with the grid's first load).
import '../src/model/charts.ts';

/** Turns a display formula (names) into its stored form (ids) for a sheet; throws with a message when it does not check. */
export type FormulaCompiler = (wb: Workbook, sheetId: string, display: string, colId?: string) => string;

/** A created sheet: its id and the column id of each template column key. */
export interface AppliedSheet {
  sheetId: string;
  columns: Map<string, string>;
}

const quoteSheet = (name: string): string => (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** The first suffix that frees a template's names in both languages: '' for `Products`, ' 2' for `Products 2` … */
const freeSuffix = (wb: Workbook, t: SheetTemplate): string => {
  const free = (sfx: string) => !wb.sheetByName(`${t.en}${sfx}`) && !wb.sheetByName(`${t.zh}${sfx}`);
  if (free('')) return '';
  for (let i = 2; ; i++) if (free(` ${i}`)) return ` ${i}`;
};

/** Kinds a template needs to exist (reference columns and sheet references in its formulas). */
export const dependenciesOf = (t: SheetTemplate): string[] => {
  const kinds = new Set<string>();
  for (const c of t.columns) if (c.refKind) kinds.add(c.refKind);
  const texts = [...t.columns.map((c) => c.formula ?? ''), ...t.rules.map((r) => r.when)];
  for (const other of OPS_TEMPLATES) {
    if (other.kind === t.kind) continue;
    const pattern = `${quoteSheet(other.en)}[`;
    if (texts.some((f) => f.includes(pattern))) kinds.add(other.kind);
  }
  return [...kinds];
};

/**
 * Adds sheets for `templates` (in order, at the end of the tabs) and returns them by kind.
 * Formulas that name another template's sheet point at the sheet created here, or else at an
 * existing sheet of that kind; add dependencies first (see dependenciesOf).
 */
export const applyTemplates = (
  wb: Workbook,
  templates: readonly SheetTemplate[],
  compile: FormulaCompiler,
): Map<string, AppliedSheet> => {
  const applied = new Map<string, AppliedSheet>();
  for (const t of templates) {
    const sfx = freeSuffix(wb, t);
    const sheetId = wb.addSheet({
      name: `${t.en}${sfx}`,
      kind: t.kind,
      labels: { en: `${t.en}${sfx}`, 'zh-CN': `${t.zh}${sfx}` },
      columns: t.columns.map((c) => {
        const { formatLike: _key, ...options } = c.options ?? {};
        return { name: c.en, labels: { en: c.en, 'zh-CN': c.zh }, type: c.type, options };
      }),
    });
    const ids = wb.columns(sheetId).map((c) => c.id);
    applied.set(t.kind, { sheetId, columns: new Map(t.columns.map((c, i) => [c.key, ids[i] ?? ''])) });
  }
  const sheetOfKind = (kind: string): string | undefined =>
    applied.get(kind)?.sheetId ?? wb.sheets().find((s) => s.kind === kind)?.id;
  // Template formulas name sheets by their English template names; point them at the actual sheets.
  const localize = (display: string): string => {
    let out = display;
    for (const other of OPS_TEMPLATES) {
      const id = sheetOfKind(other.kind);
      const actual = id ? wb.sheet(id)?.name : undefined;
      if (actual && actual !== other.en) out = out.split(`${quoteSheet(other.en)}[`).join(`${quoteSheet(actual)}[`);
    }
    return out;
  };
  for (const t of templates) {
    const sheet = applied.get(t.kind);
    if (!sheet) continue;
    for (const c of t.columns) {
      const colId = sheet.columns.get(c.key) ?? '';
      if (c.refKind) {
        const ref = sheetOfKind(c.refKind);
        if (ref) wb.setColumnOptions(sheet.sheetId, colId, { ...(c.options ?? {}), refSheet: ref });
      }
      // A template names the column to be shown like by its key; the workbook stores its id.
      const like = c.options?.formatLike;
      if (like !== undefined) wb.setColumnOptions(sheet.sheetId, colId, { ...(c.options ?? {}), formatLike: sheet.columns.get(like) ?? '' });
    }
  }
  for (const t of templates) {
    const sheet = applied.get(t.kind);
    if (!sheet) continue;
    for (const c of t.columns) {
      const colId = sheet.columns.get(c.key) ?? '';
      if (c.formula) wb.setColumnFormula(sheet.sheetId, colId, compile(wb, sheet.sheetId, localize(c.formula), colId));
    }
    for (const r of t.rules) {
      wb.setRule(sheet.sheetId, {
        name: r.en,
        labels: { en: r.en, 'zh-CN': r.zh },
        when: compile(wb, sheet.sheetId, localize(r.when)),
        level: r.level,
        message: r.message.en,
        messageLabels: { en: r.message.en, 'zh-CN': r.message.zh },
        columns: r.columns.map((k) => sheet.columns.get(k) ?? '').filter(Boolean),
      });
    }
    for (const c of t.charts) {
      const chartId = wb.setChart(sheet.sheetId, templateChartSpec(c, sheet.columns));
      if (c.pin) wb.pinChart(sheet.sheetId, chartId, c.pin);
    }
  }
  return applied;
};

/** Adds a sheet of `kind` with whatever it depends on that the workbook lacks; returns the new sheet's id. */
export const addTemplateSheet = (wb: Workbook, kind: string, compile: FormulaCompiler): string => {
  const t = templateOf(kind);
  if (!t) throw new Error(`No sheet template "${kind}".`);
  const missing = dependenciesOf(t)
    .filter((k) => !wb.sheets().some((s) => s.kind === k))
    .map((k) => templateOf(k))
    .filter((x): x is SheetTemplate => x !== undefined);
  const applied = wb.transact(() => applyTemplates(wb, [...missing, t], compile));
  return applied.get(kind)?.sheetId ?? '';
};
