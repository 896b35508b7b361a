/**
 * The "needs repair" list of a workbook, kept up to date as it changes: what the checkers of
 * src/schema/stored refused or replaced, entry by entry. A sheet's rows and cells are scanned once
 * and then re-checked only where a change touched them, so typing into a 100k-row sheet re-checks
 * one cell, not a million. Loaded with the part of the app that shows the list.
 *
 * @example
 *   const watch = new DamageWatch(wb);
 *   const { entries, total } = watch.report();
 *   watch.dispose();
 */
import type { WorkbookChange } from './changes.ts';
import {
  cellDamage,
  historyDamage,
  overlayDamage,
  rowDamage,
  settingsDamage,
  sheetDamage,
  sheetPartsDamage,
  sheetScan,
  tileDamage,
  type FoundDamage,
} from './damage-scan.ts';
import { cellKey, splitCellKey } from './layout.ts';
import type { DamagedEntry, DamageKind } from '../schema/stored/damaged-entry.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** Most entries a report lists (the rest are counted). */
export const MAX_LISTED = 500;

/** The damaged entries of a workbook: the first MAX_LISTED in reading order, and how many there are. */
export interface DamageReport {
  entries: DamagedEntry[];
  total: number;
}

/** A sheet's cell-level damage: by row id (the row and the values it was added with) and by edited cell key. */
interface SheetCells {
  rows: Map<string, FoundDamage[]>;
  cells: Map<string, FoundDamage>;
}

const KIND_ORDER: Record<DamageKind, number> = { settings: 0, sheet: 1, column: 2, rule: 3, chart: 4, row: 5, cell: 5, tile: 6, history: 7 };

/** Keeps the damage of one workbook and reports it. */
export class DamageWatch {
  /** Sheet id → its cell-level damage; absent: scan it on the next report. */
  private readonly cells = new Map<string, SheetCells>();
  private history: FoundDamage[] | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly wb: WorkbookBase) {
    this.stops.push(wb.onChange((c) => this.changed(c)));
    const dropHistory = () => (this.history = null);
    wb.log.edits.observe(dropHistory);
    wb.log.seen.observe(dropHistory);
    wb.internals.layouts.observe(() => this.cells.clear());
    this.stops.push(() => {
      wb.log.edits.unobserve(dropHistory);
      wb.log.seen.unobserve(dropHistory);
    });
  }

  /** Stops following the workbook. */
  dispose(): void {
    for (const stop of this.stops) stop();
  }

  /** The damaged entries now, in reading order (settings, then sheet by sheet, then the dashboard and history). */
  report(limit = MAX_LISTED): DamageReport {
    const wb = this.wb;
    const found: FoundDamage[] = [...settingsDamage(wb)];
    const shown = new Map(wb.sheets().map((s, i) => [s.id, { name: s.name, index: i }]));
    wb.internals.sheets.forEach((stored, id) => {
      const own = sheetDamage(id, stored);
      if (own) found.push(own);
      if (!shown.has(id)) return;
      const cache = wb.cache(id);
      found.push(...sheetPartsDamage(id, cache));
      const cells = this.sheetCells(id);
      for (const list of cells.rows.values()) found.push(...list);
      found.push(...cells.cells.values());
    });
    found.push(...tileDamage(wb));
    this.history ??= historyDamage(wb);
    found.push(...this.history);
    const rowOf = (e: FoundDamage): number => {
      if (!e.sheetId || (e.kind !== 'row' && e.kind !== 'cell')) return -1;
      const i = wb.rowIndex(e.sheetId, e.kind === 'row' ? e.id : splitCellKey(e.id)[0]);
      return i < 0 ? -1 : i + 1;
    };
    const sheetIndex = (e: FoundDamage): number => (e.sheetId === undefined ? -1 : (shown.get(e.sheetId)?.index ?? Number.MAX_SAFE_INTEGER));
    const keyed = found.map((e) => ({ e, sheet: sheetIndex(e), row: rowOf(e) }));
    keyed.sort((a, b) => groupOf(a.e) - groupOf(b.e) || a.sheet - b.sheet || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind] || a.row - b.row || (a.e.key < b.e.key ? -1 : 1));
    const entries = keyed.slice(0, limit).map(({ e, row }): DamagedEntry => {
      const out: DamagedEntry = { ...e };
      const sheet = e.sheetId === undefined ? undefined : shown.get(e.sheetId)?.name;
      if (sheet !== undefined) out.sheet = sheet;
      if (row > 0) out.row = row;
      return out;
    });
    return { entries, total: found.length };
  }

  private sheetCells(sheetId: string): SheetCells {
    let c = this.cells.get(sheetId);
    if (!c) {
      const scan = sheetScan(sheetId, this.wb.cache(sheetId));
      const rows = new Map<string, FoundDamage[]>();
      for (const rowId of scan.cache.maps.rows.keys()) {
        const list = rowDamage(scan, rowId);
        if (list.length > 0) rows.set(rowId, list);
      }
      c = { rows, cells: new Map(overlayDamage(scan).map((e) => [e.id, e])) };
      this.cells.set(sheetId, c);
    }
    return c;
  }

  /**
   * Re-checks what a change touched; a change of columns (but of how the grid shows them: wrap,
   * width …) or of a sheet itself re-scans that sheet.
   */
  private changed(change: WorkbookChange): void {
    for (const [sheetId, c] of change.sheets) {
      const known = this.cells.get(sheetId);
      if (!known) continue;
      const columns = [...c.columns.values()].some((kinds) => [...kinds].some((k) => k !== 'display'));
      if (c.added || c.removed || c.meta || columns || !this.wb.hasSheet(sheetId)) {
        this.cells.delete(sheetId);
        continue;
      }
      const scan = sheetScan(sheetId, this.wb.cache(sheetId));
      for (const rowId of [...c.rowsAdded, ...c.rowsRemoved, ...c.rowsMoved]) {
        const list = rowDamage(scan, rowId);
        if (list.length > 0) known.rows.set(rowId, list);
        else known.rows.delete(rowId);
      }
      if (c.rowsRemoved.size > 0) for (const key of [...known.cells.keys()]) if (c.rowsRemoved.has(splitCellKey(key)[0])) known.cells.delete(key);
      for (const [rowId, cols] of c.cells) {
        for (const colId of cols) {
          const key = cellKey(rowId, colId);
          const found = scan.cache.maps.cells.has(key) ? cellDamage(scan, key, scan.cache.maps.cells.get(key)) : null;
          if (found) known.cells.set(key, found);
          else known.cells.delete(key);
        }
        // A cleared overlay shows the row's own value again.
        const list = rowDamage(scan, rowId);
        if (list.length > 0) known.rows.set(rowId, list);
        else known.rows.delete(rowId);
      }
    }
  }
}

/** Settings first, then every sheet with its parts, then the dashboard, then the history. */
const groupOf = (e: FoundDamage): number => (e.kind === 'settings' ? 0 : e.kind === 'tile' ? 2 : e.kind === 'history' ? 3 : 1);
