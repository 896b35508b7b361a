/** Random model operations over the full operation list, for convergence fuzzing. */
import { NotFoundError, OperationError, ValidationError, type CellValue, type Column, type ColumnType } from '../../src/schema/index.ts';
import { cellConflicts, markConflictSeen, type Workbook } from '../../src/model/index.ts';
import type { Random } from './random.ts';

const TYPES: ColumnType[] = ['text', 'number', 'integer', 'currency', 'percent', 'date', 'boolean', 'choice', 'reference'];
const CHOICES = ['App', 'Web', 'Store'];
const NAMES = ['SKU', 'Cost', 'Price', '库存', 'Lead time', 'Status', '渠道', 'Notes', 'Start', 'End'];

/** A value that fits the column most of the time (and sometimes does not, to exercise refusal). */
export const randomValue = (rnd: Random, col: Column): CellValue => {
  if (rnd.chance(0.08)) return null;
  if (rnd.chance(0.03)) return { f: `=${rnd.int(100)}+1` };
  switch (col.type) {
    case 'text':
    case 'reference':
      return rnd.pick(['A-1', 'b', '满减', 'x,y', '"q"', `t${rnd.int(1000)}`]);
    case 'number':
    case 'currency':
    case 'percent':
      return Math.round(rnd.next() * 100000) / 100;
    case 'integer':
      return rnd.int(1000) - 100;
    case 'date':
      return `2026-${String(1 + rnd.int(12)).padStart(2, '0')}-${String(1 + rnd.int(28)).padStart(2, '0')}`;
    case 'boolean':
      return rnd.chance(0.5);
    case 'choice':
      return rnd.pick(CHOICES);
  }
};

/** Operations of the model before charts existed: seeds found before then replay on this list. */
export const BASE_OPS = [
  'setCell', 'setCells', 'setBlock', 'insertRows', 'appendRows', 'deleteRows', 'moveRows', 'duplicateRows',
  'addColumn', 'renameColumn', 'retypeColumn', 'deleteColumn', 'moveColumn', 'setColumnFormula', 'setColumnOptions',
  'addSheet', 'renameSheet', 'deleteSheet', 'moveSheet', 'setSettings', 'setRule', 'deleteRule', 'undo', 'redo',
] as const;

/** Names of every operation the fuzzer may pick (the model's whole operation list, plus undo and redo). */
export const OPS = [...BASE_OPS, 'setChart', 'deleteChart', 'pinChart', 'unpinChart', 'moveTile', 'resizeTile', 'markConflictSeen'] as const;
export type OpName = (typeof OPS)[number];

const WEIGHTS: Record<OpName, number> = {
  setCell: 30, setCells: 6, setBlock: 4, insertRows: 8, appendRows: 3, deleteRows: 5, moveRows: 6, duplicateRows: 3,
  addColumn: 3, renameColumn: 2, retypeColumn: 2, deleteColumn: 1, moveColumn: 2, setColumnFormula: 2, setColumnOptions: 1,
  addSheet: 1.5, renameSheet: 1, deleteSheet: 0.4, moveSheet: 1, setSettings: 1, setRule: 1, deleteRule: 0.5, undo: 4, redo: 2,
  setChart: 1.5, deleteChart: 0.5, pinChart: 1, unpinChart: 0.4, moveTile: 1, resizeTile: 0.6, markConflictSeen: 1.5,
};

const pickOp = (rnd: Random, ops: readonly OpName[]): OpName => {
  let x = rnd.next() * ops.reduce((a, op) => a + WEIGHTS[op], 0);
  for (const op of ops) {
    x -= WEIGHTS[op];
    if (x < 0) return op;
  }
  return 'setCell';
};

