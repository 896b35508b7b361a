/**
 * What the import reads from text is always a value the model takes: `parseCellText` never
 * returns a value that `checkValue` refuses (the plan relies on it and skips a second check).
 * Seeded over random texts built from number, date, yes/no and choice fragments.
 */
import { expect, test } from 'vitest';
import { parseCellText } from '../../../src/csv/index.ts';
import { checkValue, COLUMN_TYPES, type Column } from '../../../src/schema/index.ts';
import { seededRandom } from '../../support/random.ts';

const FRAGMENTS = [
  '0', '1', '7', '9', '00', '12', '2026', '9007199254740993', '1e21', '1e400', 'e5', '.', ',', '-', '−', '+', '(', ')',
  '%', '¥', '$', '€', '元', 'US$', ' ', '/', '年', '月', '日', 'Jan', 'Feb', 'true', 'no', '是', '否', 'App', 'app',
  'Web', 'x', "'", '=', '\u00a0', '\u3000', 'T10:30', ' PM',
];

const SEEDS = Number(process.env.CSV_SEEDS ?? 150);

test(`parse agrees with the model: ${SEEDS} seeds × 200 random texts, every accepted value passes checkValue`, () => {
  const columns: Pick<Column, 'type' | 'options'>[] = COLUMN_TYPES.flatMap((type) => [
    { type, options: {} },
    { type, options: type === 'choice' ? { choices: ['App', 'Web'] } : type === 'currency' ? { currency: 'USD' } : {} },
  ]);
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rnd = seededRandom(seed);
    for (let i = 0; i < 200; i++) {
      let text = '';
      for (let n = 1 + rnd.int(6); n > 0; n--) text += rnd.pick(FRAGMENTS);
      const column = rnd.pick(columns);
      const parsed = parseCellText(text, column, { dateOrder: rnd.pick(['MDY', 'DMY'] as const) });
      if (parsed.ok && !checkValue(column, parsed.value).ok) {
        expect.fail(`seed ${seed}: ${JSON.stringify(text)} as ${column.type} gave ${JSON.stringify(parsed.value)}, which the model refuses`);
      }
    }
  }
});
