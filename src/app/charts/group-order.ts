/** The order of a chart's x groups along its axis. Pure. */
import type { Column } from '../../schema/types.ts';

/** A group: the x value its rows share (null: rows with an empty x cell). */
export type GroupKey = string | number | boolean | null;

/** How the x axis reads its values: categories, dates or numbers. */
export type XKind = 'category' | 'date' | 'number';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Indexes of `keys` in axis order: numbers and dates ascending; a choice column in the order of its
 * choices; checkboxes unchecked first; other text as it first appears in the sheet. The empty
 * group goes last.
 */
export const orderGroups = (keys: readonly GroupKey[], xKind: XKind, xCol: Pick<Column, 'type' | 'options'>): number[] => {
  const idx = keys.map((_k, i) => i);
  const blankLast = (a: number, b: number): number | undefined => {
    const ka = keys[a] ?? null;
    const kb = keys[b] ?? null;
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
    return undefined;
  };
  if (xKind === 'number' || xKind === 'date') {
    return idx.sort((a, b) => {
      const blank = blankLast(a, b);
      if (blank !== undefined) return blank;
      const ka = keys[a];
      const kb = keys[b];
      if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
      return collator.compare(String(ka), String(kb));
    });
  }
  const choices = xCol.type === 'choice' ? (xCol.options.choices ?? []) : [];
  const rank = (k: GroupKey): number => {
    if (typeof k === 'boolean') return k ? 1 : 0;
    const at = typeof k === 'string' ? choices.indexOf(k) : -1;
    return at >= 0 ? at : choices.length;
  };
  // Array.prototype.sort is stable: groups of equal rank keep their order of first appearance.
  return idx.sort((a, b) => blankLast(a, b) ?? rank(keys[a] ?? null) - rank(keys[b] ?? null));
};
