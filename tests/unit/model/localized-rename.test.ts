/** A rename in one language: a name of the user's own changes everywhere; a template's other language is kept. */
import { describe, expect, test } from 'vitest';
import { localizedRename } from '../../../src/model/localized-rename.ts';
import type { Labels, Locale } from '../../../src/schema/types.ts';

type Item = { name: string; labels?: Labels };

describe('localizedRename', () => {
  test.each<[string, Item, string, Locale | undefined, Item]>([
    ['a name of the user’s own is the same in every language', { name: 'Costs' }, '成本', 'zh-CN', { name: '成本' }],
    ['without a language, a template’s labels go', { name: 'Inventory', labels: { 'zh-CN': '库存' } }, 'Stock', undefined, { name: 'Stock' }],
    ['Chinese rename keeps the English', { name: 'Inventory', labels: { en: 'Inventory', 'zh-CN': '库存' } }, '仓库', 'zh-CN',
      { name: 'Inventory', labels: { en: 'Inventory', 'zh-CN': '仓库' } }],
    ['English rename keeps the Chinese, and the plain name follows English', { name: 'Inventory', labels: { 'zh-CN': '库存' } }, 'Stock', 'en',
      { name: 'Stock', labels: { en: 'Stock', 'zh-CN': '库存' } }],
    ['a language that showed the plain name keeps showing it', { name: 'SKU', labels: { 'zh-CN': 'SKU' } }, '货号', 'zh-CN',
      { name: '货号', labels: { en: 'SKU', 'zh-CN': '货号' } }],
    ['a Chinese label of its own leaves the plain name alone', { name: 'Cost', labels: { 'zh-CN': '成本' } }, '单位成本', 'zh-CN',
      { name: 'Cost', labels: { en: 'Cost', 'zh-CN': '单位成本' } }],
  ])('%s', (_what, item, name, locale, expected) => {
    expect(localizedRename(item, name, locale)).toEqual(expected);
  });
});
