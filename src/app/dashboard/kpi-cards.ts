/**
 * The KPI sheet's metrics as cards: name, value, target and status, read by the KPI template's
 * column names (either language). The status is the sheet's own when it has computed one, else it
 * is worked out from value, target and direction. Pure.
 */
import type { Column, ColumnType } from '../../schema/types.ts';
import { type ComputedValue, isErrorValue } from '../../schema/computed-value.ts';
import { kpis as template } from '../../../sheets/kpis.ts';

/** One card. */
export interface KpiCard {
  rowId: string;
  metric: string;
  value: ComputedValue;
  /** The type of the value's and the target's own formulas, when they have one (¥ for GMV, % for a rate). */
  valueType?: ColumnType;
  targetType?: ColumnType;
  target: number | null;
  lowerIsBetter: boolean;
  status: 'onTrack' | 'behind' | null;
}

const FIELDS = ['metric', 'value', 'target', 'status', 'direction'] as const;
type Field = (typeof FIELDS)[number];

/** Column ids of the card fields found in a sheet. */
export const kpiColumns = (columns: readonly Column[]): Partial<Record<Field, string>> => {
  const out: Partial<Record<Field, string>> = {};
  for (const key of FIELDS) {
    const t = template.columns.find((c) => c.key === key);
    const names = new Set([t?.en, t?.zh].filter((n): n is string => !!n).map((n) => n.toLowerCase()));
    const col = columns.find((c) => names.has((c.labels?.en ?? c.name).toLowerCase()) || names.has(c.name.toLowerCase()));
    if (col) out[key] = col.id;
  }
  return out;
};

/** The cards of the KPI sheet's rows, in row order. */
export const kpiCards = (
  rowIds: readonly string[],
  cols: Partial<Record<Field, string>>,
  value: (rowId: string, colId: string) => ComputedValue,
  typeOf: (rowId: string, colId: string) => ColumnType | undefined = () => undefined,
): KpiCard[] =>
  rowIds.map((rowId) => {
    const get = (f: Field): ComputedValue => (cols[f] ? value(rowId, cols[f]) : null);
    const v = get('value');
    const t = get('target');
    const target = typeof t === 'number' ? t : null;
    const lowerIsBetter = get('direction') === 'Lower is better';
    const said = get('status');
    const status =
      said === 'On track' ? 'onTrack' : said === 'Behind' ? 'behind' : typeof v === 'number' && target !== null ? ((lowerIsBetter ? v <= target : v >= target) ? 'onTrack' : 'behind') : null;
    const m = get('metric');
    const valueType = cols.value ? typeOf(rowId, cols.value) : undefined;
    const targetType = cols.target ? typeOf(rowId, cols.target) : undefined;
    return {
      rowId,
      metric: m === null || isErrorValue(m) ? '' : String(m),
      value: v,
      ...(valueType ? { valueType } : {}),
      target,
      ...(targetType ? { targetType } : {}),
      lowerIsBetter,
      status,
    };
  });
