/**
 * The UI's dictionaries. That a module shows only texts it has loaded, and that every language has
 * every text, is the type checker's job (a bundle is reached only by importing it; each language is
 * typed by the English one). What types do not see is left here: no key is defined in two
 * dictionaries (a module would show one text and another module the other), and no language has
 * texts English does not (a key given by a spread or a cast would slip past the checker).
 */
import { describe, expect, test } from 'vitest';
import { dialogTexts } from '../../../src/ui/i18n/dialog-texts.ts';
import { en, type Dict } from '../../../src/ui/i18n/en.ts';
import { findTexts } from '../../../src/ui/i18n/find-texts.ts';
import { formulaTexts } from '../../../src/ui/i18n/formula-texts.ts';
import { gridTexts } from '../../../src/ui/i18n/grid-texts.ts';
import type { I18n } from '../../../src/ui/i18n/i18n.ts';
import { rulesTexts } from '../../../src/ui/i18n/rules-texts.ts';
import { spaceTexts } from '../../../src/ui/i18n/space-texts.ts';
import { syncTexts } from '../../../src/ui/i18n/sync-texts.ts';
import { viewTexts } from '../../../src/ui/i18n/view-texts.ts';
import { zhCN } from '../../../src/ui/i18n/zh-CN.ts';
import type { Bundle, Dictionary } from '../../../src/ui/i18n/translator.ts';

const BUNDLES: Record<string, Bundle<Dictionary>> = {
  main: { en, 'zh-CN': zhCN },
  dialogs: dialogTexts,
  sync: syncTexts,
  spaces: spaceTexts,
  views: viewTexts,
  formula: formulaTexts,
  grid: gridTexts,
  find: findTexts,
  rules: rulesTexts,
};

describe('UI texts', () => {
  test('no key is in two dictionaries', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, bundle] of Object.entries(BUNDLES)) {
      for (const key of Object.keys(bundle.en)) {
        const first = owner.get(key);
        if (first) twice.push(`${key} (${first}, ${name})`);
        owner.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });

  test.each(Object.entries(BUNDLES))('every language of the %s dictionary has exactly the English keys', (_name, bundle) => {
    const keys = Object.keys(bundle.en).sort();
    for (const texts of Object.values(bundle)) expect(Object.keys(texts).sort()).toEqual(keys);
  });

  test('a text that is not loaded, misspelt or missing in a language does not compile', () => {
    // Checked by `tsc` (npm test runs it), never called: each line marked is one the checker refuses.
    const compiled = (i18n: I18n): string[] => {
      const { 'app.title': _left, ...withoutTitle } = zhCN;
      // @ts-expect-error a language without one of the English keys is not a dictionary
      const incomplete: Dict = withoutTitle;
      return [
        incomplete['common.close'],
        // @ts-expect-error a dialog text is not in the main dictionary: the module must import the dialogs' bundle
        i18n.t('coldlg.add'),
        i18n.texts(dialogTexts)('coldlg.add'),
        // @ts-expect-error a misspelt key
        i18n.texts(dialogTexts)('coldlg.ad'),
        // @ts-expect-error a text's arguments are typed
        i18n.texts(dialogTexts)('coldlg.typeTitle'),
      ];
    };
    expect(compiled).toBeTypeOf('function');
  });
});
