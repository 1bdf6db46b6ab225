import type { BenchContext } from './setup.js';
import { summarize, timed, type Summary } from './stats.js';

/**
 * Finding candidate duplicates in the whole dictionary, as `workset-browser duplicates` does:
 * one query reading every entry's headword, glosses and parts of speech, then the grouping in
 * Node. `read_ms` is the query's share of the last run.
 */
export async function measureDuplicates(c: BenchContext): Promise<Summary & { groups: number; read: Summary }> {
  const session = c.services.registry.open('bench-duplicates');
  const { duplicates } = c.services.services;
  const samples: number[] = [];
  const reads: number[] = [];
  let groups = 0;
  for (let i = 0; i <= Math.max(1, c.options.runs); i++) {
    const run = await timed(() => duplicates.find(session, c.db, { onRead: (ms) => (i > 0 ? reads.push(ms) : undefined) }));
    if (i > 0) samples.push(run.ms);
    groups = run.value.groups.length;
  }
  await c.services.registry.close('bench-duplicates');
  return { ...summarize(samples), groups, read: summarize(reads) };
}
