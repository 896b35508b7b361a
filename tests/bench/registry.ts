/** Every benchmark `npm run bench` knows, in the order they run. */
import { arraysBench } from './arrays.bench.ts';
import { chartsBench } from './charts.bench.ts';
import { csvUiBench } from './csv-ui.bench.ts';
import { csvBench } from './csv.bench.ts';
import { dependentsBench } from './dependents.bench.ts';
import { findBench } from './find.bench.ts';
import { rulesBench } from './rules.bench.ts';
import { formulaBench } from './formula.bench.ts';
import { formulaLimitsBench } from './formula-limits.bench.ts';
import { gridBench } from './grid.bench.ts';
import { historyBench } from './history.bench.ts';
import type { Bench } from './harness.ts';
import { modelBench } from './model.bench.ts';
import { ownersBench } from './owners.bench.ts';
import { relayAbuseBench } from './relay-abuse.bench.ts';
import { relayBench } from './relay.bench.ts';
import { relayPgBench } from './relay-pg.bench.ts';
import { vandalBench } from './vandal.bench.ts';
import { wrapBench } from './wrap.bench.ts';

export const BENCHES: Bench[] = [modelBench, formulaBench, formulaLimitsBench, arraysBench, csvBench, historyBench, vandalBench, dependentsBench, findBench, rulesBench, gridBench, wrapBench, csvUiBench, chartsBench, relayBench, relayAbuseBench, ownersBench, relayPgBench];
