/**
 * Names a client writes about itself (in the cell history, the timeline, "seen" marks, presence)
 * are text anyone with edit rights, or a broken client, may have written: the one rule by which
 * such a name is shown. It drops the characters that would let a name reorder the text around it
 * or pose as another person's name, collapses white space and bounds the length, so that a name
 * stays one short, plain line wherever it is shown (the app, the CLI's terminal output).
 *
 * @example
 *   shownName('Alice\u202Eevil') // 'Aliceevil'
 *   shownName(42) || t('history.someone') // '' becomes the UI's own "Someone" in its language
 */

/**
 * C0 and C1 control characters (line breaks, terminal escapes) and the marks that change the
 * direction of the text around them (bidi marks, overrides, isolates, the Arabic letter mark).
 * The relay refuses names that hold them (server/http/display-name.ts).
 */
export const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Characters that show nothing, so that "Al\u200Bice" looks like "Alice" yet is another name:
 * zero-width space, non-joiner and joiner, the word joiner and invisible operators, the byte order
 * mark, the soft hyphen, the combining grapheme joiner, the Hangul fillers, and unpaired surrogates.
 */
const INVISIBLE = /[\u00ad\u034f\u115f\u1160\u200b-\u200d\u2060-\u2065\u3164\ufeff\uffa0\ud800-\udfff]/u;

/** Most characters (code points) of a shown name; a longer one ends with "…". */
export const SHOWN_NAME_MAX = 64;

/** Only this many code units of a name are ever looked at (a name of 50,000 characters costs no more). */
const SCAN = SHOWN_NAME_MAX * 4;

/**
 * `raw` as a name to show: without control characters, bidi marks or invisible characters, white
 * space runs as one space, trimmed, and at most SHOWN_NAME_MAX characters (then ending in "…");
 * a run of combining marks is cut at 4, so that stacked marks cannot spill over other lines.
 * '' for a non-string or a name with nothing left: callers show their own (translated) "Someone".
 */
export const shownName = (raw: unknown): string => {
  if (typeof raw !== 'string') return '';
  const kept = [...raw.slice(0, SCAN).replace(/\s/gu, ' ')]
    .filter((c) => !CONTROL_OR_BIDI.test(c) && !INVISIBLE.test(c))
    .join('')
    .replace(/(\p{M}{4})\p{M}+/gu, '$1')
    .replace(/ +/g, ' ')
    .trim();
  const chars = [...kept];
  return kept !== '' && (chars.length > SHOWN_NAME_MAX || raw.length > SCAN) ? `${chars.slice(0, SHOWN_NAME_MAX - 1).join('').trimEnd()}…` : kept;
};
