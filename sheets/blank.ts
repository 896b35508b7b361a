/** A blank custom sheet: the user defines its columns (it starts with two). */
import type { SheetTemplate } from './template.ts';

export const blank: SheetTemplate = {
  kind: 'custom',
  en: 'Sheet',
  zh: '表格',
  about: { en: 'An empty sheet: add the columns you need.', zh: '空白表格：按需添加列。' },
  columns: [
    { key: 'name', en: 'Name', zh: '名称', type: 'text', options: { width: 200 } },
    { key: 'notes', en: 'Notes', zh: '备注', type: 'text', options: { width: 260 } },
  ],
  rules: [],
  charts: [],
};
