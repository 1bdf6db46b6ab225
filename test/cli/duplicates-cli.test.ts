import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkOperation } from '../../src-main/domain/bulk-operations.js';
import type { DuplicateReport, MergeOutcome, MergePreview } from '../../src-main/domain/duplicates.js';
import { uniqueName } from '../helpers/basex.js';
import { jsonOf, runCli, type CliRun } from '../helpers/cli.js';
import { sharedLiftFiles } from '../helpers/shared-lift.js';

const work = mkdtempSync(join(tmpdir(), 'wb-dupes-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = (...args: string[]): Promise<CliRun> => runCli(work, ...args);

const json = jsonOf;

/** `duplicates` and `merge` as other tools call them, in real processes, on Sena's own homographs. */
describe('workset-browser duplicates and merge', () => {
  const db = uniqueName('cli_dupes');
  let report: DuplicateReport;

  beforeAll(async () => {
    json(await cli('import', sharedLiftFiles().find((f) => f.name === 'Sena')?.lift ?? '', '--db', db, '--json'));
    report = json<DuplicateReport>(await cli('duplicates', db, '--json'));
  }, 120_000);

  it('lists groups with guids, a score from 0 to 1 and reasons; plain text is one line a group', async () => {
    expect(report.groups.length).toBeGreaterThan(0);
    for (const group of report.groups) {
      expect(group.guids.length).toBeGreaterThanOrEqual(2);
      expect(group.score).toBeGreaterThan(0);
      expect(group.score).toBeLessThanOrEqual(1);
      expect(group.reasons.length).toBeGreaterThan(0);
    }
    const plain = await cli('duplicates', db);
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim().split('\n')).toHaveLength(report.groups.length);
  });

  it('never lists again a group said not to be duplicates', async () => {
    const [a, b] = report.groups[report.groups.length - 1].guids;
    expect(json(await cli('duplicates', db, '--not', a, b, '--json'))).toEqual({ separated: 1 });
    const after = json<DuplicateReport>(await cli('duplicates', db, '--json'));
    expect(after.groups.some((g) => g.guids.includes(a) && g.guids.includes(b))).toBe(false);
  });

  it('previews a merge, merges, lists it among the operations and undoes it', async () => {
    const [keep, other] = report.groups[0].guids;
    const dry = json<{ dryRun: boolean; preview: MergePreview }>(await cli('merge', db, keep, other, '--dry-run', '--json'));
    expect(dry).toMatchObject({ dryRun: true, preview: { keep: { guid: keep }, merged: [{ guid: other }] } });
    const merged = json<MergeOutcome>(await cli('merge', db, keep, other, '--json'));
    expect(merged.touched).toEqual(expect.arrayContaining([keep, other]));
    const listed = json<{ operations: BulkOperation[] }>(await cli('bulk', 'list', db, '--json'));
    expect(listed.operations.find((op) => op.id === merged.operationId)).toMatchObject({ state: 'done', merge: { keep, merged: [other] } });
    const undone = json<{ operation: BulkOperation }>(await cli('merge', '--undo', String(merged.operationId), '--json'));
    expect(undone.operation.state).toBe('undone');
  });

  it('exits 1 with one line for an entry that is not there, and for a merge without entries', async () => {
    const missing = await cli('merge', db, report.groups[0].guids[0], 'no-such-guid');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^workset-browser: no entry no-such-guid in /);
    const usage = await cli('merge', db);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/merge DB GUID_KEEP/);
  });
});
