/**
 * Cell renderers for the types that are more than text: a checkbox, a choice pill, a reference
 * with the referenced row's name. Each builds DOM nodes and sets only textContent: whatever a
 * person typed is never parsed as HTML (a renderer returning a string would be, so none does).
 */
import type { ICellRendererParams } from 'ag-grid-community';
import { isErrorValue } from '../../schema/computed-value.ts';
import type { Column } from '../../schema/types.ts';
import type { ReferenceIndex } from '../../app/reference-index.ts';
import type { RowRef } from './grid-controller.ts';

type Params = ICellRendererParams<RowRef>;

const el = (tag: string, cls: string, text?: string): HTMLElement => {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Plain text of the formatted value (errors and values of another type after a retype). */
const textCell = (p: Params): HTMLElement => el('span', 'wb-cell-text', p.valueFormatted ?? String(p.value ?? ''));

/** A checkbox drawn in CSS; clicking it toggles the value (handled by the grid's click listener). */
export const booleanRenderer = (p: Params): HTMLElement => {
  if (p.value !== null && p.value !== undefined && typeof p.value !== 'boolean') return textCell(p);
  const box = el('span', 'wb-check');
  box.setAttribute('role', 'checkbox');
  box.setAttribute('aria-checked', p.value === true ? 'true' : 'false');
  return box;
};

/** A coloured pill per choice (the colour follows the choice's position in the column's list). */
export const choiceRenderer =
  (column: Column) =>
  (p: Params): HTMLElement => {
    if (typeof p.value !== 'string' || p.value === '') return textCell(p);
    const i = column.options.choices?.indexOf(p.value) ?? -1;
    return el('span', `wb-pill wb-pill-${i < 0 ? 'x' : i % 8}`, p.value);
  };

/**
 * The key, then the referenced row's name in grey. A key no row has any more (its row was deleted)
 * says so in grey, as a button that opens the picker on the cell (`pick`, its title; a plain
 * label when the cell cannot be changed).
 */
export const referenceRenderer =
  (column: Column, refs: ReferenceIndex, deleted: string, pick?: string) =>
  (p: Params): HTMLElement => {
    if (typeof p.value !== 'string' || p.value === '' || isErrorValue(p.value)) return textCell(p);
    const sheet = column.options.refSheet;
    const wrap = el('span', 'wb-ref');
    wrap.append(el('span', 'wb-ref-key', p.value));
    if (sheet) {
      const target = refs.lookup(sheet, p.value);
      if (target) {
        if (target.name) wrap.append(el('span', 'wb-ref-name', target.name));
      } else {
        wrap.classList.add('wb-ref-missing');
        const b = el(pick ? 'button' : 'span', pick ? 'wb-ref-name wb-ref-pick' : 'wb-ref-name', deleted);
        if (pick) b.title = pick;
        wrap.append(b);
      }
    }
    return wrap;
  };

/** A cell whose formula gives an array: its count and first values, and a button that opens the whole array. */
export const arrayRenderer =
  (label: string) =>
  (p: Params): HTMLElement => {
    const wrap = el('span', 'wb-array-cell');
    const open = el('button', 'wb-array-open', '⤢');
    open.setAttribute('aria-label', (open.title = label));
    wrap.append(textCell(p), open);
    return wrap;
  };

/** The row number with a drag handle before it (shown on hover; see row-drag.ts). */
export const rowNumberRenderer =
  (hint: string) =>
  (p: Params): HTMLElement => {
    const wrap = el('span', 'wb-rownum-in');
    const handle = el('span', 'wb-drag', '⠿');
    handle.title = hint;
    wrap.append(handle, el('span', 'wb-rownum-n', String(p.value ?? '')));
    return wrap;
  };
