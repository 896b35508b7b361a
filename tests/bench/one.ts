/** Runs one benchmark by name in this process and prints its figures as one `@@result` JSON line. */
import { BENCHES } from './registry.ts';

const name = process.argv[2];
const bench = BENCHES.find((b) => b.name === name);
if (!bench) {
  console.error(`No benchmark named ${name}`);
  process.exit(2);
}
const figures = await bench.run();
console.log(`@@result ${JSON.stringify(figures)}`);
process.exit(0);
