/** 简体中文: texts of a printed sheet and its Print action. */
import type { Shape } from '../i18n/translator.ts';
import type { PrintDict } from './print-en.ts';

const count = (n: number): string => n.toLocaleString('zh-CN');

/** The Chinese dictionary of printing. */
export const printZhCN: Shape<PrintDict> = {
  'print.action': '打印…',
  'print.printed': (date) => `打印于 ${date}`,
  'print.rows': (n) => `${count(n)} 行`,
  'print.filtered': '按屏幕上的筛选',
  'print.sorted': '按屏幕上的排序',
  'print.cut': (shown, total) => `只打印了 ${count(total)} 行中的前 ${count(shown)} 行（最多打印 ${count(shown)} 行）。请先筛选工作表，再打印其余的行。`,
  'print.empty': '此视图中没有行。',
};
