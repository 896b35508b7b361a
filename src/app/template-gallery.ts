/**
 * Where new sheets come from. The gallery lists templates (the ops sheets of sheets/ once they
 * exist) and adds a sheet from one; until then only the blank sheet is offered. Installing the
 * templates is writing one `TemplateGallery` over sheets/ and passing it to the App.
 */
import type { Labels, Locale } from '../schema/types.ts';
import type { Workbook } from '../model/index.ts';

/** One entry of the gallery. */
export interface TemplateEntry {
  /** Template id (the sheet's `kind`), `blank` for an empty sheet. */
  id: string;
  /** Name in each UI language. */
  labels: Labels;
  /** One line saying what the sheet is for, in each UI language. */
  description: Labels;
}

/** Lists templates and adds sheets from them. */
export interface TemplateGallery {
  list(): readonly TemplateEntry[];
  /** Adds a sheet from template `id` at tab position `index`, named `name`; returns its id. */
  add(wb: Workbook, id: string, opts: { name: string; index?: number; locale: Locale }): string;
}

/** Columns of a blank sheet: enough to start typing, all renamable and retypable. */
const BLANK_COLUMNS = [
  { name: 'Name', labels: { en: 'Name', 'zh-CN': '名称' } },
  { name: 'Notes', labels: { en: 'Notes', 'zh-CN': '备注' } },
] as const;

/** Adds a blank sheet (two text columns, no rows). */
export const addBlankSheet = (wb: Workbook, opts: { name: string; index?: number; locale: Locale }): string =>
  wb.addSheet({
    name: opts.name,
    kind: 'custom',
    index: opts.index,
    columns: BLANK_COLUMNS.map((c) => ({ name: c.labels[opts.locale] ?? c.name, type: 'text' as const })),
  });

/** The gallery before the ops templates exist: the blank sheet only. */
export const blankOnlyGallery: TemplateGallery = {
  list: () => [
    {
      id: 'blank',
      labels: { en: 'Blank sheet', 'zh-CN': '空白表' },
      description: { en: 'An empty sheet: you define its columns.', 'zh-CN': '空白表：列由你来定义。' },
    },
  ],
  add: (wb, _id, opts) => addBlankSheet(wb, opts),
};
