/**
 * How find compares a query with a cell's text: anywhere in it or the whole of it, with or without
 * case, and how it replaces what it matched. One regular expression built per query (its special
 * characters escaped: `$1.50` and `(x)` are looked for as typed), so finding and replacing always
 * agree on what matched.
 *
 * @example
 *   const m = textMatcher({ text: 'mug', matchCase: false, wholeCell: false });
 *   m?.test('Blue Mug');             // true
 *   m?.replace('Blue Mug', 'Cup');   // 'Blue Cup'
 */

/** What a person asked to find: the text (trimmed) and the two options of the find bar. */
export interface MatchOptions {
  text: string;
  /** Upper and lower case must be as typed ("Mug" does not find "mug"). */
  matchCase: boolean;
  /** The cell's whole text must be the query ("Mug" does not find "Blue Mug"). */
  wholeCell: boolean;
}

/** Tests and replaces one query in texts. */
export interface TextMatcher {
  /** True when `text` holds the query (or is it, for a whole-cell query). */
  test(text: string): boolean;
  /** `text` with every match replaced by `by` (taken literally: `$&` is two characters, not a pattern). */
  replace(text: string, by: string): string;
}

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** Characters no query may hold: find-index.ts separates cells and texts with them. */
const CONTROL = /[\u0000\u0001]/;

/** The query as a pattern, and its flags (`u`: a character outside the BMP is one character; `i`: case folded as Unicode does). */
const patternOf = (opts: MatchOptions): { body: string; flags: string } | null => {
  const text = opts.text.trim();
  if (text === '' || CONTROL.test(text)) return null;
  return { body: text.replace(SPECIAL, '\\$&'), flags: opts.matchCase ? 'u' : 'iu' };
};

/**
 * A global expression that finds the query in a column's texts joined by find-index.ts (each
 * text between separators), or null when there is nothing to look for. It matches where
 * `textMatcher` matches one of those texts (a whole-cell match starts at the separator before it).
 */
export const joinedPattern = (opts: MatchOptions): RegExp | null => {
  const p = patternOf(opts);
  if (!p) return null;
  // A whole cell: from the separator before it (so the match starts in its row) to the one after.
  return new RegExp(opts.wholeCell ? `[\u0000\u0001](?:${p.body})(?=[\u0000\u0001])` : p.body, `g${p.flags}`);
};

/** A matcher for `opts`, or null when there is nothing to look for (blank text). */
export const textMatcher = (opts: MatchOptions): TextMatcher | null => {
  const p = patternOf(opts);
  if (!p) return null;
  const { body, flags } = p;
  const source = opts.wholeCell ? `^(?:${body})$` : body;
  const once = new RegExp(source, flags);
  const every = new RegExp(source, `g${flags}`);
  return {
    test: (s) => once.test(s),
    replace: (s, by) => s.replace(every, () => by),
  };
};
