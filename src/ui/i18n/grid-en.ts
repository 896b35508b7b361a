/**
 * English texts of the grid's menus (cut, copy, paste, clear; hiding, showing and wrapping
 * columns). They load with the menus, not with the first paint; every other language must have
 * exactly these keys (the type checker enforces it).
 */
import type { Shape } from './translator.ts';

/** The English dictionary of the grid's menus; its shape is the `GridDict` type every language implements. */
export const gridEn = {
  'grid.cut': 'Cut',
  'grid.copy': 'Copy',
  'grid.paste': 'Paste',
  'grid.clear': 'Clear',
  'grid.clipboardBlocked': 'This browser did not let the page use the clipboard: press Ctrl+C, Ctrl+X or Ctrl+V (⌘ on a Mac) instead.',
  'grid.hide': 'Hide column',
  'grid.hidden': (name: string) => `Column “${name}” is hidden for everyone; formulas still use it. Any column’s menu shows it again.`,
  'grid.hideLast': 'The last column shown cannot be hidden.',
  'grid.show': (name: string) => `Show “${name}”`,
  'grid.showAll': (n: number) => `Show all ${n.toLocaleString('en')} hidden columns`,
  'grid.wrap': 'Wrap text',
  'grid.unwrap': 'Do not wrap text',
};

/** A grid dictionary: the same keys as English, each a string or a function of the same arguments. */
export type GridDict = Shape<typeof gridEn>;
