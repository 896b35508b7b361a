/**
 * The reasons an import refuses a value or a record, in the UI language: English is the CSV
 * layer's own (the CLI's words), Chinese is here; both are typed `CsvProblemTexts`, so a new
 * reason does not compile until it has a text in each.
 */
import { CSV_PROBLEM_EN, csvProblemText, type CsvProblem, type CsvProblemTexts, type RejectedRowsWords } from '../../csv/index.ts';
import type { Locale } from '../../schema/types.ts';
import type { DialogText } from '../i18n/dialog-texts.ts';

const q = (s: string): string => `“${s}”`;

const CSV_PROBLEM_ZH_CN: CsvProblemTexts = {
  notNumber: (p) => `${q(p.text)} 不是数字`,
  percentNotMoney: (p) => `${q(p.text)} 是百分比，不是金额`,
  otherCurrency: (p) => `${q(p.text)} 的币种是 ${p.got}，此列的币种是 ${p.want}`,
  moneyNotPercent: (p) => `${q(p.text)} 是金额，不是百分比`,
  moneyAsCurrency: (p) => `${q(p.text)} 是金额；请将此列按货币导入`,
  percentAsPercent: (p) => `${q(p.text)} 是百分比；请将此列按百分比导入`,
  notWhole: (p) => `${q(p.text)} 不是整数`,
  notDate: (p) => `${q(p.text)} 不是日期（请写成 YYYY-MM-DD）`,
  notBoolean: (p) => `${q(p.text)} 不是“是”或“否”（true/false、yes/no、是/否、1/0）`,
  notChoice: (p) => `${q(p.text)} 不是可选项之一（${p.choices.map(q).join('、')}）`,
  malformed: (p) =>
    `这条记录格式有误：${p.quote === 'MissingQuotes' ? '有一个带引号的值没有结束（缺少一个 "），文件的其余部分都被读进了这个值' : '值中的引号没有成对写（"" 表示一个 "）'}。`,
  width: (p) =>
    `这条记录有 ${p.got} 个值，但${p.header ? '标题行' : '第一条记录'}有 ${p.want} 个；某个含有${p.delimiter === '\t' ? '制表符' : `“${p.delimiter}”`}的值可能缺少引号。`,
};

/** The reasons' texts for `locale`. */
export const csvProblemTexts = (locale: Locale): CsvProblemTexts => (locale === 'zh-CN' ? CSV_PROBLEM_ZH_CN : CSV_PROBLEM_EN);

/** One reason in the UI language. */
export const csvProblemIn = (locale: Locale, p: CsvProblem): string => csvProblemText(p, csvProblemTexts(locale));

/** The rejected-rows file's words in the UI language (its header row and its reasons). */
export const rejectedRowsWords = (t: DialogText, locale: Locale): RejectedRowsWords => ({
  line: t('rejected.line'),
  result: t('rejected.result'),
  reason: t('rejected.reason'),
  notImported: t('rejected.notImported'),
  importedBlank: t('rejected.importedBlank'),
  describe: (p) => csvProblemIn(locale, p),
});
