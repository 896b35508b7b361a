/** The parser: precedence and associativity as in Excel, every literal and reference form, ranges of errors. */
import { describe, expect, it } from 'vitest';
import { FormulaSyntaxError, parseFormula, type Node } from '../../../src/formula/index.ts';

/** The tree as a compact string: (op a b), [Col], Sheet[Col], [Ref].[Col], F(args). */
const show = (n: Node): string => {
  switch (n.kind) {
    case 'number':
      return String(n.value);
    case 'string':
      return JSON.stringify(n.value);
    case 'boolean':
      return n.value ? 'TRUE' : 'FALSE';
    case 'error':
      return n.code;
    case 'name':
      return `name:${n.ref.name ?? `#${n.ref.id}`}`;
    case 'ref': {
      const nm = (r: { name?: string; id?: string }) => r.name ?? `#${r.id}`;
      if (n.sheet) return `${nm(n.sheet)}[${nm(n.column)}]`;
      return n.follow ? `[${nm(n.column)}].[${nm(n.follow)}]` : `[${nm(n.column)}]`;
    }
    case 'unary':
      return `(${n.op} ${show(n.arg)})`;
    case 'percent':
      return `(% ${show(n.arg)})`;
    case 'binary':
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'call':
      return `${n.name}(${n.args.map(show).join(' ')})`;
    case 'array':
      return `{${n.rows.map((r) => r.map(show).join(' ')).join('; ')}}`;
    case 'omitted':
      return '_';
  }
};

describe('parser: precedence and associativity', () => {
  it.each([
    ['=1+2*3', '(+ 1 (* 2 3))'],
    ['=(1+2)*3', '(* (+ 1 2) 3)'],
    ['=1-2-3', '(- (- 1 2) 3)'],
    ['=8/4/2', '(/ (/ 8 4) 2)'],
    ['=2^3^2', '(^ (^ 2 3) 2)'],
    ['=-2^2', '(^ (- 2) 2)'],
    ['=2*3^2', '(* 2 (^ 3 2))'],
    ['=50%*2', '(* (% 50) 2)'],
    ['=-5%', '(- (% 5))'],
    ['="a"&1+2', '(& "a" (+ 1 2))'],
    ['=1+2=3', '(= (+ 1 2) 3)'],
    ['=1<2=TRUE', '(= (< 1 2) TRUE)'],
    ['="a"&"b"="ab"', '(= (& "a" "b") "ab")'],
    ['=1<>2', '(<> 1 2)'],
    ['=1<=2', '(<= 1 2)'],
    ['=1>=2', '(>= 1 2)'],
    ['=--1', '(- (- 1))'],
    ['=+1', '(+ 1)'],
  ])('%s reads %s', (text, tree) => {
    expect(show(parseFormula(text))).toBe(tree);
  });
});

describe('parser: literals', () => {
  it.each([
    ['=42', '42'],
    ['=3.25', '3.25'],
    ['=.5', '0.5'],
    ['=1e3', '1000'],
    ['=2.5E-2', '0.025'],
    ['="text"', '"text"'],
    ['="say ""hi"""', '"say \\"hi\\""'],
    ['=""', '""'],
    ['="中文"', '"中文"'],
    ['=TRUE', 'TRUE'],
    ['=false', 'FALSE'],
    ['=#N/A', '#N/A'],
    ['=#REF!', '#REF!'],
    ['=#DIV/0!', '#DIV/0!'],
  ])('%s', (text, tree) => {
    expect(show(parseFormula(text))).toBe(tree);
  });

  it('marks whole numbers as integers and decimals as numbers', () => {
    expect(parseFormula('=12')).toMatchObject({ kind: 'number', integer: true });
    expect(parseFormula('=12.0')).toMatchObject({ kind: 'number', integer: false });
  });
});

