/**
 * The dialogs' texts load with the dialogs (i18n/dialog-texts.ts), not with the first paint, and
 * the translator throws for a text that is not loaded: every module that shows one of them must
 * import dialog-texts.ts itself, or the first person to open that dialog would get an error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dialogsEn } from '../../../src/ui/i18n/dialogs-en.ts';
import { dialogsZhCN } from '../../../src/ui/i18n/dialogs-zh-CN.ts';
import { en } from '../../../src/ui/i18n/en.ts';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });

describe('dialog texts', () => {
  test('every module that shows a dialog text imports dialog-texts.ts', () => {
    const keys = Object.keys(dialogsEn);
    const missing = sources(SRC)
      .filter((f) => !f.includes(`${join('ui', 'i18n')}`))
      .filter((f) => {
        const code = readFileSync(f, 'utf8');
        return keys.some((k) => code.includes(`'${k}'`)) && !/import '[./]*(i18n\/)?dialog-texts\.ts';/.test(code);
      })
      .map((f) => relative(SRC, f));
    expect(missing).toEqual([]);
  });

  test('no text is in both dictionaries, and both languages have every dialog text', () => {
    expect(Object.keys(dialogsEn).filter((k) => k in en)).toEqual([]);
    expect(Object.keys(dialogsZhCN).sort()).toEqual(Object.keys(dialogsEn).sort());
  });
});
