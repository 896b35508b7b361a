/** Every benchmark `npm run bench` knows, in the order they run. */
import type { Bench } from './harness.ts';
import { modelBench } from './model.bench.ts';
import { relayBench } from './relay.bench.ts';

export const BENCHES: Bench[] = [modelBench, relayBench];
