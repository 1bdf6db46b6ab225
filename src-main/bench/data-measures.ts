import { onDatabase } from '../lift/database-query.js';
import { LIFT_DOC, LIFT_PATHS } from '../lift/documents.js';
import { importLift } from '../lift/import.js';
import { validateQuery } from '../worksets/query/validate.js';
import type { BenchContext } from './setup.js';
import { twoFilterQuery } from './setup.js';
import { alternate, ratio, summarize, timed, type Summary } from './stats.js';

const RAW_OPTIONS = ['SET CHOP false', 'SET INTPARSE false', 'SET DTD false', 'SET XINCLUDE false', 'SET UPDINDEX true', 'SET ATTRINDEX true', 'SET ATTRINCLUDE guid,id', 'SET TEXTINDEX false'];

/** Import of the whole file against BaseX's own `CREATE DB` of it with the same options. */
export async function measureImport(c: BenchContext): Promise<Summary & { raw: Summary; ratio: number }> {
  const runs = Math.max(1, Math.min(c.options.runs, 3));
  const series = await alternate(
    runs,
    // Into a new name each time, as a first import is: a replacing one would also keep a backup.
    async () => {
      await c.admin.command('DROP DB bench_import');
  await c.admin.command('DROP DB bench_import__log');
      return importLift(c.admin, c.file, { database: 'bench_import' });
    },
    async () => {
      for (const option of RAW_OPTIONS) await c.admin.command(option);
      await c.admin.command(`CREATE DB bench_raw ${c.file}`);
      await c.admin.command('CLOSE');
    },
    0,
  );
  await c.admin.command('DROP DB bench_import');
  await c.admin.command('DROP DB bench_import__log');
  await c.admin.command('DROP DB bench_raw');
  const ours = summarize(series.a);
  const raw = summarize(series.b);
  return { ...ours, raw, ratio: ratio(ours.median_ms, raw.median_ms) };
}

/** The part of speech whose entries make the bulk workset closest to 20,000 entries (or a fifth of a smaller dictionary). */
export async function commonPos(c: BenchContext): Promise<string> {
  const counts = await c.admin.query(
    onDatabase(c.db, `declare variable $db external;
     for $p in distinct-values(db:open($db, '${LIFT_DOC}')/lift/entry/sense/grammatical-info/@value)
     return $p || '&#9;' || count(db:open($db, '${LIFT_DOC}')/lift/entry[sense/grammatical-info/@value = $p])`),
  );
  const target = Math.min(20_000, c.entries / 5);
  const byCount = counts.map((row) => row.split('\t')).map(([pos, n]) => ({ pos, n: Number(n) }));
  byCount.sort((a, b) => Math.abs(a.n - target) - Math.abs(b.n - target));
  return byCount[0]?.pos ?? 'Noun';
}

export async function measureCreate(c: BenchContext, pos: string): Promise<Summary & { total: number }> {
  const session = c.services.registry.open('bench-create');
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i <= c.options.runs; i++) {
    const run = await timed(() => c.worksets.create(session, { dictionary: c.db, name: `create ${i}`, query: twoFilterQuery(pos) }));
    if (i > 0) samples.push(run.ms);
    total = run.value.total;
    await c.worksets.delete(session, run.value.id);
  }
  await c.services.registry.close('bench-create');
  return { ...summarize(samples), total };
}

export async function measureValidate(c: BenchContext, pos: string): Promise<Summary> {
  const session = c.services.registry.open('bench-validate');
  const samples: number[] = [];
  for (let i = 0; i <= Math.max(10, c.options.runs * 2); i++) {
    const run = await timed(() => validateQuery(session, c.db, twoFilterQuery(pos)));
    if (i > 0) samples.push(run.ms);
  }
  await c.services.registry.close('bench-validate');
  return summarize(samples);
}

/**
 * Bulk `set` of the part of speech on a ~20,000-entry workset, journal and all (preview + run),
 * against one raw XQuery update of the same entries; then the undo of each of our runs.
 */
export async function measureBulk(c: BenchContext, worksetId: number): Promise<{ bulk: Summary & { entries: number; preview: Summary; raw: Summary; ratio: number }; undo: Summary & { ratio: number } }> {
  const session = c.services.registry.open('bench-bulk');
  const guids = c.services.store.entries.guids((await c.worksets.copy(session, worksetId)).localId);
  const undo: number[] = [];
  const previews: number[] = [];
  let round = 0;
  const series = await alternate(
    Math.max(1, Math.min(c.options.runs, 3)),
    async () => {
      const op = { action: 'set', field: 'pos', value: `Bench ${++round}` } as const;
      const { ms, value: preview } = await timed(() => c.bulk.preview(session, worksetId, op));
      previews.push(ms);
      await c.bulk.run(session, preview.operation.id);
      undo.push((await timed(() => c.bulk.undo(session, preview.operation.id))).ms);
    },
    async () => {
      await c.admin.query(
        onDatabase(c.db, `declare variable $db external; declare variable $guids external; declare variable $value external;
         let $now := format-dateTime(adjust-dateTime-to-timezone(current-dateTime(), xs:dayTimeDuration('PT0S')), '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z')
         for $e in db:open($db, '${LIFT_DOC}')/lift/entry[@guid = $guids]
         return (for $gi in ${LIFT_PATHS.senses('$e')}/grammatical-info return replace value of node $gi/@value with $value,
                 replace value of node $e/@dateModified with $now)`),
        { guids, value: `Raw ${round}` },
      );
    },
    0,
  );
  await c.services.registry.close('bench-bulk');
  const ours = summarize(series.a.map((ms, i) => ms - (undo[i] ?? 0)));
  const undone = summarize(undo);
  const raw = summarize(series.b);
  return {
    bulk: { ...ours, entries: guids.length, preview: summarize(previews), raw, ratio: ratio(ours.median_ms, raw.median_ms) },
    undo: { ...undone, ratio: ratio(undone.median_ms, ours.median_ms) },
  };
}
