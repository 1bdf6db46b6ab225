/**
 * Writes a large synthetic LIFT file and its .lift-ranges, for benchmarks.
 *
 *   tsx scripts/generate-synthetic.ts --entries 100000 --out FILE [--seed N]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { writeSyntheticLift } from './lift-generator.js';

const { values } = parseArgs({
  options: { entries: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
const entries = Number(values.entries);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(entries) || entries < 0 || !Number.isInteger(seed)) {
  console.error('usage: tsx scripts/generate-synthetic.ts --entries N --out FILE [--seed N]');
  process.exit(2);
}
const started = Date.now();
const written = await writeSyntheticLift(resolve(values.out), { entries, seed });
const took = Date.now() - started;
console.log(`${written.file}: ${written.entries} entries, ${written.senses} senses (${took} ms); ranges: ${written.rangesFile}`);
