/**
 * The sheet templates a new workbook can start from (`create --template ops|blank`). Placeholder:
 * the templates (issue 4) replace these bodies; the exports stay.
 */
import { Workbook } from '../src/model/index.ts';
import { createDemoWorkbook } from './demo.ts';

/** Templates a workbook can be created from. */
export const TEMPLATES = ['ops', 'blank'] as const;
/** The name of a template. */
export type TemplateName = (typeof TEMPLATES)[number];

/** True when `s` names a template. */
export const isTemplateName = (s: string): s is TemplateName => (TEMPLATES as readonly string[]).includes(s);

/** A new workbook from a template: `ops` has the operations sheets, `blank` one empty sheet. */
export const createTemplateWorkbook = (template: TemplateName): Workbook => {
  if (template === 'ops') {
    const wb = createDemoWorkbook();
    wb.setSettings({ name: 'Shop plan' });
    wb.clearHistory();
    return wb;
  }
  const wb = Workbook.create({ name: 'Untitled workbook' });
  wb.addSheet({ name: 'Sheet 1', columns: [{ name: 'A', type: 'text' }] });
  wb.clearHistory();
  return wb;
};
