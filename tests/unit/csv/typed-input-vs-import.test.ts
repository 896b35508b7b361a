/**
 * Why typed input (`parseInput`, src/model: editors and paste) and CSV import (`parseCellText`,
 * src/csv) stay two readers: on these texts they must read differently. A person typing into a
 * cell is helped by guesses (percent points, this year, the language's date order); a file is read
 * exactly as it was written, with the order and currency the person confirmed for its column, so
 * that an export reads back as the same values.
 */
import { describe, expect, test } from 'vitest';
import { parseCellText } from '../../../src/csv/index.ts';
import { parseInput, type CellValue, type Column, type ColumnType } from '../../../src/schema/index.ts';

const col = (type: ColumnType, options: Column['options'] = {}): Pick<Column, 'type' | 'options'> => ({ type, options });
const typed = (text: string, column: Pick<Column, 'type' | 'options'>): CellValue | 'refused' => {
  const r = parseInput(text, column, { locale: 'en', currentYear: 2026 });
  return r.ok ? r.value : 'refused';
};
const imported = (text: string, column: Pick<Column, 'type' | 'options'>): CellValue | 'refused' => {
  const r = parseCellText(text, column, { dateOrder: 'DMY' });
  return r.ok ? r.value : 'refused';
};

describe('typed input and CSV import read these texts differently, on purpose', () => {
  test.each([
    ['12.5', col('percent'), 0.125, 12.5, 'typing 12.5 in a percent cell means 12.5 %; a file holds the value itself (a raw export writes 0.125)'],
    ['0.125', col('percent'), 0.00125, 0.125, 'the same rule the other way round'],
    ['3/4', col('date'), '2026-03-04', 'refused', 'typing may leave out the year; a file without years would be read with a guessed one'],
    ['05/01/2026', col('date'), '2026-05-01', '2026-01-05', 'typing follows the language; a file follows the order confirmed for its column'],
    ['05.01.2026', col('date'), 'refused', '2026-01-05', 'European exports write dates with dots'],
    ['$12', col('currency', { currency: 'CNY' }), 12, 'refused', 'a typed sign is decoration; dollars in a yuan column of a file are a wrong column or a wrong file'],
  ] as const)('%j as %s: typed %j, imported %j (%s)', (text, column, fromTyping, fromFile, _why) => {
    expect(typed(text, column)).toEqual(fromTyping);
    expect(imported(text, column)).toEqual(fromFile);
  });
});
