/** "Did you mean …" for unknown names: the closest candidate by edit distance, if close enough. */

const distance = (a: string, b: string): number => {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let prev2 = prev;
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      // A swap of two neighbours counts as one edit ("Prcie" → "Price").
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n] ?? 0;
};

/** The candidate closest to `name` (case-insensitive), or undefined when none is close. */
export const didYouMean = (name: string, candidates: Iterable<string>): string | undefined => {
  const n = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const l = c.toLowerCase();
    const d = l.startsWith(n) || n.startsWith(l) ? Math.abs(l.length - n.length) * 0.5 : distance(n, l);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.floor(n.length / 3));
  return best !== undefined && bestD <= limit ? best : undefined;
};
