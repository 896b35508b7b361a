/**
 * Formula messages in both UI languages: every code the checker and the engine can produce has a
 * Chinese text (enumerated here, one sample each: the table does not compile without every code),
 * the English is what the CLI prints, and real refusals and error values read in Chinese.
 */
import { describe, expect, test } from 'vitest';
import { FormulaEngine, MESSAGES_EN, messageText, msg, type FormulaMessage, type FormulaPlace, type MessageArgs, type MessageCode } from '../../../src/formula/index.ts';
import { formulaZhCN } from '../../../src/ui/i18n/formula-zh-CN.ts';
import { buildFixture, ids } from '../formula/fixture.ts';

const P = { fn: 'ROUND', index: 1, param: 'digits' };

/** A sample message of every code. */
const SAMPLES: { [C in MessageCode]: MessageArgs[C] } = {
  'syntax.noEquals': [], 'syntax.empty': [], 'syntax.emptyAfterEquals': [], 'syntax.unmatchedClose': [], 'syntax.unexpected': ['Price'],
  'syntax.emptyColumnName': [], 'syntax.storedIds': [], 'syntax.followSameRow': [], 'syntax.missingClose': [], 'syntax.endsEarly': [],
  'syntax.valueMissing': [')'], 'syntax.argumentMissing': [], 'syntax.callNotClosed': ['SUM'], 'syntax.commaMissing': ['2'],
  'syntax.unclosedText': [], 'syntax.unclosedColumn': [], 'syntax.unclosedSheet': [], 'syntax.hash': [], 'syntax.character': ['$'],
  'limit.length': [9000, 8192], 'limit.depth': [100], 'limit.text': ['REPT', 40000, 32767], 'limit.steps': [100_000_000],
  'ref.sheetDeleted': [], 'ref.columnDeleted': [], 'ref.refSheetDeleted': [], 'ref.deleted': [], 'ref.unknown': [],
  'ref.noSheet': ['Prodcts', 'Products'], 'ref.noColumn': ['Prce', 'Products', 'Price'], 'ref.noRow': [], 'ref.rowDeleted': ['SKU', 'Products', 'STA-1724'], 'ref.ownColumn': ['Margin'],
  'ref.notReference': ['Name'], 'ref.noKey': ['Products'], 'ref.needsSheet': ['VLOOKUP'], 'ref.columnNotBracketed': ['Price'],
  'ref.sheetAlone': ['Products'], 'ref.unknownName': ['Prce', '[Price]'], 'fn.unknown': ['SUMM', 'SUM'],
  'type.union': [{ t: 'currency', orText: true }, msg('hint.atSource', 'IFERROR'), P], 'hint.atSource': ['XLOOKUP'], 'hint.columnN': ['[Margin]'],
  'hint.n': [], 'type.resultColumn': [], 'type.negate': [{ t: 'text' }], 'type.percentSign': [{ t: 'date', list: true }],
  'type.compare': [{ t: 'date' }, { t: 'number' }], 'type.addDates': [], 'type.add': ['currency', 'text'], 'type.subtract': ['number', 'date'],
  'type.multiplyCurrency': [], 'type.multiply': ['text', 'text'], 'type.divide': ['date', 'number'], 'type.power': ['currency', 'number'],
  'type.ruleCondition': ['number'],
  'arg.count': ['ROUND', 1, 2, 3], 'arg.kind': [P, 'number', { t: 'text' }], 'arg.single': [P],
  'arg.agree': ['IF', { t: 'date' }, { t: 'number' }], 'let.arity': [2], 'let.needsName': [], 'let.noName': [],
  'let.functionName': ['SUM'], 'let.twice': ['x'], 'vlookup.columnLiteral': [], 'vlookup.columnRange': [4],
  'hlookup.types': [{ t: 'date' }, { t: 'number' }], 'subtotal.numbers': ['9', 'text'],
  'value.divZero': [], 'value.literal': ['#N/A'], 'value.notFinite': [], 'value.tooLarge': [], 'value.fractionalPower': [], 'value.wholeColumn': [],
  'value.notNumber': ['abc'], 'value.notBoolean': ['maybe'], 'value.notFound': ['"STA-1724"'], 'input.notNumber': ['"x"', 'Stock'],
  'input.notDate': ['"x"', 'Launch'], 'input.notBoolean': ['"x"', 'Active'], 'cycle.plain': [],
  'cycle.members': [[{ column: 'Products[X]', row: 1 }, { column: 'Products[Y]', row: 1 }], 0],
  'cycle.longChain': [[{ column: 'Chain[V]', row: 300 }], 12], 'stored.noLongerFits': [msg('type.add', 'currency', 'text')],
  'fn.notComputable': ['LET'], 'fn.outOfRange': ['TEXT', 'toFixed() digits argument must be between 0 and 100'],
  'lookup.lengths': [], 'lookup.needsSheet': ['VLOOKUP'], 'lookup.noneSmaller': ['3'],
  'lookup.resultShorter': [], 'index.row': [9, 4], 'vlookup.column': [7], 'xmatch.matchMode': [], 'xmatch.searchMode': [],
  'hlookup.row': [9, 5], 'hlookup.noColumn': ['"Cost"'], 'average.none': [], 'average.noNumbers': [], 'average.noRow': [],
  'average.noRowAll': [], 'criteria.lengths': [], 'sumproduct.lengths': [], 'subtotal.number': [12], 'ifs.none': [], 'switch.none': [],
  'choose.index': [3], 'na.value': [], 'text.countNegative': ['LEFT'], 'text.startCount': ['MID'], 'text.instance': [],
  'text.instanceRange': [], 'text.start': ['SEARCH'], 'rept.times': [], 'rept.long': [32767], 'char.range': [], 'code.empty': [],
  'date.textNotDate': ['soon'], 'date.datedifOrder': [], 'date.datedifUnit': ['W'], 'date.basis': [], 'date.range': [], 'date.year': [],
  'date.before1900': [], 'date.outside': [], 'date.weekdayType': [5], 'date.weeknumType': [5], 'date.weekendMask': [],
  'date.weekendNumber': [9], 'time.negative': [], 'time.partNegative': ['HOUR'], 'math.modZero': [], 'math.sqrtNegative': [],
  'math.zeroNegativePower': [], 'math.logPositive': ['LN'], 'math.logArgs': [], 'math.logBaseOne': [], 'math.significanceSign': ['FLOOR'],
  'math.floorZero': [], 'math.mroundSign': [], 'math.randOrder': [], 'finance.pmtPeriods': [], 'finance.npvRate': [],
  'stats.needOne': [], 'stats.needTwo': [], 'stats.needPairs': ['CORREL'], 'stats.lengths': [], 'stats.medianNone': [],
  'stats.probability': [], 'stats.sd': [], 'stats.noVariation': [], 'stats.xFlat': [], 'stats.yFlat': [], 'stats.forecastPoints': [],
  'stats.geomean': [], 'stats.confidence': [], 'stats.percentileK': [], 'stats.percentileExc': [3], 'stats.quart': [0, 4],
  'stats.rankK': [3], 'stats.notInColumn': [5], 'ops.visitors': [], 'ops.conversions': [], 'ops.fewConversions': [10],
  'ops.nothingToCompare': [], 'ops.confidence': [], 'ops.baseline': [], 'ops.effect': [], 'ops.alphaPower': [], 'ops.negative': [],
  'syntax.arrayRagged': [2], 'syntax.arrayNotClosed': [], 'syntax.arraySeparator': ['+'], 'syntax.arrayValue': [],
  'limit.array': [{ fn: 'SEQUENCE' }, 1e9, 1e7], 'ref.viewSheetRead': [], 'ref.viewSheetName': ['Reorder'],
  'arg.omitted': [{ fn: 'SORT', index: 0, param: 'array' }], 'arg.tableMixed': ['SUM'], 'type.tableMixed': [], 'type.columnGivesList': [],
  'type.resultList': [], 'array.agree': [{ t: 'date' }, { t: 'number' }], 'array.noColumn': ['CHOOSECOLS', 3, 5], 'array.columnsDiffer': [],
  'array.sizes': [], 'vstack.columnAgree': [2], 'vstack.agree': [], 'vstack.fewerColumns': [], 'filter.ifEmptyAgree': [],
  'filter.ifEmptyFirst': [], 'filter.notCondition': ['maybe'], 'sort.order': ['SORTBY', 2], 'sort.index': [3, false, 4],
  'align.oneColumn': ['SORTBY', 'by_array1', 2], 'align.rows': ['FILTER', 'include', 5, 8], 'align.noValue': ['SORTBY', 'by_array1'],
  'align.oneRow': ['FILTER', 'include', 3], 'sequence.negative': [-1, 2], 'textsplit.fewerParts': [], 'logic.noCondition': [],
  'view.needsArray': [], 'view.noFormula': [], 'view.noTable': [],
};

