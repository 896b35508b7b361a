/** Every benchmark `npm run bench` knows, in the order they run. */
import type { Bench } from './harness.ts';
import { formulaBench } from './formula.bench.ts';
import { modelBench } from './model.bench.ts';

export const BENCHES: Bench[] = [modelBench, formulaBench];
