/** `--delimiter` of `export` and `import`, as people type it: `,` `;` or `tab`. */
import { DELIMITERS, type Delimiter } from '../../src/csv/index.ts';
import { CliError, flag, type ParsedArgs } from './args.ts';

/** The delimiter given with --delimiter, or undefined when none was. */
export const delimiterArg = (a: ParsedArgs): Delimiter | undefined => {
  const d = flag(a, 'delimiter');
  if (d === undefined) return undefined;
  const v = d === 'tab' || d === '\\t' ? '\t' : d;
  if (!(DELIMITERS as readonly string[]).includes(v)) throw new CliError(`Unknown delimiter "${d}"; use , or ; or tab.`);
  return v as Delimiter;
};
