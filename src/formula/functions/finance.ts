/** Finance: PMT (the payment of a loan or a savings plan) and NPV (net present value of future cash flows). */
import { divZero, isError } from '../errors.ts';
import type { Value } from '../values.ts';
import { numbersOf } from '../values.ts';
import { numeric } from './math.ts';
import { aggregateType, defineFunctions, type FunctionDef } from './registry.ts';

const num = (name: string, optional = false) => ({ name, kind: 'number', optional }) as const;

const FINANCE: FunctionDef[] = [
  {
    name: 'PMT', family: 'finance', params: [num('rate'), num('periods'), num('present_value'), num('future_value', true), num('type', true)],
    result: (c) => (c.args[2]?.t === 'currency' || c.args[3]?.t === 'currency' ? 'currency' : 'number'),
    impl: numeric((rate, n, pv, fv = 0, type = 0) => {
      if (n === 0) return divZero('finance.pmtPeriods');
      if (rate === 0) return -(pv + fv) / n;
      const g = (1 + rate) ** n;
      // Paid at the start of each period (type 1), every payment earns one period less.
      return -(rate * (fv + pv * g)) / ((1 + rate * (type !== 0 ? 1 : 0)) * (g - 1));
    }),
    doc: {
      en: 'The payment per period of a loan or savings plan at a fixed rate (negative: money paid out).',
      'zh-CN': '固定利率下贷款或储蓄计划每期的付款额（负数表示支出）。',
    },
    example: '=PMT(8% / 12, 10, 10000)',
  },
  {
    name: 'NPV', family: 'finance', params: [num('rate'), { name: 'cash_flows', kind: 'numlist' }], repeat: 1,
    result: aggregateType(false, 1),
    impl: (args: readonly Value[]) => {
      const r = numbersOf([args[0] ?? null]);
      if (isError(r)) return r;
      const rate = r[0] ?? 0;
      if (rate === -1) return divZero('finance.npvRate');
      const flows = numbersOf(args.slice(1));
      if (isError(flows)) return flows;
      // The first cash flow is at the end of the first period.
      return flows.reduce((sum, v, i) => sum + v / (1 + rate) ** (i + 1), 0);
    },
    doc: {
      en: 'Net present value of cash flows at the end of each period, discounted at a rate.',
      'zh-CN': '按折现率计算各期末现金流的净现值。',
    },
    example: '=NPV(10%, -10000, 3000, 4200, 6800)',
  },
];

defineFunctions(FINANCE);
