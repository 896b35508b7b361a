/**
 * Stored form ↔ display form. Stored formulas name columns and sheets by id (`[#colId]`,
 * `#sheetId[#colId]`, `[#refCol].[#colId]`), so renames never touch them; display form uses the
 * names in the workbook's language (`[Price]`, `Products[Cost]`, `'Sheet 2'[Col]`, `[Product].[Cost]`).
 * A deleted column or sheet shows as #REF!.
 */
import { FormulaSyntaxError, type Node } from './ast.ts';
import type { Catalog } from './catalog.ts';
import type { Resolved } from './checker.ts';
import { parseFormula } from './parser.ts';

const BARE_SHEET = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/** A column name in brackets (a "]" inside is doubled). */
export const bracketName = (name: string): string => `[${name.replace(/]/g, ']]')}]`;

/** A sheet name as written before [Column]: bare when it can be, else in single quotes. */
export const sheetName = (name: string): string =>
  BARE_SHEET.test(name) && !/^(true|false)$/i.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

const refNodes = (node: Node, out: Node[] = []): Node[] => {
  switch (node.kind) {
    case 'ref':
    case 'name':
      out.push(node);
      break;
    case 'unary':
    case 'percent':
      refNodes(node.arg, out);
      break;
    case 'binary':
      refNodes(node.left, out);
      refNodes(node.right, out);
      break;
    case 'call':
      for (const a of node.args) refNodes(a, out);
      break;
    default:
      break;
  }
  return out;
};

/** Replaces the text of each span by its new text (spans do not overlap). */
const splice = (text: string, edits: { from: number; to: number; text: string }[]): string => {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
};

/** The stored form of a checked display-form formula (the user's spacing is kept). */
export const storedText = (text: string, ast: Node, refs: ReadonlyMap<Node, Resolved>): string => {
  const edits: { from: number; to: number; text: string }[] = [];
  for (const n of refNodes(ast)) {
    const r = refs.get(n);
    // A LET name is written as it is.
    if (!r || r.kind === 'local') continue;
    const t =
      r.kind === 'cell'
        ? `[#${r.colId}]`
        : r.kind === 'column'
          ? `#${r.sheetId}[#${r.colId}]`
          : r.kind === 'follow'
            ? `[#${r.refColId}].[#${r.colId}]`
            : r.kind === 'table'
              ? `#${r.sheetId}`
              : '#REF!';
    edits.push({ from: n.from, to: n.to, text: t });
  }
  const body = splice(text, edits);
  return body.startsWith('=') ? body : `=${body}`;
};

/**
 * The display form of a stored formula in the workbook's language; missing columns and sheets read
 * #REF!. One that cannot be read (too long or deep, written by another client) reads as stored.
 */
export const displayText = (stored: string, catalog: Catalog, sheetId: string | undefined): string => {
  let ast: Node;
  try {
    ast = parseFormula(stored, 'stored');
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return stored;
    throw e;
  }
  const edits: { from: number; to: number; text: string }[] = [];
  const colName = (sid: string | undefined, cid: string | undefined): string | undefined => {
    const col = sid === undefined || cid === undefined ? undefined : catalog.column(sid, cid);
    return col ? bracketName(catalog.displayName(col)) : undefined;
  };
  for (const n of refNodes(ast)) {
    let t: string | undefined;
    // A bare word in a stored formula is a LET name (sheets are stored by id).
    if (n.kind === 'name' && n.ref.id === undefined) continue;
    if (n.kind === 'name') {
      const s = n.ref.id === undefined ? undefined : catalog.sheet(n.ref.id);
      t = s ? sheetName(catalog.displayName(s)) : undefined;
    } else if (n.kind === 'ref') {
      if (n.sheet) {
        const s = n.sheet.id === undefined ? undefined : catalog.sheet(n.sheet.id);
        const c = colName(s?.id, n.column.id);
        t = s && c ? sheetName(catalog.displayName(s)) + c : undefined;
      } else if (n.follow) {
        const ref = colName(sheetId, n.column.id);
        const refCol = sheetId === undefined || n.column.id === undefined ? undefined : catalog.column(sheetId, n.column.id);
        const target = refCol?.options.refSheet;
        const c = colName(target, n.follow.id);
        t = ref && c ? `${ref}.${c}` : undefined;
      } else {
        t = colName(sheetId, n.column.id);
      }
    }
    edits.push({ from: n.from, to: n.to, text: t ?? '#REF!' });
  }
  const body = splice(stored, edits);
  return body.startsWith('=') ? body : `=${body}`;
};
