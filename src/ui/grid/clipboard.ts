/**
 * Copy, cut and paste through the browser's own clipboard events, so Ctrl/Cmd+C/X/V, the Edit
 * menu and the context menu all work without asking for clipboard permission. Copy puts the
 * selected range as TSV (computed values as plain text); paste is loaded on first use.
 */
import { cellShownType } from '../../app/calc-service.ts';
import { plainText } from '../../schema/format-value.ts';
import { clearSelection } from './grid-commands.ts';
import type { GridController } from './grid-controller.ts';
import { toTsv } from '../../csv/tsv.ts';

/** The selected range as rows of plain text. */
export const selectionText = (ctl: GridController): string[][] => {
  const r = ctl.selectedRect();
  if (!r) return [];
  const cols = ctl.displayedColumns().slice(r.left, r.right + 1);
  return ctl.selectedRowIds().map((rowId) =>
    cols.map((c) => plainText(ctl.app.calc.value(ctl.sheetId, rowId, c.id), cellShownType(ctl.app.calc, ctl.sheetId, rowId, c))),
  );
};

/** True when a clipboard event is meant for the grid: focus is on a cell, not in an input. */
const forGrid = (ctl: GridController, root: HTMLElement): boolean => {
  const active = document.activeElement;
  return !ctl.editing() && active instanceof HTMLElement && root.contains(active) && active.closest('.ag-cell') !== null;
};

/** Listens to copy, cut and paste on the document while the grid is mounted; returns the unsubscribe function. */
export const listenClipboard = (ctl: GridController, root: HTMLElement): (() => void) => {
  const onCopy = (e: ClipboardEvent, cut: boolean) => {
    if (!forGrid(ctl, root) || !e.clipboardData) return;
    const rows = selectionText(ctl);
    if (rows.length === 0) return;
    e.clipboardData.setData('text/plain', toTsv(rows));
    e.preventDefault();
    if (cut) clearSelection(ctl);
  };
  const copy = (e: ClipboardEvent) => onCopy(e, false);
  const cut = (e: ClipboardEvent) => onCopy(e, true);
  const paste = (e: ClipboardEvent) => {
    if (ctl.readOnly) return;
    if (!forGrid(ctl, root) && !(ctl.displayedRowCount() === 0 && root.contains(document.activeElement))) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    e.preventDefault();
    void import('./paste.ts').then((m) => m.pasteText(ctl, text));
  };
  document.addEventListener('copy', copy);
  document.addEventListener('cut', cut);
  document.addEventListener('paste', paste);
  return () => {
    document.removeEventListener('copy', copy);
    document.removeEventListener('cut', cut);
    document.removeEventListener('paste', paste);
  };
};
