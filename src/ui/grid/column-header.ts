/**
 * The column header: type badge, name, sort and filter marks, and a menu button. A vanilla AG
 * Grid header component (AG Grid builds headers itself); every text goes in through textContent
 * or a title attribute, never as HTML.
 */
import type { IHeaderComp, IHeaderParams } from 'ag-grid-community';
import type { Column, CurrencyCode } from '../../schema/types.ts';
import { CURRENCY_SYMBOLS } from '../../schema/number-format.ts';
import type { RowRef } from './grid-controller.ts';

/** What the header needs besides AG Grid's params. */
export interface ColumnHeaderParams {
  /** The column's current model record (read at render time, so renames show at once). */
  model: () => Column | undefined;
  label: (c: Column) => string;
  typeLabel: (c: Column) => string;
  currency: () => CurrencyCode;
  filtered: () => boolean;
  /** A click on the header: sort by this column (Shift adds it to the sort). */
  onSort: (multi: boolean) => void;
  /** This person's sort on the column. */
  sortDir: () => 'asc' | 'desc' | undefined;
  menuLabel: (name: string) => string;
  formulaTitle: (c: Column) => string;
  onMenu: (colId: string, anchor: HTMLElement) => void;
}

const BADGES: Record<Column['type'], string> = {
  text: 'Aa',
  number: '1.2',
  integer: '123',
  currency: '¥',
  percent: '%',
  date: '31',
  boolean: '✓',
  choice: '▾',
  reference: '↗',
};

const span = (cls: string): HTMLSpanElement => {
  const s = document.createElement('span');
  s.className = cls;
  return s;
};

/** A small funnel drawn as SVG (the Unicode one is missing from common fonts), built as nodes, not markup. */
const funnel = (): SVGSVGElement => {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 10 10');
  svg.setAttribute('width', '10');
  svg.setAttribute('height', '10');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M0.5 1h9L6 5.2V9L4 8V5.2z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
};

/** AG Grid header component of a data column. */
export class ColumnHeader implements IHeaderComp {
  private gui = document.createElement('div');
  private badge = span('wb-hdr-badge');
  private name = span('wb-hdr-name');
  private sort = span('wb-hdr-sort');
  private filter = span('wb-hdr-filter');
  private menu = document.createElement('button');
  private params: (IHeaderParams<RowRef> & ColumnHeaderParams) | undefined;

  init(params: IHeaderParams<RowRef> & ColumnHeaderParams): void {
    this.params = params;
    this.gui.className = 'wb-hdr';
    this.menu.type = 'button';
    this.menu.className = 'wb-hdr-menu';
    this.menu.textContent = '⋮';
    this.filter.append(funnel());
    this.gui.append(this.badge, this.name, this.sort, this.filter, this.menu);
    this.gui.addEventListener('click', (e) => {
      if (e.target !== this.menu) this.params?.onSort(e.shiftKey);
    });
    this.menu.addEventListener('click', (e) => {
      e.stopPropagation();
      const p = this.params;
      p?.onMenu(p.column.getColId(), this.menu);
    });
    // AG Grid would start a column drag from the button; a menu click must not move the column.
    this.menu.addEventListener('mousedown', (e) => e.stopPropagation());
    this.render();
  }

  private render(): void {
    const p = this.params;
    const m = p?.model();
    if (!p || !m) return;
    const label = p.label(m);
    this.name.textContent = label;
    this.badge.textContent =
      m.formula !== undefined ? 'ƒ' : m.type === 'currency' ? CURRENCY_SYMBOLS[m.options.currency ?? p.currency()] : BADGES[m.type];
    this.badge.classList.toggle('wb-hdr-badge-formula', m.formula !== undefined);
    const typeText = p.typeLabel(m);
    this.gui.title = m.formula !== undefined ? `${label} · ${typeText}\n${p.formulaTitle(m)}` : `${label} · ${typeText}`;
    const dir = p.sortDir();
    this.sort.textContent = dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '';
    this.filter.hidden = !p.filtered();
    this.menu.setAttribute('aria-label', p.menuLabel(label));
    this.menu.title = p.menuLabel(label);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: IHeaderParams<RowRef> & ColumnHeaderParams): boolean {
    this.params = params;
    this.render();
    return true;
  }

  destroy(): void {
    this.params = undefined;
  }
}
