import { measureBulk, measureCreate, measureImport, measureValidate, commonPos } from './data-measures.js';
import { measureDuplicates } from './duplicate-measures.js';
import { measureEditRecord, measurePropagation } from './log-measures.js';
import { machine, setUp, tearDown, type BenchOptions } from './setup.js';
import { measureTeam } from './team-measures.js';
import { measureBesideLongQuery, measureConcurrent, measurePage, measureRss } from './window-measures.js';
import { measureBesideWrites } from './write-measures.js';

/** The bench JSON: a fixed shape other tools read (keys may be added, never renamed). */
export interface BenchReport {
  readonly entries: number;
  readonly machine: string;
  readonly file: string;
  readonly date: string;
  readonly measures: Readonly<Record<string, object>>;
  readonly goals: readonly GoalCheck[];
}

export interface GoalCheck {
  readonly measure: string;
  readonly figure: string;
  readonly value: number;
  readonly goal: string;
  readonly met: boolean;
}

/**
 * Runs every measure on one dictionary in one process: each ratio compares two things timed in
 * the same run, alternately, so machine noise falls on both.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const c = await setUp(options);
  try {
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      options.log(`measuring ${name}`);
      return work();
    };
    const pos = await commonPos(c);
    const importFigures = await step('import', () => measureImport(c));
    const create = await step('create_workset', () => measureCreate(c, pos));
    const validate = await step('validate', () => measureValidate(c, pos));
    const bulkSet = await c.worksets.create(c.admin, { dictionary: c.db, name: 'bench pages', query: { match: 'all', filters: [{ field: 'pos', op: 'equals', value: pos }] } });
    const page = await step('page', () => measurePage(c, bulkSet.id));
    const concurrent = await step('concurrent_8', () => measureConcurrent(c, bulkSet.id));
    const beside = await step('beside_long_query', () => measureBesideLongQuery(c, bulkSet.id));
    const rss = await step('rss_mb', () => measureRss(c, bulkSet.id));
    const besideWrites = await step('beside_other_write and beside_own_write', () => measureBesideWrites(c, bulkSet.id));
    const { bulk, undo } = await step('bulk and undo', () => measureBulk(c, bulkSet.id));
    const editRecord = await step('edit_record', () => measureEditRecord(c));
    const propagation = await step('propagation', () => measurePropagation(c));
    const duplicates = await step('duplicates', () => measureDuplicates(c));
    // Last: its 80 windows write hundreds of records and glosses the measures above would meet.
    const team = await step('team_20x4', () => measureTeam(c, bulkSet.id));
    const measures = {
      import: importFigures,
      create_workset: { ...create, filters: 2, pos },
      page,
      concurrent_8: concurrent,
      beside_long_query: beside,
      beside_other_write: besideWrites.other,
      beside_own_write: besideWrites.own,
      bulk_20k: bulk,
      undo,
      edit_record: editRecord,
      propagation,
      validate,
      rss_mb: rss,
      team_20x4: team,
      duplicates,
    };
    return { entries: c.entries, machine: machine(), file: c.file, date: new Date().toISOString(), measures, goals: goals(measures) };
  } finally {
    await tearDown(c);
  }
}

function goals(m: {
  import: { ratio: number };
  create_workset: { median_ms: number };
  page: { p95_ms: number; ratio: number };
  concurrent_8: { ratio: number };
  beside_long_query: { ratio_own: number };
  beside_other_write: { ratio: number };
  bulk_20k: { ratio: number };
  undo: { ratio: number };
  edit_record: { ratio: number };
  propagation: { p95_ms: number };
  validate: { p95_ms: number };
  rss_mb: { value: number };
  team_20x4: { propagation_p95_ms: number; lost: number };
  duplicates: { median_ms: number };
}): GoalCheck[] {
  const check = (measure: string, figure: string, value: number, goal: string, limit: number): GoalCheck => ({ measure, figure, value, goal, met: value <= limit });
  return [
    check('import', 'ratio to raw CREATE DB', m.import.ratio, '≤ 1.5×', 1.5),
    check('create_workset', 'median ms', m.create_workset.median_ms, '≤ 500 ms', 500),
    check('page', 'p95 ms', m.page.p95_ms, '≤ 50 ms', 50),
    check('page', 'ratio to bare XQuery', m.page.ratio, '≤ 1.5×', 1.5),
    check('concurrent_8', 'p95 ratio to 1 window', m.concurrent_8.ratio, '≤ 2×', 2),
    check('beside_long_query', 'p95 ratio, own session', m.beside_long_query.ratio_own, '≤ 1.5×', 1.5),
    check('beside_other_write', 'p95 ratio to unloaded, bulk run in another dictionary', m.beside_other_write.ratio, '≤ 1.5×', 1.5),
    check('bulk_20k', 'ratio to raw XQuery update', m.bulk_20k.ratio, '≤ 2×', 2),
    check('undo', 'ratio to the bulk run', m.undo.ratio, '≤ 1×', 1),
    check('edit_record', 'ratio to the same edit without its record', m.edit_record.ratio, '≤ 1.3×', 1.3),
    check('propagation', 'p95 ms, change to another process', m.propagation.p95_ms, '≤ 500 ms', 500),
    check('validate', 'p95 ms', m.validate.p95_ms, '≤ 150 ms', 150),
    check('rss_mb', 'MB with 8 windows', m.rss_mb.value, '≤ 300 MB', 300),
    check('team_20x4', 'acknowledged writes not stored', m.team_20x4.lost, '0', 0),
    check('team_20x4', 'p95 ms, an edit to another desktop, 80 windows at work', m.team_20x4.propagation_p95_ms, '≤ 500 ms', 500),
    check('duplicates', 'median ms, candidate duplicates of the whole dictionary', m.duplicates.median_ms, '≤ 10 s', 10_000),
  ];
}

/** The table people read. */
export function formatReport(report: BenchReport): string {
  const rows = report.goals.map((g) => `| ${g.measure} | ${g.figure} | ${g.value} | ${g.goal} | ${g.met ? 'met' : 'MISSED'} |`);
  return [
    `${report.entries} entries (${report.file})`,
    report.machine,
    '',
    '| Measure | Figure | Value | Goal | |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
