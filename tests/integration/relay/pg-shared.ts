/** Helpers of the tests of several relays on PostgreSQL: rows added by label, read from a client. */
import type { Workbook } from '../../../src/model/index.ts';
import type { RelayClient } from '../../support/relay-clients.ts';

/** The SKU column's values, in row order. */
export const labelsOf = (wb: Workbook): string[] => {
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  return wb.rowIds(sheet).map((r) => String(wb.cell(sheet, r, sku)));
};

/** Adds one row whose SKU is `label` through a client's workbook. */
export const addRow = (c: RelayClient, label: string): void => {
  const wb = c.wb();
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  wb.insertRows(sheet, { values: [{ [sku]: label }] });
};

/** True when the client holds every label. */
export const hasAll = (c: RelayClient, labels: Iterable<string>): boolean => {
  const have = new Set(labelsOf(c.wb()));
  for (const l of labels) if (!have.has(l)) return false;
  return true;
};
