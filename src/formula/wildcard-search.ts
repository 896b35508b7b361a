/**
 * SEARCH's wildcards without a regular expression (a pattern such as "*a*a*a*b" would backtrack for
 * ever on a long text): `*` any run, `?` one character, `~` before `*`, `?` or `~` that character
 * itself, and any other `~` (a trailing one, say) a `~`. Case is ignored. Linear in the text for
 * each piece of the pattern.
 */

/** One piece between stars: characters, `null` standing for `?`. */
type Piece = (string | null)[];

const pieces = (pattern: string): Piece[] => {
  const out: Piece[] = [[]];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    const next = pattern[i + 1] ?? '';
    const last = out[out.length - 1] ?? [];
    if (c === '~' && (next === '*' || next === '?' || next === '~')) {
      last.push(next.toLowerCase());
      i++;
    } else if (c === '*') out.push([]);
    else last.push(c === '?' ? null : c.toLowerCase());
  }
  return out;
};

const matchesAt = (text: string, at: number, piece: Piece): boolean => {
  if (at + piece.length > text.length) return false;
  for (let k = 0; k < piece.length; k++) {
    const p = piece[k];
    if (p !== null && p !== text[at + k]) return false;
  }
  return true;
};

const find = (text: string, piece: Piece, from: number): number => {
  for (let i = from; i + piece.length <= text.length; i++) if (matchesAt(text, i, piece)) return i;
  return -1;
};

/**
 * The first position (0-based, from `from`) where `pattern` matches the start of the rest of
 * `text`, or −1. Once the first piece is placed, the others are taken leftmost: if that fails,
 * a later start cannot succeed either.
 */
export const wildcardSearch = (pattern: string, text: string, from = 0): number => {
  const lower = text.toLowerCase();
  const [first = [], ...rest] = pieces(pattern);
  const start = find(lower, first, from);
  if (start < 0) return -1;
  let at = start + first.length;
  for (const p of rest) {
    const i = find(lower, p, at);
    if (i < 0) return -1;
    at = i + p.length;
  }
  return start;
};
