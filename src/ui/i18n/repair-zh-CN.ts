/** 简体中文 texts of the "needs repair" notice (the keys of repair-en.ts). */
import type { DamageKind, Expected, ValueKind } from '../../schema/stored/index.ts';
import type { RepairDict } from './repair-en.ts';

const n0 = (n: number): string => n.toLocaleString('zh-CN');

const KINDS: Record<ValueKind, string> = {
  text: '文本',
  number: '数字',
  boolean: '是/否值',
  empty: '空值',
  list: '列表',
  record: '记录',
  shared: '共享结构',
  binary: '二进制数据',
  other: '无法读取的值',
};

const EXPECTED: Record<Expected, string> = {
  text: '文本',
  number: '数字',
  wholeNumber: '整数',
  boolean: '是/否值',
  list: '列表',
  record: '记录',
  cellValue: '单元格值',
  date: '日期（YYYY-MM-DD）',
  formula: '以“=”开头的公式',
  orderKey: '位置',
  id: 'ID',
};

const WHAT: Record<DamageKind, string> = {
  settings: '工作簿设置',
  sheet: '工作表',
  column: '列',
  row: '行',
  cell: '单元格',
  rule: '提醒规则',
  chart: '图表',
  tile: '看板卡片',
  history: '单元格历史记录',
};

/** The 简体中文 dictionary of the notice. */
export const repairZhCN: RepairDict = {
  'notice.count': (n) => `这个工作簿有 ${n0(n)} 项数据已损坏，需要修复。`,
  'notice.hint': '有人的设备或脚本写入了本应用无法使用的值。工作簿的其他部分照常可用。',
  'notice.show': '查看',
  'notice.hide': '收起',
  'notice.title': '需要修复',
  'notice.more': (n) => `……还有 ${n0(n)} 项；“全部修复”也会修复它们。`,
  'notice.readOnly': '请让这个工作簿的编辑者来修复。',
  'notice.all': '全部修复',
  'notice.allTitle': '重置或删除所有损坏的项，作为一次所有人都会收到的修改（可以撤销）',
  'notice.server': '从服务器修复',
  'notice.serverTitle': '用中继服务器上的副本替换本设备的副本，然后重新加载（尚未同步到服务器的编辑会被丢弃）',
  'notice.done': (n) => `已修复 ${n0(n)} 项。`,
  'notice.failed': (why) => `修复未完成：${why}`,
  'repair.reset': '重置',
  'repair.resetTitle': '用默认值替换出错的部分',
  'repair.remove': '删除',
  'repair.removeTitle': '删除这一项',
  'entry.what': (kind: DamageKind) => WHAT[kind],
  'entry.sheet': (name) => `工作表“${name}”`,
  'entry.column': (name) => `列“${name}”`,
  'entry.row': (n) => `第 ${n0(n)} 行`,
  'entry.named': (name) => `“${name}”`,
  'entry.hidden': '修复前不显示',
  'problem.type': (field, expected, got) => `${field} 的值是${KINDS[got]}，应为${EXPECTED[expected]}`,
  'problem.unknown': (field, value, allowed) => `${field} 是“${value}”，本应用不认识（可用的有 ${allowed}）`,
  'problem.tooLong': (field, length, max) => `${field} 长 ${n0(length)} 个字符，最多保留 ${n0(max)} 个`,
  'problem.range': (field, value, min, max) => `${field} 是 ${value}，超出 ${min} … ${max}`,
  'problem.format': (field, value, expected) => `${field} 是“${value}”，不是${EXPECTED[expected]}`,
  'problem.missing': (field) => `缺少 ${field}`,
  'problem.badKey': (field, key) => `${field}“${key}”不是有效的 ID`,
  'boundary.title': '工作簿的这一部分无法显示。',
  'boundary.body': '应用的其他部分仍可使用，你的编辑已保存在本设备上。请重新加载页面；如果这一部分仍然出错，可以用服务器上的副本替换本设备的副本（尚未同步到服务器的编辑会被丢弃）。',
  'boundary.pageTitle': '工作簿无法显示。',
  'boundary.retry': '重试',
  'boundary.reload': '重新加载',
  'boundary.repair': '从服务器修复',
  'boundary.repairTitle': '用中继服务器上的副本替换本设备上的工作簿副本，然后重新加载',
  'boundary.repairing': '正在修复…',
  'boundary.unreachable': '无法连接中继服务器；请联网后再修复。',
  'boundary.denied': (why) => `中继服务器拒绝了修复${why ? `：${why}` : '。'}`,
  'boundary.back': '所有工作簿',
  'schema.newer': '这个工作簿已被新版本的应用升级。请重新加载以获取新版本；在此之前只能查看。',
  'schema.reload': '重新加载',
};