const CJK = /[\u4e00-\u9fff]/;
const TYPE_WORDS = new Set(['currency', 'text', 'number', 'date']);
const zh = (m: FormulaMessage): string => (formulaZhCN[m.code] as (...a: readonly unknown[]) => string)(...m.args);
const codes = Object.keys(MESSAGES_EN).sort();

describe('formula messages: every code in both languages', () => {
  test('the Chinese texts are exactly the English codes, and the samples cover them all', () => {
    expect(Object.keys(formulaZhCN).sort()).toEqual(codes);
    expect(Object.keys(SAMPLES).sort()).toEqual(codes);
  });

  test.each(codes)('%s reads in Chinese', (code) => {
    const m = { code, args: SAMPLES[code as MessageCode] } as FormulaMessage;
    const text = zh(m);
    expect(text).toMatch(CJK);
    expect(text).not.toBe(messageText(m));
    // The names and values it was given are kept as written (type names are translated; the
    // runtime's own English words behind fn.outOfRange are left out).
    const kept = m.code === 'fn.outOfRange' ? m.args.slice(0, 1) : m.args;
    for (const a of kept) if (typeof a === 'string' && a.length > 1 && !TYPE_WORDS.has(a)) expect(text).toContain(a);
  });
});

describe('formula messages: what a person meets, in Chinese', () => {
  const { wb } = buildFixture('zh-CN');
  const engine = new FormulaEngine(wb);
  const refused = (text: string, place: FormulaPlace) => {
    const r = engine.check(text, place);
    if (r.ok) throw new Error(`${text} was taken`);
    return { en: r.message, zh: zh(r.detail) };
  };
  const P: FormulaPlace = { sheetId: ids.products, colId: 'new', row: true };

  test.each<[string, string, string]>([
    ['=[Price] + [SKU]', 'cannot add currency and text', '不能把金额和文本相加'],
    ['=[Prce] * 2', 'no column "Prce"; did you mean "Price"?', '没有名为“Prce”的列；你是不是要用“Price”？'],
    ['=SUMM(商品[成本])', 'no function SUMM; did you mean SUM?', '没有函数 SUMM；你是不是要用 SUM？'],
    ['=ROUND([Price])', 'ROUND takes 2 arguments, not 1', 'ROUND 需要 2 个参数，而不是 1 个'],
    ['=IFERROR([Price] / [Cost], "-") * 2', 'use IFERROR(…, 0) to keep a number', '用 IFERROR(…, 0) 让结果保持为数字'],
    ['=ROUND([Price], "2")', 'ROUND needs a number as its second argument (digits), not text', 'ROUND 的第 2 个参数（digits）需要数字，而不是文本'],
    ['=SUM(1, 2', 'a ")" is missing to close SUM(', '缺少“)”来结束 SUM('],
    ['=SUM({1,2;3})', 'every row of an array needs as many values as the first (2)', '数组的每一行都要和第一行一样有 2 个值'],
    ['=SUM({1;TRUE})', 'the values of a column of an array must agree: integer and boolean', '数组同一列中的值类型必须一致：整数和逻辑值'],
    ['=SORT(, 1)', 'an argument is missing: SORT needs its first argument (array)', '缺少一个参数：SORT 需要第 1 个参数（array）'],
    ['=商品[售价] * 2', 'this is a whole column, so the formula gives a list of values', '这是一整列，所以公式的结果是一组值'],
    ['=SEQUENCE(3)', 'the formula gives a list of values, and a column holds one value in each row', '这个公式的结果是一组值，而一列的每一行只能有一个值'],
    ['=CHOOSECOLS({1,2}, 3)', 'CHOOSECOLS: the array has 2 columns; there is no column 3', 'CHOOSECOLS：数组只有 2 列，没有第 3 列'],
  ])('%s is refused: "%s"', (formula, en, chinese) => {
    const r = refused(formula, P);
    expect(r.en).toContain(en);
    expect(r.zh).toContain(chinese);
  });

  test('an error value’s reason reads in Chinese, the names in it as the workbook shows them', () => {
    const r = engine.evaluate('=XLOOKUP("STA-1724", 商品[SKU], 商品[售价])');
    if (!r.ok || r.type !== 'error' || typeof r.value !== 'object' || r.value === null) throw new Error('expected an error value');
    expect(r.value.message).toBe('"STA-1724" was not found');
    expect(zh(r.value.detail)).toBe('找不到 "STA-1724"');
  });

  test('an array’s refusals and error values read in Chinese too', () => {
    const view = engine.check('=SUM(商品[售价])', { result: 'array' });
    if (view.ok) throw new Error('a single value was taken as a view');
    expect(zh(view.detail)).toContain('视图表显示一张表的行');
    const big = engine.evaluate('=SEQUENCE(1E9)');
    if (!big.ok || typeof big.value !== 'object' || big.value === null) throw new Error('expected an error value');
    expect(big.value.message).toBe('SEQUENCE would make an array of 1,000,000,000 values; at most 10,000,000 are allowed');
    expect(zh(big.value.detail)).toBe('SEQUENCE 函数会生成含 1,000,000,000 个值的数组，最多允许 10,000,000 个');
    const order = engine.evaluate('=SORT({3;1;2}, 1, 2)');
    if (!order.ok || typeof order.value !== 'object' || order.value === null) throw new Error('expected an error value');
    expect(order.value.message).toBe("SORT's sort order is 1 (ascending) or -1 (descending), not 2");
    expect(zh(order.value.detail)).toBe('SORT 的排序方式只能是 1（升序）或 -1（降序），而不是 2');
  });
});
