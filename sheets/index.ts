/** The sheet templates: whole workbooks to start from (`create --template ops|blank`), and single sheets for the gallery. */
import { type Locale } from '../src/schema/index.ts';
import { Workbook } from '../src/model/index.ts';
import { addTemplateSheet, applyTemplates } from './apply-template.ts';
import { addKpiRows } from './kpi-rows.ts';
import { blank } from './blank.ts';
import { compileTemplateFormula } from './compile.ts';
import { OPS_TEMPLATES } from './templates.ts';

export { createDemoWorkbook, localToday } from './demo.ts';
export { OPS_TEMPLATES, SHEET_TEMPLATES, templateOf } from './templates.ts';
export { dependenciesOf, type AppliedSheet } from './apply-template.ts';
export { compileTemplateFormula, TemplateFormulaError } from './compile.ts';
export type { SheetTemplate, TemplateChart, TemplateColumn, TemplateRule } from './template.ts';

/** Templates a workbook can be created from. */
export const TEMPLATES = ['ops', 'blank'] as const;
/** The name of a workbook template. */
export type TemplateName = (typeof TEMPLATES)[number];

/** True when `s` names a workbook template. */
export const isTemplateName = (s: string): s is TemplateName => (TEMPLATES as readonly string[]).includes(s);

/** A new workbook: `ops` has every ops sheet (empty but for the KPIs' formulas), `blank` one blank sheet. */
export const createTemplateWorkbook = (template: TemplateName, settings: { name?: string; locale?: Locale } = {}): Workbook => {
  const wb = Workbook.create({ name: settings.name ?? (template === 'ops' ? 'Shop plan' : 'Untitled workbook'), locale: settings.locale ?? 'en' });
  const applied = applyTemplates(wb, template === 'ops' ? OPS_TEMPLATES : [blank], compileTemplateFormula);
  // The KPIs come with their formulas: over empty sheets they show zeros and blanks, and fill in as data arrives.
  const kpi = applied.get('kpis');
  if (kpi) addKpiRows(wb, kpi, compileTemplateFormula);
  wb.clearHistory();
  return wb;
};

/** Adds a sheet of template `kind` (and the sheets it needs that are missing) as one undoable step; returns its id. */
export const addSheetFromTemplate = (wb: Workbook, kind: string): string => addTemplateSheet(wb, kind, compileTemplateFormula);
