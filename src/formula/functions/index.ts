/** Loads every function family into the registry (import this once before checking formulas). */
import './math.ts';
import './aggregates.ts';
import './stats.ts';
import './stats-order.ts';
import './stats-fit.ts';
import './finance.ts';
import './logic.ts';
import './lookup.ts';
import './text.ts';
import './text-edit.ts';
import './date.ts';
import './date-work.ts';
import './date-time.ts';
import './ops.ts';
import './arrays.ts';
import './array-shape.ts';

export { defineFunctions, getFunction, listFunctions, resultLabel, signatureOf } from './registry.ts';
export type { CallContext, FunctionDef, Param, ParamKind, ResultContext, Thunk } from './registry.ts';
