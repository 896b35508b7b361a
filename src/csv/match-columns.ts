/** Matching CSV headers to a sheet's columns by name, in English or Chinese, case-insensitively. */
import type { Column } from '../schema/types.ts';

/** The form names are compared in: NFKC (full-width → half-width), trimmed, lower case, single spaces. */
export const normalName = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * For each header, the id of the column whose name or label (any language) it equals, or null.
 * Each column is matched at most once (the first header wins). Formula columns are never targets:
 * their values are computed.
 */
export const matchColumns = (headers: readonly string[], columns: readonly Column[]): (string | null)[] => {
  const byName = new Map<string, string>();
  const inputs = columns.filter((c) => c.formula === undefined);
  // Names first, then labels, so that a column's own name wins over another column's label.
  for (const c of inputs) if (!byName.has(normalName(c.name))) byName.set(normalName(c.name), c.id);
  for (const c of inputs) {
    for (const label of Object.values(c.labels ?? {})) {
      if (label && !byName.has(normalName(label))) byName.set(normalName(label), c.id);
    }
  }
  const used = new Set<string>();
  return headers.map((h) => {
    const id = byName.get(normalName(h));
    if (id === undefined || used.has(id)) return null;
    used.add(id);
    return id;
  });
};
