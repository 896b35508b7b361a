/**
 * CSV injection safety. A text that starts with = + - @ tab CR or LF would be read as a formula by
 * Excel or LibreOffice, so it is written with a leading `'`. A text that already starts with `'`s
 * followed by one of those gets one more `'`, so that the import can take exactly one away and
 * every text reads back as it was.
 */

const isTrigger = (code: number): boolean =>
  code === 61 /* = */ || code === 43 /* + */ || code === 45 /* - */ || code === 64 /* @ */ ||
  code === 9 /* tab */ || code === 13 /* CR */ || code === 10; /* LF */

/** True when `text` needs the safety prefix (after any leading apostrophes). */
const needsPrefix = (text: string): boolean => {
  let i = 0;
  while (text.charCodeAt(i) === 39 /* ' */) i++;
  return i < text.length && isTrigger(text.charCodeAt(i));
};

/** The text as it may be written to a CSV file: prefixed with `'` when a spreadsheet would run it. */
export const protectText = (text: string): string => {
  const c = text.charCodeAt(0);
  if (c !== 39 && !isTrigger(c)) return text;
  return needsPrefix(text) ? `'${text}` : text;
};

/** Undoes `protectText`: the text as it was before export. */
export const unprotectText = (text: string): string =>
  text.charCodeAt(0) === 39 && needsPrefix(text) ? text.slice(1) : text;

/** True when a field carries the safety prefix (so it was a text when exported). */
export const isProtectedText = (text: string): boolean => text.charCodeAt(0) === 39 && needsPrefix(text);
