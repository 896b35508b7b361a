/** Running an import the way the app and the CLI will: preview → (confirm) → plan → commit. */
import {
  planImport,
  previewImport,
  type ImportPlan,
  type ImportReader,
  type ImportSetup,
  type PreviewOptions,
} from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';

const utf8 = new TextEncoder();

/** Bytes of a text (UTF-8, no BOM unless the text starts with U+FEFF). */
export const bytesOf = (text: string): Uint8Array => utf8.encode(text);

/** The setup with every new column made text: to look at what the parser read, untyped. */
export const allText = (setup: ImportSetup): ImportSetup => ({
  ...setup,
  columns: setup.columns.map((c) => ({ ...c, into: c.into ? { ...c.into, type: 'text', options: {} } : null })),
});

/** Previews and plans `text` into a new sheet of an empty workbook, every column as text. */
export const readAsText = async (text: string, options: PreviewOptions = {}): Promise<ImportPlan> => {
  const reader: ImportReader = Workbook.create({ name: 'Empty' });
  const preview = previewImport(bytesOf(text), { newSheet: 'Imported' }, reader, options);
  return planImport(bytesOf(text), allText(preview.setup));
};
