import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { importLift } from '../../src-main/lift/import.js';
import { readEntries } from '../../src-main/lift/entry-xml.js';
import { parseCsv, writeCsv } from '../../src-main/worksets/sheets/csv.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { runCli } from '../helpers/cli.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

/** `worksets export`, `import-sheet` and `undo-sheet`, each in its own process, with their --json shapes. */
describe('workset-browser worksets export / import-sheet / undo-sheet', () => {
  let session: BaseXSession;
  const folder = mkdtempSync(join(tmpdir(), 'wb-sheets-cli-'));
  const db = uniqueName('sheets_cli');
  let id = 0;

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, SAMPLE, { database: db });
    const created = await runCli(folder, 'worksets', 'create', db, '--name', 'everything', '--query', '{"match":"all","filters":[]}', '--json');
    id = (JSON.parse(created.stdout) as { id: number }).id;
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('exports, previews an edited sheet, applies it and undoes it as a whole', async () => {
    const out = join(folder, 'everything.csv');
    const exported = await runCli(folder, 'worksets', 'export', String(id), out, '--columns', 'headword,gloss:en,status', '--json');
    expect(exported.stderr).toBe('');
    const written = JSON.parse(exported.stdout) as { path: string; rows: number; columns: string[] };
    expect(written).toEqual({ path: out, rows: expect.any(Number), columns: ['guid', 'version', expect.stringMatching(/^headword:/), 'gloss:en', 'status'] });
    const rows = parseCsv(await readFile(out, 'utf8'));
    expect(rows).toHaveLength(written.rows + 1);
    const row = rows.findIndex((r, i) => i > 0 && r[3] !== '');
    const guid = rows[row][0];
    const [before] = await readEntries(session, db, [guid]);
    rows[row][3] = 'from the sheet';
    rows[row][4] = 'review';
    await writeFile(out, writeCsv(rows));

    const dry = await runCli(folder, 'worksets', 'import-sheet', String(id), out, '--dry-run', '--json');
    expect(dry.stderr).toBe('');
    const preview = JSON.parse(dry.stdout) as { dryRun: boolean; changes: { guid: string; column: string; after: string }[]; stale: unknown[]; records: number[] };
    expect(preview).toMatchObject({ dryRun: true, stale: [], records: [] });
    expect(preview.changes.map((c) => [c.guid, c.column, c.after])).toEqual([[guid, 'gloss:en', 'from the sheet'], [guid, 'status', 'review']]);
    expect((await readEntries(session, db, [guid]))[0].xml).toBe(before.xml);

    const run = await runCli(folder, 'worksets', 'import-sheet', String(id), out, '--json');
    const applied = JSON.parse(run.stdout) as { dryRun: boolean; applied: boolean; records: number[] };
    expect(applied).toMatchObject({ dryRun: false, applied: true });
    expect(applied.records).toHaveLength(2);
    expect((await readEntries(session, db, [guid]))[0].xml).toContain('from the sheet');
    // The same sheet again changes nothing: its rows now match (the edited one is stale: its version moved on).
    const again = JSON.parse((await runCli(folder, 'worksets', 'import-sheet', String(id), out, '--json')).stdout) as { changes: unknown[] };
    expect(again.changes).toEqual([]);

    const undo = await runCli(folder, 'worksets', 'undo-sheet', String(id), applied.records.join(','), '--json');
    expect(undo.stderr).toBe('');
    expect(JSON.parse(undo.stdout)).toEqual({ reverted: [...applied.records].reverse(), guids: [guid], conflicts: [] });
    expect((await readEntries(session, db, [guid]))[0].xml).toBe(before.xml);
  }, 180_000);

  it('says what is wrong in one line, and writes nothing', async () => {
    expect(await runCli(folder, 'worksets', 'export', String(id), join(folder, 'x.txt'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/a spreadsheet is a \.csv or an \.xlsx file\n$/) });
    expect(await runCli(folder, 'worksets', 'export', String(id), join(folder, 'x.csv'), '--columns', 'colour')).toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown column "colour" in --columns/) });
    const bad = join(folder, 'bad.csv');
    await writeFile(bad, 'guid,version,gloss:en\r\nnot-a-guid,v,x\r\n');
    expect(await runCli(folder, 'worksets', 'import-sheet', String(id), bad)).toMatchObject({ code: 1, stderr: expect.stringMatching(/row 2: entry not-a-guid is not in workset/) });
    expect(await runCli(folder, 'worksets', 'import-sheet', String(id), join(folder, 'missing.csv'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read .*missing\.csv: no such file/) });
    expect(await runCli(folder, 'worksets', 'undo-sheet', String(id), 'a,b')).toMatchObject({ code: 2 });
  }, 120_000);
});
