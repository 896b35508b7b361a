/** 简体中文 UI text. Loaded on demand: English users never download it. */
import type { Dict } from './en.ts';

const n0 = (n: number): string => n.toLocaleString('zh-CN');

/** The Chinese (simplified) dictionary. */
export const zhCN: Dict = {
  'app.title': '运营工作簿',
  'common.cancel': '取消',
  'common.close': '关闭',
  'common.undo': '撤销',

  'header.rename': '重命名工作簿',
  'header.undo': '撤销你的上一步修改 (Ctrl+Z)',
  'header.redo': '重做 (Ctrl+Y)',
  'header.addRow': '行',
  'header.addRowTitle': '在末尾添加一行',
  'header.addColumn': '列',
  'header.addColumnTitle': '添加一列',
  'header.find': '查找',
  'header.findTitle': '在本表中查找 (Ctrl+F)',
  'header.help': '函数',
  'header.helpTitle': '所有函数的用法和示例',
  'header.import': '导入',
  'header.importTitle': '从 CSV 文件添加行（也可以把文件拖到表格上）',
  'header.export': '导出',
  'header.exportTitle': '把本表或整个工作簿下载为 CSV',
  'header.language': '语言',
  'header.charts': '图表',
  'header.chartsTitle': '本表的图表：添加、编辑、固定到看板、保存为 PNG',
  'header.calendar': '日历',
  'header.calendarTitle': '在日历上查看活动（再点一次回到表格）',
  'header.viewOnly': '只读',
  'header.viewOnlyTitle': '您是通过只读链接打开的：可以查看、筛选和排序，但不能修改。如需编辑，请向工作簿的编辑者索取编辑链接。',

  'header.settings': '设置',
  'header.settingsTitle': '工作簿设置：金额币种',
  'currency.CNY': '¥ 人民币',
  'currency.USD': '$ 美元',
  'currency.EUR': '€ 欧元',

  'tabs.add': '添加工作表',
  'tabs.dashboard': '看板',
  'tabs.dashboardTitle': '团队指标与固定的图表，一页看全',
  'tabs.rename': '重命名',
  'tabs.menu': (name) => `工作表“${name}”：重命名、移动或删除`,
  'tabs.nameTaken': (name) => `已有名为“${name}”的工作表，请换一个名称。`,
  'tabs.nameEmpty': '工作表需要一个名称。',

  'type.text': '文本',
  'type.number': '数字',
  'type.integer': '整数',
  'type.currency': '金额',
  'type.percent': '百分比',
  'type.date': '日期',
  'type.boolean': '复选框',
  'type.choice': '选项',
  'type.reference': '引用',
  'type.formula': '公式',

  'col.menu': (name) => `列“${name}”：排序、筛选、修改`,
  'col.nameTaken': (name) => `本表已有名为“${name}”的列，请换一个名称。`,
  'col.nameEmpty': '列需要一个名称。',
  'col.formulaTitle': (name) => `“${name}”的每一行按此公式计算：`,

  'row.dragHint': '拖动以移动。排序或筛选时不能拖动，请先清除。',
  'row.hiddenByFilter': '该行被你的筛选隐藏了；清除筛选即可看到。',
  'row.deleted': (n) => `已删除 ${n0(n)} 行。`,

  'status.rows': (shown, total) => (shown === total ? `${n0(total)} 行` : `${n0(shown)} / ${n0(total)} 行`),
  'status.columns': (n) => `${n0(n)} 列`,
  'status.sum': '求和',
  'status.average': '平均值',
  'status.count': '计数',
  'status.sorted': '已排序',
  'status.filtered': (n) => `已按 ${n0(n)} 列筛选`,
  'status.clear': '清除排序和筛选',
  'status.viewNote': '排序和筛选只对你自己生效，其他人保留各自的视图。',

  'fbar.label': '单元格的值或公式',
  'fbar.none': '选择一个单元格以查看它的值。',
  'fbar.columnFormula': (name) => `列“${name}”的公式，对每一行计算`,
  'fbar.commitHint': 'Enter 保存，Esc 取消',

  'edit.formulaColumn': (name) => `“${name}”由公式计算得出；请修改公式（列菜单 → 设置公式）。`,

  'empty.title': '这张表还没有行。',
  'empty.hint': '添加一行，或粘贴从电子表格复制的单元格。',

  'import.dropHere': '松开鼠标即可导入这个 CSV 文件',

  'fbar.notAvailable': '公式引擎安装后才能保存公式。',
  'cell.notComputed': '尚未计算：公式引擎安装后才会计算公式。',
  'undo.nothing': '没有可撤销的修改。',
  'open.loading': '正在打开工作簿…',
  'redo.nothing': '没有可重做的修改。',

  'tabs.viewBadge': '视图',
  'fbar.view': 'ƒ 视图',
  'fbar.viewHint': '这个视图表的公式：它的行就是公式给出的结果',
  'cell.arrayOpen': '显示全部值',
  'cell.refDeleted': '已删除的行',
  'cell.refPick': '改选其他行',
};
