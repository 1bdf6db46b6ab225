import type { WindowSession } from '../basex/window-session.js';
import { logDatabase } from '../lift/database-query.js';
import { importLift } from '../lift/import.js';
import type { BenchContext } from './setup.js';
import { ratio, summarize, timed, type Summary } from './stats.js';
import { ourPage, pageLoop } from './window-measures.js';

const PAGE = 50;
/** The dictionary beside the bench's own: a copy of it, so its pages cost the same. */
const OTHER_DB = 'bench_other';

type PagesBeside = Summary & { unloaded: Summary; pages: number; bulk_ms: number };

/**
 * Pages beside a bulk run, in another window: of another dictionary (`beside_other_write`),
 * which the run must not hold up at all since each query locks only the database it names; and
 * of the dictionary being written (`beside_own_write`), whose pages wait for at most the batch
 * being written (a quarter of a second by the batch sizer's aim).
 *
 * Each round pages unloaded, then pages while a bulk `set` runs on the bench dictionary, then
 * undoes it: loaded and unloaded alternate, so machine noise falls on both. A page counts as
 * beside the run if it started while the run was going.
 */
export async function measureBesideWrites(c: BenchContext, worksetId: number): Promise<{ other: PagesBeside & { ratio: number; ratio_median: number }; own: PagesBeside }> {
  await importLift(c.admin, c.file, { database: OTHER_DB });
  const otherSet = await c.worksets.create(c.admin, { dictionary: OTHER_DB, name: 'bench beside', query: { match: 'all', filters: [] } });
  const writer = c.services.registry.open('bench-writer');
  const pager = c.services.registry.open('bench-beside');
  await Promise.all([writer.ready(), pager.ready()]);
  try {
    const other = await pagesBeside(c, writer, pager, worksetId, otherSet.id, 1);
    const own = await pagesBeside(c, writer, pager, worksetId, worksetId, 2);
    // p95 is the goal's figure; the median shows the typical page apart from CPU shared with the run.
    const ratios = { ratio: ratio(other.p95_ms, other.unloaded.p95_ms), ratio_median: ratio(other.median_ms, other.unloaded.median_ms) };
    return { other: { ...other, ...ratios }, own };
  } finally {
    await Promise.all([c.services.registry.close('bench-writer'), c.services.registry.close('bench-beside')]);
    await c.worksets.delete(c.admin, otherSet.id);
    await c.admin.command(`DROP DB ${OTHER_DB}`);
    await c.admin.command(`DROP DB ${logDatabase(OTHER_DB)}`);
  }
}

async function pagesBeside(c: BenchContext, writer: WindowSession, pager: WindowSession, bulkSet: number, pagedSet: number, seed: number): Promise<PagesBeside> {
  const total = (await c.worksets.progress(pager, pagedSet)).total;
  const rounds = Math.max(2, c.options.runs);
  const perRound = Math.max(5, c.options.runs * 2);
  const unloaded: number[] = [];
  const beside: number[] = [];
  const bulk: number[] = [];
  let state = seed;
  const nextOffset = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) % Math.max(1, total - PAGE);
  await pageLoop(c, pager, pagedSet, 2, seed);
  for (let round = 0; round < rounds; round++) {
    unloaded.push(...(await pageLoop(c, pager, pagedSet, perRound, seed * 100 + round)));
    const { operation } = await c.bulk.preview(writer, bulkSet, { action: 'set', field: 'pos', value: `Beside ${seed}.${round}` });
    let running = true;
    const run = timed(() => c.bulk.run(writer, operation.id)).finally(() => (running = false));
    while (running) beside.push((await timed(() => ourPage(c, pager, pagedSet, nextOffset()))).ms);
    bulk.push((await run).ms);
    await c.bulk.undo(writer, operation.id);
  }
  return { ...summarize(beside), unloaded: summarize(unloaded), pages: beside.length, bulk_ms: summarize(bulk).median_ms };
}
