/** 简体中文 texts of the grid's menus (loaded with the menus). */
import type { GridDict } from './grid-en.ts';

/** The Chinese (simplified) dictionary of the grid's menus. */
export const gridZhCN: GridDict = {
  'grid.cut': '剪切',
  'grid.copy': '复制',
  'grid.paste': '粘贴',
  'grid.clear': '清除内容',
  'grid.clipboardBlocked': '浏览器不允许页面使用剪贴板：请改用 Ctrl+C、Ctrl+X 或 Ctrl+V（Mac 上为 ⌘）。',
  'grid.hide': '隐藏列',
  'grid.hidden': (name) => `列“${name}”已对所有人隐藏，公式仍会使用它。任意列的菜单都可以重新显示它。`,
  'grid.hideLast': '不能隐藏最后一个显示的列。',
  'grid.show': (name) => `显示“${name}”`,
  'grid.showAll': (n) => `显示全部 ${n.toLocaleString('zh-CN')} 个隐藏列`,
  'grid.wrap': '自动换行',
  'grid.unwrap': '取消自动换行',
};
