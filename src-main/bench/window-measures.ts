import { availableParallelism } from 'node:os';
import type { Queryable } from '../basex/queryable.js';
import { onDatabase } from '../lift/database-query.js';
import { LIFT_DOC } from '../lift/documents.js';
import { VIEW_FUNCTIONS } from '../lift/entry-view.js';
import { querySchema } from '../ipc/contract/query.js';
import { compileQuery } from '../worksets/query/compile.js';
import { KEY_FUNCTIONS } from '../lift/entry-keys.js';
import { orderClauses } from '../worksets/query/keys.js';
import { matchingEntries } from '../worksets/query/run.js';
import type { BenchContext } from './setup.js';
import type { WorksetQuery } from '../domain/query-model.js';
import { ratio, summarize, timed, type Summary } from './stats.js';

const PAGE = 50;

/** The bare XQuery that computes one page of a workset's query from scratch: query, sort, slice, views. */
function barePage(c: BenchContext, session: Queryable, query: WorksetQuery, offset: number): Promise<string[]> {
  const compiled = compileQuery(query);
  const xquery = `${compiled.prolog}\n${KEY_FUNCTIONS}\n${VIEW_FUNCTIONS}
declare variable $offset as xs:integer external;
subsequence(for $e in (${matchingEntries(compiled)} return $e)
  ${orderClauses(query.sort)}
  return $e, $offset + 1, ${PAGE}) ! local:view(.)`;
  return session.query(onDatabase(c.db, xquery), { ...compiled.bindings, offset }, { idempotent: true });
}

/** A page of 50 of a workset, as a window asks for it. */
export function ourPage(c: BenchContext, session: Queryable, worksetId: number, offset: number): Promise<unknown> {
  return c.worksets.page(session, worksetId, { offset, limit: PAGE, sort: { by: 'headword', dir: 'asc' } });
}

/** A page of 50 at the start, middle and end: ours (SQLite + 50 views) against the bare XQuery. */
export async function measurePage(c: BenchContext, worksetId: number): Promise<Summary & { bare: Summary; ratio: number }> {
  const session = c.services.registry.open('bench-page');
  const total = (await c.worksets.progress(session, worksetId)).total;
  const query = querySchema.parse((await c.worksets.get(session, worksetId)).query);
  const offsets = [0, Math.floor(total / 2), Math.max(0, total - PAGE)];
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = -1; i < Math.max(5, c.options.runs * 2); i++) {
    for (const offset of offsets) {
      const a = await timed(() => ourPage(c, session, worksetId, offset));
      const b = await timed(() => barePage(c, session, query, offset));
      if (i >= 0) {
        ours.push(a.ms);
        bare.push(b.ms);
      }
    }
  }
  await c.services.registry.close('bench-page');
  const o = summarize(ours);
  const b = summarize(bare);
  return { ...o, bare: b, ratio: ratio(o.median_ms, b.median_ms) };
}

/** Pages at random offsets; each window on its own session. */
export async function pageLoop(c: BenchContext, session: Queryable, worksetId: number, count: number, seed: number): Promise<number[]> {
  const total = (await c.worksets.progress(session, worksetId)).total;
  const samples: number[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    samples.push((await timed(() => ourPage(c, session, worksetId, state % Math.max(1, total - PAGE)))).ms);
  }
  return samples;
}

/**
 * Eight windows paging at once against one window alone (p95 against p95).
 *
 * `cpu_floor` is the ratio that CPU-bound pages cannot beat on this machine: eight pages at
 * once on `cores` cores take at least 8 / cores times as long as one (the ≤ 2× goal assumes
 * four cores or more).
 */
export async function measureConcurrent(c: BenchContext, worksetId: number): Promise<Summary & { single: Summary; ratio: number; cores: number; cpu_floor: number }> {
  const windows = Array.from({ length: 8 }, (_, i) => c.services.registry.open(`bench-concurrent-${i}`));
  await Promise.all(windows.map((w) => w.ready()));
  const perWindow = Math.max(10, c.options.runs * 4);
  await pageLoop(c, windows[0], worksetId, 3, 1);
  const single = summarize(await pageLoop(c, windows[0], worksetId, perWindow, 2));
  const all = summarize((await Promise.all(windows.map((w, i) => pageLoop(c, w, worksetId, perWindow, 10 + i)))).flat());
  await Promise.all(windows.map((_, i) => c.services.registry.close(`bench-concurrent-${i}`)));
  const cores = availableParallelism();
  return { ...all, single, ratio: ratio(all.p95_ms, single.p95_ms), cores, cpu_floor: ratio(windows.length, Math.min(cores, windows.length)) };
}

/** A query that scans every entry's text: about a second or two at 100,000 entries. */
const LONG_QUERY = `declare variable $db external;
count(db:open($db, '${LIFT_DOC}')/lift/entry[some $t in .//text satisfies matches($t, '^[^q]*a.*e.*i')])`;

/**
 * Paging beside another window's long query: on its own session (the design) and on one
 * session shared with the long query (what the replaced app did), each against unloaded paging.
 */
export async function measureBesideLongQuery(c: BenchContext, worksetId: number): Promise<Summary & { unloaded: Summary; shared: Summary; long_query_ms: number; ratio_own: number; ratio_shared: number }> {
  const pager = c.services.registry.open('bench-pager');
  const other = c.services.registry.open('bench-long');
  await Promise.all([pager.ready(), other.ready()]);
  const count = Math.max(10, c.options.runs * 4);
  const longQuery = onDatabase(c.db, LONG_QUERY);
  const longRun = await timed(() => other.query(longQuery));
  const unloaded = summarize(await pageLoop(c, pager, worksetId, count, 3));
  const beside = async (session: Queryable): Promise<number[]> => {
    let busy = true;
    const loop = (async () => {
      while (busy) await other.query(longQuery);
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      return await pageLoop(c, session, worksetId, count, 4);
    } finally {
      busy = false;
      await loop;
    }
  };
  const own = summarize(await beside(pager));
  const shared = summarize(await beside(other));
  await Promise.all([c.services.registry.close('bench-pager'), c.services.registry.close('bench-long')]);
  return { ...own, unloaded, shared, long_query_ms: Math.round(longRun.ms), ratio_own: ratio(own.p95_ms, unloaded.p95_ms), ratio_shared: ratio(shared.p95_ms, unloaded.p95_ms) };
}

/** Resident memory of this process (the host) with eight windows open and paged. */
export async function measureRss(c: BenchContext, worksetId: number): Promise<{ value: number; windows: number }> {
  const windows = Array.from({ length: 8 }, (_, i) => c.services.registry.open(`bench-rss-${i}`));
  await Promise.all(windows.map((w, i) => pageLoop(c, w, worksetId, 5, 20 + i)));
  const value = Math.round(process.memoryUsage().rss / 2 ** 20);
  await Promise.all(windows.map((_, i) => c.services.registry.close(`bench-rss-${i}`)));
  return { value, windows: windows.length };
}
