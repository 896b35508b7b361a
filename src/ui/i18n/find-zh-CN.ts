/** 简体中文 texts of the find and replace bar (see find-en.ts). */
import type { FindDict } from './find-en.ts';

const n0 = (n: number): string => n.toLocaleString('zh-CN');

/** The Chinese (simplified) dictionary of the find bar. */
export const findZhCN: FindDict = {
  'find.placeholder': '查找',
  'find.count': (i, total, kept) => (total === 0 ? '无匹配' : `第 ${n0(i)} 个，共 ${n0(total)} 个${kept < total ? `（可跳转前 ${n0(kept)} 个）` : ''}`),
  'find.hidden': (hidden) => `（另有 ${n0(hidden)} 个在被筛选隐藏的行中）`,
  'find.soFar': '，仍在查找…',
  'find.reading': (percent) => `正在读取工作簿… ${percent} %`,
  'find.sheetHidden': (hidden) => `另 ${n0(hidden)} 个已隐藏`,
  'find.hiddenTitle': '被筛选隐藏的行中的匹配只计数，不跳转也不替换',
  'find.next': '下一个 (Enter)',
  'find.previous': '上一个 (Shift+Enter)',
  'find.close': '关闭 (Esc)',
  'find.scope': '查找范围',
  'find.scopeSheet': '本表',
  'find.scopeWorkbook': '整个工作簿',
  'find.matchCase': '区分大小写',
  'find.wholeCell': '单元格完全匹配',
  'find.showReplace': '替换…',
  'find.replaceWith': '替换为',
  'find.replace': '替换',
  'find.replaceAll': '全部替换',
  'find.sheets': '各表的匹配',
  'find.sheetCount': (sheet, count) => `${sheet}：${n0(count)} 个匹配`,
  'find.replaced': (count, sheets) => (count === 0 ? '没有替换任何内容。' : `已在 ${n0(sheets)} 个表中替换 ${n0(count)} 处`),
  'find.computed': (count) => `${n0(count)} 个匹配是计算结果（公式结果或视图表），保持不变。`,
  'find.refused': (count) => `${n0(count)} 个单元格未替换：新内容不符合该列的类型。`,
  'find.example': (where, text, why) => `${where}：“${text}”——${why}`,
  'find.where': (sheet, column, row) => `${sheet} · ${column}，第 ${n0(row)} 行`,
  'find.readOnly': '仅查看：不能替换。',
  'find.notHere': '该单元格是计算结果（公式结果或视图表），不能替换。',
};
