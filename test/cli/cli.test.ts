import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalFile } from '../lift/canonical-xml.js';
import { uniqueName } from '../helpers/basex.js';
import { jsonOf, runCli, type CliRun } from '../helpers/cli.js';
import { sharedLiftFiles } from '../helpers/shared-lift.js';

const work = mkdtempSync(join(tmpdir(), 'wb-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = (...args: string[]): Promise<CliRun> => runCli(work, ...args);

const json = jsonOf;

describe('workset-browser import and export', () => {
  for (const shared of sharedLiftFiles()) {
    it(`round-trips ${shared.name} with equal canonical XML`, async () => {
      const db = uniqueName(`cli_${shared.name}`);
      const imported = json<{ database: string; entries: number }>(await cli('import', shared.lift, '--db', db, '--json'));
      expect(imported.database).toBe(db);
      expect(imported.entries).toBeGreaterThan(0);
      const out = join(work, `${db}.lift`);
      const plain = await cli('export', db, out);
      expect(plain).toMatchObject({ code: 0, stderr: '' });
      expect(plain.stdout).toMatch(new RegExp(`^${db}\\.lift: ${imported.entries} entries\\n$`));
      expect(canonicalFile(out)).toBe(canonicalFile(shared.lift));
      if (shared.ranges) expect(canonicalFile(join(work, `${db}.lift-ranges`))).toBe(canonicalFile(shared.ranges));
      const listed = json<{ name: string; entries: number }[]>(await cli('dictionaries', '--json'));
      expect(listed).toContainEqual(expect.objectContaining({ name: db, entries: imported.entries }));
    });
  }

  it('prints the database name and entry count for a person', async () => {
    const db = uniqueName('cli_sena');
    const run = await cli('import', sharedLiftFiles().find((f) => f.name === 'Sena')?.lift ?? '', '--db', db);
    expect(run).toEqual({ code: 0, stdout: `${db}: 1462 entries, with its ranges (24 ranges)\n`, stderr: '' });
  });
});

describe('workset-browser failures', () => {
  it('exits 1 with one line naming a missing file', async () => {
    const run = await cli('import', join(work, 'nowhere.lift'));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/nowhere\.lift/);
  });

  it('exits 1 naming line and column of malformed XML', async () => {
    const broken = join(work, 'broken.lift');
    writeFileSync(broken, '<?xml version="1.0"?>\n<lift version="0.13">\n<entry id="a">\n</lift>\n');
    const run = await cli('import', broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.lift:4:\d+: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 for a file that is not LIFT, and for an unknown database', async () => {
    const notLift = join(work, 'other.lift');
    writeFileSync(notLift, '<html><body/></html>\n');
    expect(await cli('import', notLift)).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a LIFT file/) });
    expect(await cli('export', 'no_such_dictionary', join(work, 'x.lift'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/no_such_dictionary/) });
  });

  it('names a missing dictionary or workset in words, never the server\'s and never of windows', async () => {
    const query = JSON.stringify({ match: 'all', filters: [] });
    const runs = await Promise.all([
      cli('worksets', 'create', 'NoSuchDb', '--name', 'x', '--query', query),
      cli('worksets', 'list', 'NoSuchDb'),
      cli('bulk', 'list', 'NoSuchDb'),
    ]);
    for (const run of runs) expect(run).toMatchObject({ code: 1, stderr: 'workset-browser: there is no dictionary "NoSuchDb"\n' });
    expect(await cli('worksets', 'show', '987654')).toMatchObject({ code: 1, stderr: 'workset-browser: there is no workset 987654: it may have been deleted since\n' });
  });

  it('exits 2 for usage errors', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('import')).code).toBe(2);
    expect((await cli('worksets', 'show', 'abc')).code).toBe(2);
  });
});

