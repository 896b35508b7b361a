/** A peer that writes straight into a workbook's Yjs document (as a malicious or buggy client could), not through the model. */
import * as Y from 'yjs';
import type { WorkbookBase } from '../../src/model/workbook-base.ts';

/** The document's maps as a peer sees them. */
export interface PeerDoc {
  doc: Y.Doc;
  settings: Y.Map<unknown>;
  sheets: Y.Map<unknown>;
  dashboard: Y.Map<unknown>;
  layouts: Y.Map<unknown>;
  edits: Y.Array<unknown>;
  seen: Y.Map<unknown>;
  server: Y.Map<unknown>;
  /** A sheet's map by id. */
  sheet(id: string): Y.Map<unknown>;
  /** A nested map of a sheet (`columns`, `rows`, `cells` …). */
  part(sheetId: string, part: string): Y.Map<unknown>;
  /** A column's map. */
  column(sheetId: string, colId: string): Y.Map<unknown>;
}

const mapAt = (m: Y.Map<unknown>, key: string): Y.Map<unknown> => {
  const v = m.get(key);
  if (!(v instanceof Y.Map)) throw new Error(`no map at ${key}`);
  return v as Y.Map<unknown>;
};

/** Opens a peer's copy of a document (the update of `source`). */
export const peerDoc = (source: Uint8Array | Y.Doc): PeerDoc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, source instanceof Y.Doc ? Y.encodeStateAsUpdate(source) : source);
  const sheets = doc.getMap<unknown>('sheets');
  return {
    doc,
    settings: doc.getMap('settings'),
    sheets,
    dashboard: doc.getMap('dashboard'),
    layouts: doc.getMap('layouts'),
    edits: doc.getArray('edits'),
    seen: doc.getMap('seen'),
    server: doc.getMap('server'),
    sheet: (id) => mapAt(sheets, id),
    part: (sheetId, part) => mapAt(mapAt(sheets, sheetId), part),
    column: (sheetId, colId) => mapAt(mapAt(mapAt(sheets, sheetId), 'columns'), colId),
  };
};

/** What a peer's change of `source` sends: the update of what `write` did to its copy. */
export const peerUpdate = (source: Uint8Array | Y.Doc, write: (p: PeerDoc) => void): Uint8Array => {
  const p = peerDoc(source);
  const before = Y.encodeStateVector(p.doc);
  p.doc.transact(() => write(p));
  const update = Y.encodeStateAsUpdate(p.doc, before);
  p.doc.destroy();
  return update;
};

/** A peer changes `wb`'s document: the update reaches `wb` as a remote one. Returns the update. */
export const peerWrites = (wb: WorkbookBase, write: (p: PeerDoc) => void): Uint8Array => {
  const update = peerUpdate(wb.doc, write);
  wb.applyUpdate(update, 'remote');
  return update;
};