describe('parser: references and calls', () => {
  it.each([
    ['=[Price]', '[Price]'],
    ['=[ Unit cost ]', '[Unit cost]'],
    ['=[a]]b]', '[a]b]'],
    ['=Products[Cost]', 'Products[Cost]'],
    ["='Campaign calendar'[Budget]", 'Campaign calendar[Budget]'],
    ["='Bob''s'[X]", "Bob's[X]"],
    ['=[Product].[Cost]', '[Product].[Cost]'],
    ['=商品[成本]', '商品[成本]'],
    ['=[库存].[售价]', '[库存].[售价]'],
    ['=SUM(Products[Cost], 1)', 'SUM(Products[Cost] 1)'],
    ['=norm.s.inv(0.95)', 'NORM.S.INV(0.95)'],
    ['=TODAY()', 'TODAY()'],
    ['=IF([A]>0, "yes", "no")', 'IF((> [A] 0) "yes" "no")'],
    ['=VLOOKUP([SKU], Products, 2, FALSE)', 'VLOOKUP([SKU] name:Products 2 FALSE)'],
    ['=SUM（1，2）', 'SUM(1 2)'],
    ['=SUM(1; 2)', 'SUM(1 2)'],
    ['=SUM(1；2)', 'SUM(1 2)'],
    ['=TEXTSPLIT(A, , ".")', 'TEXTSPLIT(name:A _ ".")'],
    ['=SORT(X,,-1)', 'SORT(name:X _ (- 1))'],
  ])('%s', (text, tree) => {
    expect(show(parseFormula(text))).toBe(tree);
  });

  it('reads the stored form by id', () => {
    expect(show(parseFormula('=[#c1] + #s2[#c3] + [#r].[#c4] + VLOOKUP(1, #s2, 2)', 'stored'))).toBe(
      '(+ (+ (+ [#c1] #s2[#c3]) [#r].[#c4]) VLOOKUP(1 name:#s2 2))',
    );
  });

  it('keeps the source range of every node', () => {
    const n = parseFormula('=SUM([Price], 2) * 3');
    expect(n).toMatchObject({ kind: 'binary', from: 1, to: 20 });
    if (n.kind !== 'binary' || n.left.kind !== 'call') throw new Error('unexpected tree');
    expect(n.left.args[0]).toMatchObject({ kind: 'ref', from: 5, to: 12 });
  });
});

describe('parser: array constants', () => {
  it.each([
    ['={1,2,3}', '{1 2 3}'],
    ['={1;2;3}', '{1; 2; 3}'],
    ['={1,2;3,4}', '{1 2; 3 4}'],
    ['={-1.5, +2, "a", TRUE, #N/A}', '{-1.5 2 "a" TRUE #N/A}'],
    ['=SUM({1,2} * {3;4}, 1)', 'SUM((* {1 2} {3; 4}) 1)'],
    ['=｛1，2；3，4｝', '{1 2; 3 4}'],
    ['={7}', '{7}'],
  ])('%s', (text, tree) => {
    expect(show(parseFormula(text))).toBe(tree);
  });

  it('marks whole numbers of an array as integers and keeps the sign in the range', () => {
    const n = parseFormula('={-3, 2.5}');
    if (n.kind !== 'array') throw new Error('unexpected tree');
    expect(n.rows[0]).toMatchObject([{ kind: 'number', value: -3, integer: true, from: 2, to: 4 }, { integer: false }]);
  });
});

describe('parser: what cannot be read says where', () => {
  it.each([
    ['=', 'the formula is empty', 0, 1],
    ['=1+', 'the formula ends too early', 3, 3],
    ['=(1+2', 'a ")" is missing', 1, 5],
    ['=1+2)', 'has no matching "("', 4, 5],
    ['=SUM(1,)', 'an argument is missing', 7, 8],
    ['=SUM(1 2)', 'is a comma missing', 7, 8],
    ['="abc', 'no closing quote', 1, 5],
    ['=[Price', 'no closing "]"', 1, 7],
    ['=[]', 'a column name is missing', 1, 3],
    ['=1 $ 2', 'cannot be used here', 3, 4],
    ['=Products[SKU].[Cost]', 'only be followed in the same row', 14, 21],
    ['={1,2;3}', 'every row of an array needs as many values as the first (2)', 6, 8],
    ['={1,[Price]}', 'an array holds only numbers, texts, TRUE, FALSE and error values', 4, 11],
    ['={1+2}', 'is not expected in an array', 3, 4],
    ['={1,2', 'a "}" is missing', 1, 5],
    ['={-"a"}', 'an array holds only numbers', 3, 6],
  ])('%s: %s', (text, message, from, to) => {
    try {
      parseFormula(text);
      expect.fail('should not parse');
    } catch (e) {
      expect(e).toBeInstanceOf(FormulaSyntaxError);
      expect((e as FormulaSyntaxError).message).toContain(message);
      expect([(e as FormulaSyntaxError).from, (e as FormulaSyntaxError).to]).toEqual([from, to]);
    }
  });
});
