/**
 * How many lines a text takes when it wraps in a cell of a given width: words are laid out one
 * after another and a line breaks before the word that would not fit; a word wider than the whole
 * line breaks inside itself (as CSS `overflow-wrap: anywhere` does); line breaks in the text count.
 * The measuring is given (a canvas in the browser), so this stays pure.
 *
 * @example
 *   wrappedLineCount('Ceramic mug, 350 ml, matte', 120, (s) => ctx.measureText(s).width); // 2
 */

/** Lines `text` takes in `width` pixels, measured by `measure`; at least 1, at most `maxLines`. */
export const wrappedLineCount = (text: string, width: number, measure: (s: string) => number, maxLines = 50): number => {
  if (width <= 0) return 1;
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += paragraphLines(paragraph, width, measure);
    if (lines >= maxLines) return maxLines;
  }
  return Math.max(1, lines);
};

const paragraphLines = (paragraph: string, width: number, measure: (s: string) => number): number => {
  const words = paragraph.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return 1;
  const space = measure(' ');
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = measure(word);
    if (used > 0 && used + space + w <= width) {
      used += space + w;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than a line fills whole lines and leaves the rest on the next one.
    const full = Math.floor(w / width);
    const rest = w - full * width;
    lines += rest > 0 ? full : Math.max(0, full - 1);
    used = rest > 0 ? rest : width;
  }
  return lines;
};
