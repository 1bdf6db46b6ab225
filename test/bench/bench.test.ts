import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { formatReport, runBench } from '../../src-main/bench/run-bench.js';

const folder = mkdtempSync(join(tmpdir(), 'wb-bench-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const summary = { median_ms: expect.any(Number), p95_ms: expect.any(Number), min_ms: expect.any(Number), max_ms: expect.any(Number), runs: expect.any(Number) };

// Proves the benchmark runs and keeps its JSON shape; timings at this size mean nothing and are not asserted.
it('runs every measure on a tiny synthetic dictionary and reports the fixed JSON shape', async () => {
  const report = await runBench({ entries: 1_500, runs: 1, dataFolder: folder, log: () => undefined });
  expect(report).toMatchObject({
    entries: 1_500,
    machine: expect.stringContaining('Node'),
    measures: {
      import: { ...summary, ratio: expect.any(Number) },
      create_workset: summary,
      page: { ...summary, ratio: expect.any(Number) },
      concurrent_8: { ...summary, ratio: expect.any(Number) },
      beside_long_query: { ratio_own: expect.any(Number), ratio_shared: expect.any(Number) },
      beside_other_write: { ...summary, ratio: expect.any(Number), unloaded: summary, pages: expect.any(Number), bulk_ms: expect.any(Number) },
      beside_own_write: { ...summary, unloaded: summary, pages: expect.any(Number), bulk_ms: expect.any(Number) },
      bulk_20k: { ...summary, ratio: expect.any(Number) },
      undo: { ...summary, ratio: expect.any(Number) },
      validate: summary,
      rss_mb: { value: expect.any(Number) },
      edit_record: { ...summary, raw: summary, ratio: expect.any(Number) },
      propagation: { ...summary, via: expect.stringMatching(/^(serve|watch)$/) },
      duplicates: { ...summary, groups: expect.any(Number), read: summary },
      team_20x4: { desktops: 20, windows: 80, page_p95_ms: expect.any(Number), save_p95_ms: expect.any(Number), propagation_p95_ms: expect.any(Number), acknowledged: expect.any(Number), refused: expect.any(Number), lost: 0 },
    },
  });
  expect(report.goals).toHaveLength(16);
  // Each beside-a-write measure paged at least once while a bulk run was going.
  for (const key of ['beside_other_write', 'beside_own_write']) expect((report.measures[key] as { pages: number }).pages).toBeGreaterThan(0);
  expect(formatReport(report)).toMatch(/\| page \| p95 ms \|/);
}, 300_000);
