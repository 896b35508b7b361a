/** What depends on a deletion (src/app/dependents.ts), in the person's language: a summary and a few examples. */
import type { Dependent, Dependents } from '../app/dependents.ts';
import type { AppState } from './app-context.ts';
import { dialogTexts } from './i18n/dialog-texts.ts';

/** The summary sentence and one line per example (with "… and N more" when there are more), or null when nothing depends on it. */
export const dependentsText = (app: AppState, d: Dependents): { summary: string; details: string[] } | null => {
  if (d.total === 0) return null;
  const t = app.i18n.texts(dialogTexts);
  const { wb } = app;
  const sheet = (id: string) => {
    const s = wb.sheet(id);
    return s ? app.label(s) : '';
  };
  const column = (sheetId: string, colId: string) => {
    const c = wb.column(sheetId, colId);
    return c ? app.label(c) : '';
  };
  const chart = (sheetId: string, chartId: string, title: string) => wb.chart(sheetId, chartId)?.labels?.[app.i18n.locale()] ?? title;
  // A row is named by its number and, when another column says which it is (a KPI's metric), that too.
  const row = (sheetId: string, rowId: string, colId: string) => {
    const n = t('deps.row', wb.rowIndex(sheetId, rowId) + 1);
    const cols = wb.columns(sheetId);
    const naming = cols.find((c) => c.options.key) ?? cols[0];
    const name = naming && naming.id !== colId ? wb.cell(sheetId, rowId, naming.id) : null;
    return typeof name === 'string' && name !== '' ? `${n} (${name})` : n;
  };
  const line = (e: Dependent): string => {
    switch (e.kind) {
      case 'formula':
        return e.rowId === undefined
          ? t('deps.formula', sheet(e.sheetId), column(e.sheetId, e.colId))
          : t('deps.cellFormula', sheet(e.sheetId), column(e.sheetId, e.colId), row(e.sheetId, e.rowId, e.colId));
      case 'rule':
        return t('deps.rule', sheet(e.sheetId), e.name);
      case 'chart':
        return t('deps.chart', sheet(e.sheetId), chart(e.sheetId, e.chartId, e.title));
      case 'referenceColumn':
        return t('deps.referenceColumn', sheet(e.sheetId), column(e.sheetId, e.colId));
      case 'reference':
        return t('deps.reference', sheet(e.sheetId), column(e.sheetId, e.colId), row(e.sheetId, e.rowId, e.colId), e.key);
      case 'tile':
        return t('deps.tile', chart(e.sheetId, e.chartId, e.title));
    }
  };
  const details = d.examples.map(line);
  if (d.total > d.examples.length) details.push(t('deps.more', d.total - d.examples.length));
  return { summary: t('deps.summary', d.total, d.sheetIds.map(sheet).join(', ')), details };
};
