/**
 * Every deliberate difference from Excel, with the reason and the way to write it instead, in each UI
 * language. The app's Functions help and docs/differences-from-excel.md both show this list.
 */
import type { Locale } from '../schema/types.ts';

/** Text in each UI language. */
type Texts = Readonly<Record<Locale, string>>;

/** One difference: what Excel does, what happens here, why, and what to write instead. */
export interface ExcelDifference {
  id: string;
  title: Texts;
  /** What is different, with an example. */
  what: Texts;
  why: Texts;
  /** How to write it here. */
  instead: Texts;
}

/** The differences, most often met first. */
export const EXCEL_DIFFERENCES: readonly ExcelDifference[] = [
  {
    id: 'text-as-number',
    title: { en: 'Text is not used as a number', 'zh-CN': '文本不会被当作数字' },
    what: {
      en: '="8"*"3" is 24 in Excel; here it is refused when typed ("cannot multiply text by text"). So is [Price] + [Name].',
      'zh-CN': '在 Excel 中 ="8"*"3" 得 24；这里输入时即被拒绝（“不能用文本乘文本”）。[Price] + [Name] 同样会被拒绝。',
    },
    why: {
      en: 'Columns are typed: a formula that mixes types is a mistake caught while typing, not a #VALUE! found later in another sheet.',
      'zh-CN': '列有类型：混用类型的公式是输入时就能发现的错误，而不是之后在别的工作表里才出现的 #VALUE!。',
    },
    instead: { en: 'Convert on purpose: =VALUE("8") * VALUE("3").', 'zh-CN': '明确转换：=VALUE("8") * VALUE("3")。' },
  },
  {
    id: 'text-vs-number',
    title: { en: 'Text is not compared with a number', 'zh-CN': '文本不会与数字比较' },
    what: {
      en: '="1"=1 is FALSE in Excel (and "1" > 5 is TRUE); here such a comparison is refused when typed.',
      'zh-CN': '在 Excel 中 ="1"=1 为 FALSE（"1" > 5 为 TRUE）；这里这样的比较在输入时即被拒绝。',
    },
    why: {
      en: 'Excel’s answer is almost never what was meant: a number stored as text silently never matches.',
      'zh-CN': 'Excel 的结果几乎从来不是本意：以文本存储的数字会悄悄地永远不相等。',
    },
    instead: { en: 'Compare like with like: =VALUE([Code]) = 1, or =[Code] = "1".', 'zh-CN': '同类比较：=VALUE([Code]) = 1，或 =[Code] = "1"。' },
  },
  {
    id: 'union',
    title: { en: 'A fallback of another type makes "number or text"', 'zh-CN': '另一类型的备用值得到“数字或文本”' },
    what: {
      en: 'IFERROR([Revenue] / [Orders], "-") is "number or text": the cell shows the number formatted, or "-". Sums, averages and the other aggregates skip its text entries, as Excel’s SUM skips text in a range. Using it where a number is required, as in IFERROR(x, "-") * 2, is refused when typed; Excel would give #VALUE! in the rows where the text appears.',
      'zh-CN': 'IFERROR([Revenue] / [Orders], "-") 的类型是“数字或文本”：单元格显示格式化的数字或 "-"。求和、平均等汇总会跳过其中的文本，正如 Excel 的 SUM 跳过区域中的文本。在需要数字的地方使用它（如 IFERROR(x, "-") * 2）会在输入时被拒绝；Excel 则会在出现文本的行得到 #VALUE!。',
    },
    why: {
      en: 'The refusal comes with the fix, before any row shows an error.',
      'zh-CN': '拒绝时会给出修改方法，而不是等某一行出错。',
    },
    instead: {
      en: 'Keep a number at the source, =IFERROR(x, 0) * 2, or read text as 0 with N(): =N([Cover]) * 2.',
      'zh-CN': '在源头保留数字：=IFERROR(x, 0) * 2；或用 N() 把文本当作 0：=N([Cover]) * 2。',
    },
  },
  {
    id: 'empty-text',
    title: { en: '"" as a result is a blank cell', 'zh-CN': '结果中的 "" 是空白单元格' },
    what: {
      en: 'In IF([Stock] > 0, [Stock] * [Cost], "") the "" is a blank cell of the other result’s type, so the column stays a currency column. ISBLANK of it is TRUE and COUNTA skips it; in Excel ISBLANK is FALSE and COUNTA counts it (COUNTBLANK counts it as blank in both).',
      'zh-CN': '在 IF([Stock] > 0, [Stock] * [Cost], "") 中，"" 是与另一结果同类型的空白单元格，因此该列仍是货币列。这里对它的 ISBLANK 为 TRUE，COUNTA 不计入它；在 Excel 中 ISBLANK 为 FALSE，COUNTA 会计入它（两者的 COUNTBLANK 都把它算作空白）。',
    },
    why: {
      en: 'People write "" to mean "leave it empty", not to turn a number column into text.',
      'zh-CN': '人们写 "" 是想“留空”，而不是想把数字列变成文本列。',
    },
    instead: { en: 'Write a visible text such as "-" or "n/a" when you want text.', 'zh-CN': '需要文本时写可见的文本，如 "-" 或 "n/a"。' },
  },
  {
    id: 'blank-inputs',
    title: { en: 'A blank input gives blank, not an error', 'zh-CN': '空白输入得到空白，而不是错误' },
    what: {
      en: 'Where Excel errs only because an input is blank, the result is blank: [Margin] / [Price] with [Price] blank, MOD(x, blank), XLOOKUP, MATCH, VLOOKUP, HLOOKUP, LOOKUP and XMATCH of a blank value, an average of rows that are all blank. Elsewhere a blank acts as in Excel: [A] + 1 with [A] blank is 1; dividing by a real 0 is #DIV/0!.',
      'zh-CN': '当 Excel 仅仅因为输入为空而出错时，这里结果为空白：[Price] 为空时的 [Margin] / [Price]、MOD(x, 空白)、查找空白值的 XLOOKUP、MATCH、VLOOKUP、HLOOKUP、LOOKUP 和 XMATCH，以及全为空白的行的平均值。其他情况下空白与 Excel 相同：[A] 为空时 [A] + 1 得 1；除以真正的 0 仍为 #DIV/0!。',
    },
    why: {
      en: 'A half-entered row (pasted products without a price yet) must not put errors into every sheet that reads it; aggregates skip blank results.',
      'zh-CN': '填了一半的行（刚粘贴、尚无价格的商品）不应让所有引用它的工作表都出错；汇总会跳过空白结果。',
    },
    instead: {
      en: 'To flag missing inputs, say so: =IF(ISBLANK([Price]), "no price", [Margin] / [Price]), or add an alert rule.',
      'zh-CN': '要标出缺失的输入，请明确写出：=IF(ISBLANK([Price]), "no price", [Margin] / [Price])，或添加提醒规则。',
    },
  },
  {
    id: 'date-as-text',
    title: { en: 'A date used as text reads YYYY-MM-DD', 'zh-CN': '作为文本使用的日期显示为 YYYY-MM-DD' },
    what: {
      en: '=CONCAT("Due ", DATE(2024, 1, 5)) is "Due 2024-01-05" here and "Due 45296" in Excel (the date’s serial number).',
      'zh-CN': '=CONCAT("Due ", DATE(2024, 1, 5)) 在这里得 "Due 2024-01-05"，在 Excel 中得 "Due 45296"（日期的序列号）。',
    },
    why: { en: 'Nobody wants the serial number in a label.', 'zh-CN': '没有人希望标签里出现序列号。' },
    instead: { en: 'Choose another format with TEXT: =CONCAT("Due ", TEXT([Due], "m/d")).', 'zh-CN': '用 TEXT 选择其他格式：=CONCAT("Due ", TEXT([Due], "m月d日"))。' },
  },
  {
    id: 'dates-typed',
    title: { en: 'Dates are dates, not numbers', 'zh-CN': '日期就是日期，不是数字' },
    what: {
      en: 'A date minus a date is days and a date plus days is a date, as in Excel; but a date is not multiplied, added to a date, used as a condition or given to INT.',
      'zh-CN': '日期减日期得天数、日期加天数得日期，与 Excel 相同；但日期不能相乘、不能与日期相加、不能作为条件，也不能传给 INT。',
    },
    why: { en: 'Those are always mistakes with dates.', 'zh-CN': '对日期做这些运算总是错误。' },
    instead: { en: 'Use the date functions: DAYS, YEAR, MONTH, EOMONTH, NETWORKDAYS …', 'zh-CN': '使用日期函数：DAYS、YEAR、MONTH、EOMONTH、NETWORKDAYS……' },
  },
  {
    id: 'time-of-day',
    title: { en: 'NOW() and times', 'zh-CN': 'NOW() 与时间' },
    what: {
      en: 'There is no time-of-day type: TIME(9, 30, 0) is 0.3958… (a fraction of a day, shown as a number) and NOW() is shown as a date; HOUR, MINUTE and TEXT read the time. NOW() is recomputed every minute, not on every edit. HOUR("3:30 PM") and other times written as text are refused.',
      'zh-CN': '没有单独的时刻类型：TIME(9, 30, 0) 为 0.3958…（一天的比例，显示为数字），NOW() 显示为日期；HOUR、MINUTE 和 TEXT 可读取时间。NOW() 每分钟重新计算，而不是每次编辑时。以文本书写的时间（如 HOUR("3:30 PM")）会被拒绝。',
    },
    why: { en: 'An ops plan counts days; times are rare and read through functions.', 'zh-CN': '运营计划以天为单位；时间很少用，通过函数读取即可。' },
    instead: { en: 'Show a time with TEXT: =TEXT(NOW(), "hh:mm"); write times with TIME(15, 30, 0).', 'zh-CN': '用 TEXT 显示时间：=TEXT(NOW(), "hh:mm")；用 TIME(15, 30, 0) 书写时间。' },
  },
  {
    id: 'rand',
    title: { en: 'RAND() is the same for everyone', 'zh-CN': 'RAND() 对所有人都一样' },
    what: {
      en: 'RAND() and RANDBETWEEN() give each cell a fixed number: the same on every teammate’s screen, in the command line and in exports, and it stays put when other cells change. In Excel they draw new numbers on every change.',
      'zh-CN': 'RAND() 和 RANDBETWEEN() 为每个单元格给出固定的数：所有同事的屏幕、命令行和导出中都相同，其他单元格变化时也不变。在 Excel 中它们每次变化都会重新抽取。',
    },
    why: {
      en: 'A shared workbook cannot show each person different numbers, and an A/B split or an audit sample must not reshuffle on every edit.',
      'zh-CN': '共享的工作簿不能让每个人看到不同的数字，A/B 分组或抽检样本也不能在每次编辑时重新洗牌。',
    },
    instead: {
      en: 'To draw again, edit the formula (any change to its text draws new numbers).',
      'zh-CN': '要重新抽取，请修改公式（公式文本的任何改动都会重新抽取）。',
    },
  },
  {
    id: 'columns-not-ranges',
    title: { en: 'Whole columns instead of ranges', 'zh-CN': '用整列代替区域' },
    what: {
      en: 'There are no A1 references: functions take whole columns (SUM(Products[Cost])) and VLOOKUP and HLOOKUP a whole sheet. HLOOKUP reads a sheet’s column names as its first row (row 2 is the first row of data). LARGE, SMALL, RANK and the percentiles take one column, not a block of several.',
      'zh-CN': '没有 A1 引用：函数取整列（SUM(Products[Cost])），VLOOKUP 和 HLOOKUP 取整个工作表。HLOOKUP 把工作表的列名当作第一行（第 2 行是第一行数据）。LARGE、SMALL、RANK 和百分位函数取一列，而不是多列组成的区域。',
    },
    why: { en: 'A column keeps meaning the same thing when rows are added, sorted or filtered.', 'zh-CN': '增加、排序或筛选行时，整列的含义不会变。' },
    instead: { en: 'Write Sheet[Column]; for several columns, add their results: LARGE(…) of each, or SUM(A[x], A[y]).', 'zh-CN': '写 Sheet[Column]；涉及多列时分别计算再合并，如 SUM(A[x], A[y])。' },
  },
  {
    id: 'subtotal-hidden',
    title: { en: 'SUBTOTAL 101–111 count every row', 'zh-CN': 'SUBTOTAL 101–111 计算所有行' },
    what: {
      en: 'SUBTOTAL(109, …) is the same as SUBTOTAL(9, …): no row is hidden from a formula.',
      'zh-CN': 'SUBTOTAL(109, …) 与 SUBTOTAL(9, …) 相同：公式看得到所有行。',
    },
    why: {
      en: 'Filters and sorting are each person’s own view; a shared result cannot depend on what one person has filtered.',
      'zh-CN': '筛选和排序是每个人自己的视图；共享的结果不能取决于某个人的筛选。',
    },
    instead: { en: 'Put the condition in the formula: SUMIFS(…, Orders[Channel], "App").', 'zh-CN': '把条件写进公式：SUMIFS(…, Orders[Channel], "App")。' },
  },
  {
    id: 'xmatch-binary',
    title: { en: 'XMATCH’s binary search is a scan', 'zh-CN': 'XMATCH 的二分查找按顺序查找' },
    what: {
      en: 'Search modes 2 and −2 give what a scan from the start gives. On sorted data that is Excel’s answer; on unsorted data Excel’s binary search may give another position.',
      'zh-CN': '查找模式 2 和 −2 的结果与从头顺序查找相同。对已排序数据与 Excel 一致；对未排序数据，Excel 的二分查找可能给出另一个位置。',
    },
    why: { en: 'The answer should not depend on how the search is done.', 'zh-CN': '结果不应取决于查找方式。' },
    instead: { en: 'Nothing to change for sorted data.', 'zh-CN': '已排序数据无需修改。' },
  },
  {
    id: 'char-code',
    title: { en: 'CHAR and CODE use Windows-1252', 'zh-CN': 'CHAR 和 CODE 使用 Windows-1252' },
    what: {
      en: 'CHAR(128) is "€" and CODE("€") is 128, as in Excel for Windows; CODE of a character outside Windows-1252 (中) gives its Unicode number, where Excel gives the system code page’s code or 63 ("?").',
      'zh-CN': 'CHAR(128) 为 "€"，CODE("€") 为 128，与 Windows 版 Excel 相同；对 Windows-1252 以外的字符（如 中），CODE 给出其 Unicode 编码，而 Excel 给出系统代码页的代码或 63（"?"）。',
    },
    why: { en: 'Every teammate must get the same answer, whatever their computer’s language.', 'zh-CN': '无论电脑语言如何，每位同事都必须得到相同的结果。' },
    instead: { en: 'Nothing to change for the usual CHAR(10) line break.', 'zh-CN': '常用的 CHAR(10) 换行无需修改。' },
  },
  {
    id: 'text-formats',
    title: { en: 'TEXT and VALUE read common formats', 'zh-CN': 'TEXT 和 VALUE 支持常用格式' },
    what: {
      en: 'TEXT takes 0 # , . % (commas after the digits divide by 1,000), quoted text, and dates and times (yyyy mm dd ddd mmm hh mm ss AM/PM); not colours, conditions or ; sections. VALUE and DATEVALUE read numbers and dates the same way whatever the computer’s language ("1,250.50", "¥1,200", "12%", "7/5/2026", "2026年7月5日"); VALUE of a date text is refused (#VALUE!).',
      'zh-CN': 'TEXT 支持 0 # , . %（数字后的逗号表示除以 1,000）、引号中的文本以及日期和时间（yyyy mm dd ddd mmm hh mm ss AM/PM）；不支持颜色、条件和 ; 分段。VALUE 和 DATEVALUE 无论电脑语言如何都以相同方式读取数字和日期（"1,250.50"、"¥1,200"、"12%"、"7/5/2026"、"2026年7月5日"）；对日期文本使用 VALUE 会得到 #VALUE!。',
    },
    why: { en: 'Every teammate must get the same answer, whatever their computer’s language.', 'zh-CN': '无论电脑语言如何，每位同事都必须得到相同的结果。' },
    instead: { en: 'Read a date from text with DATEVALUE; colour cells with alert rules.', 'zh-CN': '用 DATEVALUE 从文本读取日期；用提醒规则给单元格着色。' },
  },
  {
    id: 'view-sheets',
    title: { en: 'An array lives in a view sheet, not in cells below', 'zh-CN': '数组放在视图表中，而不是溢出到下方单元格' },
    what: {
      en: 'In Excel =UNIQUE(Campaigns[Channel]) spills into the cells below. Here a column holds one typed value per row, so a column formula that gives a list is refused when typed. Put the formula in a view sheet (its rows are the array, kept current, read-only, charted and exported like any sheet), or in a cell’s own formula: the cell shows the count and the first values and opens in full, and other formulas read its first value, as Excel reads A1 without #.',
      'zh-CN': '在 Excel 中 =UNIQUE(Campaigns[Channel]) 会溢出到下方单元格。这里每列每行只有一个有类型的值，所以给出列表的列公式在输入时即被拒绝。请把公式放在视图表中（它的行就是这个数组，实时更新、只读，可像普通表一样作图和导出），或放在单元格自己的公式中：单元格显示个数和前几个值，可展开查看全部；其他公式读取它的第一个值，就像 Excel 中不带 # 的 A1。',
    },
    why: {
      en: 'A spilled range collides with the rows people type (#SPILL!); a view sheet has rows of its own.',
      'zh-CN': '溢出区域会与人工输入的行冲突（#SPILL!）；视图表有自己的行。',
    },
    instead: {
      en: 'Add a view sheet from the + by the tabs; there is no spill reference (A1#): use the formula that makes the array.',
      'zh-CN': '从标签栏旁的 + 添加视图表；没有溢出引用（A1#）：直接使用生成数组的公式。',
    },
  },
  {
    id: 'filter-empty',
    title: { en: 'FILTER that keeps nothing gives no rows, not #CALC!', 'zh-CN': 'FILTER 没有保留任何行时结果为空，而不是 #CALC!' },
    what: {
      en: '=FILTER(Inventory, Inventory[Status] = "Reorder") is #CALC! in Excel when no row is to be reordered; here it is a list of no rows: the view sheet shows none, COUNTA of it is 0. UNIQUE with exactly_once, TAKE and DROP likewise give no rows where Excel gives #CALC!.',
      'zh-CN': '当没有需要补货的行时，=FILTER(Inventory, Inventory[Status] = "Reorder") 在 Excel 中为 #CALC!；这里结果是没有行的列表：视图表不显示行，对它用 COUNTA 得 0。UNIQUE（exactly_once）、TAKE 和 DROP 在 Excel 给出 #CALC! 时同样给出空结果。',
    },
    why: { en: 'An empty reorder list is a good day, not an error.', 'zh-CN': '补货清单为空是好事，而不是错误。' },
    instead: {
      en: 'To show a word instead, give if_empty: =FILTER(Inventory, Inventory[Status] = "Reorder", "nothing to reorder").',
      'zh-CN': '如需显示文字，请提供 if_empty：=FILTER(Inventory, Inventory[Status] = "Reorder", "无需补货")。',
    },
  },
  {
    id: 'sheet-rows',
    title: { en: 'A sheet’s column lines up with its filtered rows', 'zh-CN': '表的列会与筛选后的行对齐' },
    what: {
      en: '=SORTBY(FILTER(Inventory, Inventory[Status] = "Reorder"), Inventory[Days of cover], 1) is #VALUE! in Excel (the filtered table has fewer rows than the column); here the column’s values are read for the rows kept, so the list is sorted by days of cover. FILTER’s include works the same way. Arrays of one size still pair place by place, as in Excel.',
      'zh-CN': '在 Excel 中 =SORTBY(FILTER(Inventory, Inventory[Status] = "Reorder"), Inventory[Days of cover], 1) 为 #VALUE!（筛选后的表比这一列行数少）；这里会按保留下来的行读取该列的值，因此清单按可售天数排序。FILTER 的 include 同理。大小相同的数组仍按位置一一对应，与 Excel 相同。',
    },
    why: { en: 'The rows of a sheet are known: the formula says what is meant without repeating the filter.', 'zh-CN': '表中的行是确定的：公式无需重复筛选条件即可表达本意。' },
    instead: {
      en: 'Excel’s way works too: =SORTBY(FILTER(Inventory, c), FILTER(Inventory[Days of cover], c), 1).',
      'zh-CN': 'Excel 的写法同样可用：=SORTBY(FILTER(Inventory, c), FILTER(Inventory[Days of cover], c), 1)。',
    },
  },
  {
    id: 'views-not-read',
    title: { en: 'Formulas do not read a view sheet', 'zh-CN': '公式不能读取视图表' },
    what: {
      en: '=SUM(Reorder[Stock]) over a view sheet named Reorder is refused when typed; in Excel a formula can read a spilled range.',
      'zh-CN': '对名为 Reorder 的视图表写 =SUM(Reorder[Stock]) 会在输入时被拒绝；在 Excel 中公式可以读取溢出区域。',
    },
    why: {
      en: 'A view’s columns change with its formula; a formula over them would break silently when the view changes.',
      'zh-CN': '视图的列会随其公式变化；基于这些列的公式会在视图改变时悄无声息地出错。',
    },
    instead: {
      en: 'Compute over the view’s sources: =SUM(FILTER(Inventory[Stock], Inventory[Status] = "Reorder")).',
      'zh-CN': '直接基于视图的数据来源计算：=SUM(FILTER(Inventory[Stock], Inventory[Status] = "Reorder"))。',
    },
  },
  {
    id: 'sort-order',
    title: { en: 'SORT orders text by its characters', 'zh-CN': 'SORT 按字符顺序排列文本' },
    what: {
      en: 'SORT, SORTBY and UNIQUE compare text as < does: case is ignored and characters are compared by their codes, so Chinese sorts by Unicode order where Chinese Excel sorts by pinyin. Numbers come before texts, then TRUE/FALSE, then errors; blanks are last in both orders.',
      'zh-CN': 'SORT、SORTBY 和 UNIQUE 按 < 的方式比较文本：忽略大小写，按字符编码比较，因此中文按 Unicode 顺序排列，而中文版 Excel 按拼音排列。数字排在文本之前，然后是 TRUE/FALSE，再是错误值；空白在两种顺序中都排在最后。',
    },
    why: { en: 'Every teammate and the CLI must get the same order, whatever language each reads the workbook in.', 'zh-CN': '无论每人用哪种语言查看工作簿，每位同事和命令行都必须得到相同的顺序。' },
    instead: { en: 'To sort Chinese names by pinyin, keep a pinyin column and sort by it with SORTBY.', 'zh-CN': '如需按拼音排序中文名称，可保留一列拼音，并用 SORTBY 按该列排序。' },
  },
];
