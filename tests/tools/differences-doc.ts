/**
 * Writes docs/differences-from-excel.md from the list the app's Functions help shows
 * (src/formula/differences.ts), so the two never disagree: `npx tsx tests/tools/differences-doc.ts`.
 * A unit test fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXCEL_DIFFERENCES } from '../../src/formula/index.ts';

/** Where the page lives in the repository. */
export const DIFFERENCES_DOC = join(import.meta.dirname, '..', '..', 'docs', 'differences-from-excel.md');

/** Text as Markdown shows it literally (formulas hold * and [ ]). */
const md = (s: string): string => s.replace(/[*_[\]\\]/g, '\\$&');

/** The page's Markdown: English first, then 简体中文. */
export const differencesMarkdown = (): string => {
  const lines = [
    '# Differences from Excel',
    '',
    'Formulas here follow Excel: the same function names, arguments and results, 15-digit numbers, the',
    '1900 date system. The exceptions are deliberate; each is listed with the reason and the way to',
    'write it instead. The app’s *Functions* help shows the same list (generated from',
    '`src/formula/differences.ts`; regenerate this page with `npx tsx tests/tools/differences-doc.ts`).',
    '',
  ];
  for (const d of EXCEL_DIFFERENCES) {
    lines.push(`## ${md(d.title.en)}`, '', md(d.what.en), '', `*Why:* ${md(d.why.en)}`, '', `*Instead:* ${md(d.instead.en)}`, '');
  }
  lines.push('# 与 Excel 的不同', '', '这里的公式遵循 Excel：相同的函数名、参数和结果，15 位有效数字，1900 日期系统。以下例外是有意为之，每一条都说明了原因和替代写法。应用的“函数”帮助显示同一列表。', '');
  for (const d of EXCEL_DIFFERENCES) {
    const zh = (t: typeof d.what) => md(t['zh-CN']);
    lines.push(`## ${zh(d.title)}`, '', zh(d.what), '', `*原因：*${zh(d.why)}`, '', `*替代写法：*${zh(d.instead)}`, '');
  }
  return lines.join('\n');
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DIFFERENCES_DOC, differencesMarkdown());
  console.log(`wrote ${DIFFERENCES_DOC}`);
}
