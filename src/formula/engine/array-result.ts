/** An array a formula gave, with the type (and, when it is a sheet's column, the name) of each of its columns. */
import { columnsOf, elementOf } from '../array-types.ts';
import type { ColumnSource, Ty, ValueType } from '../types.ts';
import { toTable, type List, type Table } from '../values.ts';

/** One column of an array result. */
export interface ResultColumn {
  type: ValueType;
  /** The column may also hold text ("number or text"). */
  orText: boolean;
  /** The sheet column it is, when it is one (a view sheet's column takes its name and its options). */
  from?: ColumnSource;
  /** Its name as the workbook shows it, when it is a sheet's column. */
  name?: string;
}

/** An array result: its values as a table (a list is one column) and its columns. */
export interface ArrayResult {
  table: Table;
  columns: ResultColumn[];
}

/** The array result of a value of static type `ty`; `nameOf` names a sheet's column. */
export const arrayResult = (v: List | Table, ty: Ty, nameOf: (from: ColumnSource) => string | undefined): ArrayResult => {
  const table = toTable(v);
  const known = columnsOf(ty);
  const each = elementOf(ty) ?? { t: 'error' as const };
  const columns: ResultColumn[] = [];
  for (let c = 0; c < table.colCount; c++) {
    const shape = known?.[c] ?? each;
    const from = known?.[c]?.from;
    const name = from ? nameOf(from) : undefined;
    columns.push({ type: shape.t, orText: shape.orText === true, ...(from ? { from } : {}), ...(name !== undefined ? { name } : {}) });
  }
  return { table, columns };
};
