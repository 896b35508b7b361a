/** The gallery of the ops templates (sheets/): every sheet kind, and the blank sheet. Loaded with the gallery dialog. */
import { addSheetFromTemplate, SHEET_TEMPLATES } from '../../sheets/index.ts';
import { addBlankSheet, blankOnlyGallery, type TemplateGallery } from './template-gallery.ts';

/** Lists the ops templates and adds a sheet from one (with the sheets it needs that are missing). */
export const opsGallery: TemplateGallery = {
  list: () => [
    ...SHEET_TEMPLATES.filter((t) => t.kind !== 'custom').map((t) => ({
      id: t.kind,
      labels: { en: t.en, 'zh-CN': t.zh },
      description: { en: t.about.en, 'zh-CN': t.about.zh },
    })),
    ...blankOnlyGallery.list(),
  ],
  add: (wb, id, opts) => {
    if (id === 'blank') return addBlankSheet(wb, opts);
    return wb.transact(() => {
      const sheetId = addSheetFromTemplate(wb, id);
      if (opts.index !== undefined) wb.moveSheet(sheetId, opts.index);
      return sheetId;
    });
  },
};