describe('workset-browser worksets, bulk and undo', () => {
  it('creates, lists, shows and deletes worksets; bulk-edits and undoes', async () => {
    const db = uniqueName('cli_ws');
    const sena = sharedLiftFiles().find((f) => f.name === 'Sena')?.lift ?? '';
    json(await cli('import', sena, '--db', db, '--json'));
    const query = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }, { field: 'definition', lang: 'en', op: 'missing' }] });
    const created = json<{ id: number; name: string; total: number }>(await cli('worksets', 'create', db, '--name', 'nouns without definition', '--query', query, '--json'));
    expect(created).toEqual({ id: expect.any(Number), name: 'nouns without definition', total: expect.any(Number) });
    expect(created.total).toBeGreaterThan(0);

    const list = json<{ id: number; counts: { total: number } }[]>(await cli('worksets', 'list', db, '--json'));
    expect(list).toContainEqual(expect.objectContaining({ id: created.id, counts: expect.objectContaining({ total: created.total }) }));

    type Shown = { id: number; name: string; total: number; entries: { guid: string; status: string; entry: { pos: string[]; glosses: Record<string, string[]> } }[] };
    const shown = json<Shown>(await cli('worksets', 'show', String(created.id), '--offset', '0', '--limit', '5', '--json'));
    expect(shown).toMatchObject({ id: created.id, name: 'nouns without definition', total: created.total });
    expect(shown.entries).toHaveLength(Math.min(5, created.total));
    expect(shown.entries.every((e) => e.status === 'pending' && e.entry.pos.includes('Nome'))).toBe(true);

    const marked = json<{ guid: string; status: string }>(await cli('worksets', 'status', String(created.id), shown.entries[0].guid, 'done', '--json'));
    expect(marked).toMatchObject({ guid: shown.entries[0].guid, status: 'done' });
    const counted = json<{ id: number; counts: { done: number } }[]>(await cli('worksets', 'list', db, '--json'));
    expect(counted.find((w) => w.id === created.id)?.counts.done).toBe(1);

    // A copy keeps the work list; the original's query widened keeps its done entry.
    const copy = json<{ id: number; name: string; total: number }>(await cli('worksets', 'duplicate', String(created.id), '--name', 'nouns (copy)', '--json'));
    expect(copy).toMatchObject({ name: 'nouns (copy)', total: created.total });
    const nouns = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }] });
    const widened = json<{ id: number; added: number; removed: number; total: number }>(await cli('worksets', 'edit', String(copy.id), '--query', nouns, '--json'));
    expect(widened).toMatchObject({ id: copy.id, removed: 0, total: created.total + widened.added });
    expect(widened.added).toBeGreaterThan(0);
    const copies = json<{ id: number; counts: { done: number; total: number } }[]>(await cli('worksets', 'list', db, '--json'));
    expect(copies.find((w) => w.id === copy.id)?.counts).toMatchObject({ done: 1, total: widened.total });
    expect((await cli('worksets', 'edit', String(copy.id), '--query', '{"match":"all","filters":[{"field":"pos","op":"near"}]}')).stderr).toBe('workset-browser: invalid query: filters[0].op: unknown op "near"\n');
    json(await cli('worksets', 'delete', String(copy.id), '--json'));
    expect((await cli('worksets', 'status', String(created.id), shown.entries[0].guid, 'finished')).stderr).toBe(
      'workset-browser: the status must be one of pending, done, review, not "finished"\n',
    );
    expect(json<{ status: string }>(await cli('worksets', 'status', String(created.id), shown.entries[0].guid, 'pending', '--json')).status).toBe('pending');

    // Assignment: split between two people, one person's share, and the refusals in words.
    const split = json<{ assigned: { who: string; count: number }[]; total: number }>(await cli('worksets', 'assign', String(created.id), '--to', 'Ana, Ben', '--json'));
    expect(split.total).toBe(created.total);
    expect(split.assigned.map((a) => a.who)).toEqual(['Ana', 'Ben']);
    expect(split.assigned[0].count - split.assigned[1].count).toBeLessThanOrEqual(1);
    const bens = json<{ total: number; entries: { assignedTo: string }[] }>(await cli('worksets', 'show', String(created.id), '--assigned-to', 'Ben', '--limit', '500', '--json'));
    expect(bens.total).toBe(split.assigned[1].count);
    expect(bens.entries.every((e) => e.assignedTo === 'Ben')).toBe(true);
    const back = await cli('worksets', 'assign', String(created.id), '--unassign', '--filter', JSON.stringify({ field: 'pos', op: 'equals', value: 'Nome' }));
    expect(back).toEqual({ code: 0, stdout: `${created.total} ${created.total === 1 ? 'entry' : 'entries'} of workset ${created.id} assigned to nobody\n`, stderr: '' });
    expect((await cli('worksets', 'assign', String(created.id), '--count', '3')).stderr).toBe('workset-browser: say who to assign to with --to NAME (or --unassign)\n');
    expect((await cli('worksets', 'assign', String(created.id), '--to', 'Ana', '--filter', '{"field":"colour","op":"equals","value":"x"}')).stderr).toMatch(/^workset-browser: invalid --filter: /);

    // A dry run says what the edit would change and writes nothing.
    const setDefinition = JSON.stringify({ action: 'set', field: 'definition', lang: 'en', value: 'to be written' });
    const dry = json<{ dryRun: boolean; total: number; changing: number; unchanged: number; rows: { before: string[]; after: string[] }[] }>(
      await cli('bulk', String(created.id), '--op', setDefinition, '--dry-run', '--json'),
    );
    expect(dry).toMatchObject({ dryRun: true, total: created.total, changing: created.total, unchanged: 0 });
    expect(dry.rows[0]).toMatchObject({ before: [], after: ['to be written'] });
    expect(json<Shown>(await cli('worksets', 'show', String(created.id), '--limit', '1', '--json')).entries[0].entry).not.toHaveProperty('definitions.en');
    // --guids: only those entries of the workset; one that is not in it is refused in words.
    const chosen = shown.entries.slice(0, 2).map((e) => e.guid);
    expect(json<{ total: number; changing: number }>(await cli('bulk', String(created.id), '--op', setDefinition, '--guids', chosen.join(','), '--dry-run', '--json'))).toMatchObject({ total: chosen.length, changing: chosen.length });
    expect((await cli('bulk', String(created.id), '--op', setDefinition, '--guids', `${chosen[0]},not-a-member`)).stderr).toBe('workset-browser: 1 of the entries chosen is not in this workset: refresh the workset and choose again\n');

    const bulk = json<{ operation: { id: number; state: string; changed: number } }>(
      await cli('bulk', String(created.id), '--op', JSON.stringify({ action: 'set', field: 'definition', lang: 'en', value: 'to be written' }), '--json', '--user', 'Ana Lexicógrafa'),
    );
    expect(bulk.operation).toMatchObject({ state: 'done', changed: created.total });
    const after = json<Shown>(await cli('worksets', 'show', String(created.id), '--limit', '1', '--json'));
    expect(after.entries[0].entry).toMatchObject({ definitions: { en: ['to be written'] } });

    expect(json<{ operation: { state: string } }>(await cli('undo', String(bulk.operation.id), '--json', '--user', 'Ben')).operation.state).toBe('undone');
    const undone = json<Shown>(await cli('worksets', 'show', String(created.id), '--limit', '1', '--json'));
    expect(undone.entries[0].entry).not.toHaveProperty('definitions.en');

    // The change log: each entry's bulk write and its undo, who made them, newest first.
    type Change = { seq: number; at: string; who: string; op: string; field: string; bulk: number | null; before: string; after: string; window: string };
    const history = json<Change[]>(await cli('history', db, undone.entries[0].guid, '--json'));
    expect(history.map((c) => [c.op, c.who, c.bulk, c.window])).toEqual([['undo', 'Ben', bulk.operation.id, 'cli'], ['bulk', 'Ana Lexicógrafa', bulk.operation.id, 'cli']]);
    expect(history[1]).toMatchObject({ field: 'definition', after: history[0].before });
    expect(history[0].seq).toBeGreaterThan(history[1].seq);
    const log = json<Change[]>(await cli('log', db, '--since', '0', '--limit', '100000', '--json'));
    // The import, the workset made (and its copy made, edited and deleted), its two statuses set and two assignments, then one record per entry for the bulk run and one for its undo.
    const counts = new Map<string, number>();
    for (const c of log) counts.set(c.op, (counts.get(c.op) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ import: 1, workset: 4, curate: 4, bulk: created.total, undo: created.total });
    expect(log.map((c) => c.seq)).toEqual(log.map((_, i) => i + 1));
    const plain = await cli('history', db, undone.entries[0].guid);
    expect(plain.stdout.split('\n')[0]).toMatch(new RegExp(`^${history[0].seq}\t\\S+\tBen \\(cli on .+\\)\tundo ${bulk.operation.id}\t${undone.entries[0].guid}$`));
    expect(await cli('history', 'no_such_dictionary', 'x')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no dictionary "no_such_dictionary"/) });

    expect(json<{ deleted: boolean }>(await cli('worksets', 'delete', String(created.id), '--json'))).toEqual({ id: created.id, deleted: true });
  }, 300_000); // Fifteen CLI processes, each starting Node and tsx: minutes on a loaded machine.

  it('exits 1 naming the bad filter of an invalid query, and the bad field of an invalid op', async () => {
    const bad = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'x' }, { match: 'any', filters: [{ field: 'colour', op: 'equals', value: 'x' }] }] });
    const run = await cli('worksets', 'create', 'any_db', '--name', 'x', '--query', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/filters\[1\]\.filters\[0\]\.field: unknown field "colour"/);
    const wordBound = JSON.stringify({ match: 'all', filters: [{ field: 'headword', op: 'matches', value: '\\bcat\\b' }] });
    expect((await cli('worksets', 'create', 'any_db', '--name', 'x', '--query', wordBound)).stderr).toBe(
      'workset-browser: invalid query: filters[0].value: headword: "\\bcat\\b" is not a valid XQuery regular expression: ' +
        'XQuery has no \\b (word boundary): for the whole word "cat" write (^|\\W)cat(\\W|$)\n',
    );
    const op = await cli('bulk', '1', '--op', JSON.stringify({ action: 'paint', field: 'pos' }));
    expect(op.code).toBe(1);
    expect(op.stderr).toMatch(/action/);
  });
});
