import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/basex.js';
import { jsonOf, runCli, type CliRun } from '../helpers/cli.js';

const SENA = resolve(import.meta.dirname, '../../../shared/lift/Sena/Sena.lift');
const work = mkdtempSync(join(tmpdir(), 'wb-cli-curation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = (...args: string[]): Promise<CliRun> => runCli(work, ...args);

const json = jsonOf;

describe('workset-browser export --with-curation and import --restore-curation', () => {
  it('carries a workset through a file and brings it back only when asked', async () => {
    const db = uniqueName('cli_cur');
    json(await cli('import', SENA, '--db', db, '--json'));
    const query = JSON.stringify({ match: 'all', filters: [{ field: 'headword', op: 'starts-with', value: 'ku' }] });
    const made = json<{ id: number; total: number }>(await cli('worksets', 'create', db, '--name', 'Verbs "ku-"', '--query', query, '--json'));
    const first = json<{ entries: Array<{ guid: string }> }>(await cli('worksets', 'show', String(made.id), '--limit', '1', '--json')).entries[0];
    json(await cli('worksets', 'status', String(made.id), first.guid, 'review', '--json'));

    const out = join(work, 'curated.lift');
    const exported = await cli('export', db, out, '--with-curation');
    expect(exported).toEqual({ code: 0, stdout: `curated.lift: 1462 entries, with the curation of 1 workset\n`, stderr: '' });
    expect(readFileSync(out, 'utf8')).toContain(`<annotation name="workset-browser:Verbs &quot;ku-&quot;:status" value="review" who=`);

    // Without the flag the import keeps the file as it is and says how to restore.
    const plain = await cli('import', out, '--db', uniqueName('cli_cur_plain'));
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('this file carries the curation of 1 workset: import with --restore-curation to bring them back');
    const back = uniqueName('cli_cur_back');
    const restored = json<{ curationWorksets: number; restoredWorksets: Array<{ id: number; name: string; total: number }> }>(
      await cli('import', out, '--db', back, '--restore-curation', '--json'),
    );
    expect(restored.curationWorksets).toBe(1);
    expect(restored.restoredWorksets).toEqual([{ id: expect.any(Number), name: 'Verbs "ku-"', total: made.total }]);
    const shown = json<{ entries: Array<{ guid: string; status: string }> }>(await cli('worksets', 'show', String(restored.restoredWorksets[0].id), '--limit', '1', '--json'));
    expect(shown.entries[0]).toMatchObject({ guid: first.guid, status: 'review' });
    const listed = json<Array<{ name: string; query: unknown }>>(await cli('worksets', 'list', back, '--json'));
    expect(listed).toEqual([expect.objectContaining({ name: 'Verbs "ku-"', query: expect.objectContaining(JSON.parse(query) as object) })]);
  }, 180_000);
});
