/** Writing one CSV field: quoted only when it has to be (RFC 4180), with quotes doubled. */

/** The delimiters an export may use. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * An encoder of fields for `delimiter`. A field is quoted when it holds the delimiter, a quote or a
 * line break, or starts or ends with a space (some readers trim unquoted spaces).
 */
export const csvFieldEncoder = (delimiter: Delimiter): ((text: string) => string) => {
  const special = delimiter === '\t' ? /["\r\n\t]/ : delimiter === ';' ? /["\r\n;]/ : /["\r\n,]/;
  return (text) => {
    if (text === '') return text;
    if (!special.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32) return text;
    return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
  };
};