/** Runs one random operation (of `ops`) on `wb`; returns its name. Refusals of bad input are expected and swallowed. */
export const randomOp = (rnd: Random, wb: Workbook, ops: readonly OpName[] = OPS): OpName => {
  const op = pickOp(rnd, ops);
  const sheets = wb.sheets();
  const sheet = sheets.length ? rnd.pick(sheets).id : undefined;
  const cols = sheet ? wb.columns(sheet) : [];
  const rows = sheet ? wb.rowIds(sheet) : [];
  const col = cols.length ? rnd.pick(cols) : undefined;
  const row = rows.length ? rnd.pick(rows) : undefined;
  const someRows = () => rows.filter(() => rnd.chance(Math.min(1, 3 / Math.max(1, rows.length))));
  try {
    switch (op) {
      case 'setCell':
        if (sheet && row && col) wb.setCell(sheet, row, col.id, randomValue(rnd, col));
        break;
      case 'setCells':
        if (sheet && row && cols.length) wb.setCells(sheet, someRows().map((r) => { const c = rnd.pick(cols); return { rowId: r, colId: c.id, value: randomValue(rnd, c) }; }));
        break;
      case 'setBlock':
        if (sheet && cols.length) {
          const left = rnd.int(cols.length);
          const w = 1 + rnd.int(cols.length - left);
          const h = 1 + rnd.int(3);
          const block = Array.from({ length: h }, () => Array.from({ length: w }, (_x, j) => (rnd.chance(0.2) ? undefined : randomValue(rnd, cols[left + j] as Column))));
          wb.setBlock(sheet, rnd.int(rows.length + 1), left, block);
        }
        break;
      case 'insertRows':
        if (sheet) wb.insertRows(sheet, { index: rnd.int(rows.length + 1), count: 1 + rnd.int(3) });
        break;
      case 'appendRows':
        if (sheet && cols.length) wb.appendRows(sheet, cols.map((c) => c.id), Array.from({ length: 1 + rnd.int(5) }, () => cols.map((c) => randomValue(rnd, c))));
        break;
      case 'deleteRows':
        if (sheet) wb.deleteRows(sheet, someRows());
        break;
      case 'moveRows': {
        if (!sheet || !row) break;
        const moving = someRows();
        const rest = rows.filter((r) => !moving.includes(r));
        wb.moveRows(sheet, moving, rest.length && rnd.chance(0.8) ? rnd.pick(rest) : null);
        break;
      }
      case 'duplicateRows':
        if (sheet) wb.duplicateRows(sheet, someRows());
        break;
      case 'addColumn':
        if (sheet) {
          const type = rnd.pick(TYPES);
          wb.addColumn(sheet, { name: `${rnd.pick(NAMES)} ${rnd.int(50)}`, type, options: type === 'choice' ? { choices: CHOICES } : {} }, rnd.int(cols.length + 1));
        }
        break;
      case 'renameColumn':
        if (sheet && col) wb.renameColumn(sheet, col.id, `${rnd.pick(NAMES)} ${rnd.int(50)}`);
        break;
      case 'retypeColumn':
        if (sheet && col) {
          const type = rnd.pick(TYPES);
          wb.retypeColumn(sheet, col.id, type, type === 'choice' ? { choices: CHOICES } : {}, { dropInvalid: rnd.chance(0.7) });
        }
        break;
      case 'deleteColumn':
        if (sheet && col) wb.deleteColumn(sheet, col.id);
        break;
      case 'moveColumn':
        if (sheet && col) wb.moveColumn(sheet, col.id, rnd.int(cols.length));
        break;
      case 'setColumnFormula':
        if (sheet && col) wb.setColumnFormula(sheet, col.id, rnd.chance(0.3) ? undefined : `=${rnd.int(9)}*2`);
        break;
      case 'setColumnOptions':
        if (sheet && col) wb.setColumnOptions(sheet, col.id, { ...col.options, width: 60 + rnd.int(200) });
        break;
      case 'addSheet':
        wb.addSheet({ name: `Sheet ${rnd.int(1000)}`, index: rnd.int(sheets.length + 1), columns: [{ name: 'SKU', type: 'text' }, { name: 'Cost', type: 'currency' }] });
        break;
      case 'renameSheet':
        if (sheet) wb.renameSheet(sheet, `${rnd.pick(['Products', '库存', 'Campaigns'])} ${rnd.int(100)}`);
        break;
      case 'deleteSheet':
        if (sheet && sheets.length > 1) wb.deleteSheet(sheet);
        break;
      case 'moveSheet':
        if (sheet) wb.moveSheet(sheet, rnd.int(sheets.length));
        break;
      case 'setSettings':
        wb.setSettings(rnd.pick([{ name: `Plan ${rnd.int(9)}` }, { currency: rnd.pick(['CNY', 'USD', 'EUR'] as const) }, { locale: rnd.pick(['en', 'zh-CN'] as const) }]));
        break;
      case 'setRule': {
        const existing = sheet ? wb.rules(sheet) : [];
        const id = existing.length && rnd.chance(0.5) ? rnd.pick(existing).id : undefined;
        if (sheet) wb.setRule(sheet, { ...(id ? { id } : {}), name: `Rule ${rnd.int(9)}`, when: `=${rnd.int(9)}>3`, level: rnd.pick(['error', 'warning'] as const), message: 'check', columns: col ? [col.id] : [] });
        break;
      }
      case 'deleteRule': {
        const existing = sheet ? wb.rules(sheet) : [];
        if (sheet && existing.length) wb.deleteRule(sheet, rnd.pick(existing).id);
        break;
      }
      case 'setChart': {
        const existing = sheet ? wb.charts(sheet) : [];
        const id = existing.length && rnd.chance(0.4) ? rnd.pick(existing).id : undefined;
        // Any column may be picked: a text series is refused (ChartError), as in the app.
        if (sheet && col) wb.setChart(sheet, { ...(id ? { id } : {}), title: `Chart ${rnd.int(9)}`, kind: rnd.pick(['bar', 'line', 'combo'] as const), x: rnd.pick(cols).id, series: [{ column: col.id, aggregate: rnd.pick(['sum', 'count', 'average'] as const) }] });
        break;
      }
      case 'deleteChart': {
        const existing = sheet ? wb.charts(sheet) : [];
        if (sheet && existing.length) wb.deleteChart(sheet, rnd.pick(existing).id);
        break;
      }
      case 'pinChart': {
        const existing = sheet ? wb.charts(sheet) : [];
        if (sheet && existing.length) wb.pinChart(sheet, rnd.pick(existing).id, { w: 1 + rnd.int(4), h: 1 + rnd.int(2), index: rnd.int(wb.dashboard().length + 1) });
        break;
      }
      case 'unpinChart': {
        const tiles = wb.dashboard();
        if (tiles.length) wb.unpinChart(rnd.pick(tiles).chartId);
        break;
      }
      case 'moveTile': {
        const tiles = wb.dashboard();
        if (tiles.length) wb.moveTile(rnd.pick(tiles).chartId, rnd.int(tiles.length));
        break;
      }
      case 'resizeTile': {
        const tiles = wb.dashboard();
        if (tiles.length) wb.resizeTile(rnd.pick(tiles).chartId, 1 + rnd.int(4), 1 + rnd.int(2));
        break;
      }
      case 'markConflictSeen': {
        const found = sheet ? cellConflicts(wb, sheet) : [];
        if (sheet && found.length) {
          const c = rnd.pick(found);
          markConflictSeen(wb, sheet, c.rowId, c.colId);
        }
        break;
      }
      case 'undo':
        wb.undo();
        break;
      case 'redo':
        wb.redo();
        break;
    }
  } catch (err) {
    if (!(err instanceof OperationError || err instanceof ValidationError || err instanceof NotFoundError)) throw err;
  }
  return op;
};
