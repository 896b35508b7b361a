/**
 * Which state of a workbook something was made from, as a short text: `sv:` and the base64 of the
 * Yjs state vector. Two replicas that have seen the same edits give the same text, and a store that
 * keeps every update can rebuild exactly that state, so an export can name the state it shows.
 */
import * as Y from 'yjs';
import type { WorkbookBase } from './workbook-base.ts';

/** The workbook's state as `sv:<base64 state vector>`. */
export const stateVersion = (wb: WorkbookBase): string => {
  const sv = Y.encodeStateVector(wb.doc);
  let bin = '';
  for (let i = 0; i < sv.length; i++) bin += String.fromCharCode(sv[i] ?? 0);
  return `sv:${btoa(bin)}`;
};
