import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { AppError } from '../../src-main/domain/app-error.js';
import { importLift } from '../../src-main/lift/import.js';
import { readEntries } from '../../src-main/lift/entry-xml.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService, type WorksetQueryInput } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';
import { TEST_AUTHOR } from '../helpers/changes.js';

const NOUNS: WorksetQueryInput = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }], sort: { by: 'headword', dir: 'asc' } };

describe('workset services against Sena', () => {
  let session: BaseXSession;
  let store: Store;
  let worksets: WorksetService;
  let entries: EntryService;
  let bulk: BulkService;
  const folder = mkdtempSync(join(tmpdir(), 'wb-services-'));
  const db = uniqueName('sena');

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
    store = openStore(folder);
    worksets = new WorksetService(store);
    entries = new EntryService(store, TEST_AUTHOR);
    bulk = new BulkService(store, TEST_AUTHOR);
  });
  afterAll(async () => {
    store.close();
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates, lists, renames and deletes worksets, refusing a duplicate name', async () => {
    const created = await worksets.create(session, { dictionary: db, name: 'Nouns', query: NOUNS });
    expect(created.total).toBe(777);
    await expect(worksets.create(session, { dictionary: db, name: 'Nouns', query: NOUNS })).rejects.toMatchObject({ code: 'Conflict' });
    await expect(worksets.create(session, { dictionary: 'no_such_dictionary', name: 'x', query: NOUNS })).rejects.toMatchObject({ code: 'NotFound' });
    expect((await worksets.list(session, db)).map((w) => [w.name, w.counts.total, w.counts.pending])).toEqual([['Nouns', 777, 777]]);
    expect((await worksets.rename(session, created.id, 'Nouns (Sena)')).name).toBe('Nouns (Sena)');
    await worksets.delete(session, created.id);
    expect(await worksets.list(session, db)).toEqual([]);
    await expect(worksets.get(session, created.id)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('pages through a workset: first page, last partial page, past the end, and an empty workset', async () => {
    const { id, total } = await worksets.create(session, { dictionary: db, name: 'paging', query: NOUNS });
    const first = await worksets.page(session, id, { offset: 0, limit: 50 });
    expect(first.total).toBe(total);
    expect(first.entries).toHaveLength(50);
    expect(first.entries.every((e) => e.entry !== null && e.entry.pos.includes('Nome'))).toBe(true);
    const last = await worksets.page(session, id, { offset: 750, limit: 50 });
    expect(last.entries).toHaveLength(total - 750);
    expect(last.entries.at(-1)?.position).toBe(total - 1);
    const past = await worksets.page(session, id, { offset: 5_000, limit: 50 });
    expect(past).toMatchObject({ total, entries: [] });
    const none = await worksets.create(session, { dictionary: db, name: 'nothing', query: { match: 'all', filters: [{ field: 'headword', op: 'equals', value: 'no such word at all' }] } });
    expect(none.total).toBe(0);
    expect(await worksets.page(session, none.id, { offset: 0, limit: 50 })).toMatchObject({ total: 0, entries: [] });
  });

  it('keeps status, favourite and notes through a refresh and reports added and removed entries', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'refresh', query: NOUNS });
    const [a, b] = (await worksets.page(session, id, { offset: 0, limit: 2 })).entries;
    await worksets.setStatus(session, id, a.guid, 'done');
    await worksets.setFavourite(session, id, a.guid, true);
    await worksets.setNotes(session, id, b.guid, 'check the tone');
    // Make b stop matching and another entry start matching, through the entry service.
    const bDetail = await entries.get(session, db, b.guid);
    await entries.edit(session, db, b.guid, bDetail.version, { action: 'set', field: 'pos', value: 'Verbo' });
    const verb = await worksets.create(session, { dictionary: db, name: 'verbs', query: { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Verbo' }] } });
    const someVerb = (await worksets.page(session, verb.id, { offset: 0, limit: 1 })).entries[0].guid;
    const verbDetail = await entries.get(session, db, someVerb);
    await entries.edit(session, db, someVerb, verbDetail.version, { action: 'set', field: 'pos', value: 'Nome' });
    expect(await worksets.refresh(session, id)).toEqual({ added: 1, removed: 1, total: 777 });
    const { localId } = await worksets.copy(session, id);
    expect(store.entries.get(localId, a.guid)).toMatchObject({ status: 'done', favourite: true });
    expect(store.entries.guids(localId)).not.toContain(b.guid);
    expect(store.entries.get(localId, someVerb)).toMatchObject({ status: 'pending', position: 777 });
    expect(await worksets.progress(session, id)).toMatchObject({ done: 1, total: 777 });
  });

  it('navigates first, previous, next and last within a status filter', async () => {
    const { id, total } = await worksets.create(session, { dictionary: db, name: 'navigation', query: NOUNS });
    const first = await worksets.navigate(session, id, 'first', undefined, {});
    const second = await worksets.navigate(session, id, 'next', first?.guid, {});
    expect(second?.position).toBe(1);
    expect((await worksets.navigate(session, id, 'previous', second?.guid, {}))?.guid).toBe(first?.guid);
    expect((await worksets.navigate(session, id, 'last', undefined, {}))?.position).toBe(total - 1);
    expect(await worksets.navigate(session, id, 'previous', first?.guid, {})).toBeNull();
    await worksets.setStatus(session, id, second?.guid ?? '', 'review');
    expect((await worksets.navigate(session, id, 'first', undefined, { status: ['review'] }))?.guid).toBe(second?.guid);
  });

  it('refuses an edit against a stale version with a Conflict carrying the current entry', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'conflict', query: NOUNS });
    const guid = (await worksets.page(session, id, { offset: 3, limit: 1 })).entries[0].guid;
    const seen = await entries.get(session, db, guid);
    const saved = await entries.edit(session, db, guid, seen.version, { action: 'set', field: 'gloss', lang: 'en', value: 'window A' });
    expect(saved.view.glosses.en).toContain('window A');
    expect(saved.version).not.toBe(seen.version);
    const stale = entries.edit(session, db, guid, seen.version, { action: 'set', field: 'gloss', lang: 'en', value: 'window B' });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    const error = (await stale.catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('Conflict');
    expect(error.details).toMatchObject({ version: saved.version, view: { glosses: { en: expect.arrayContaining(['window A']) } } });
    expect((await entries.get(session, db, guid)).view.glosses.en).toContain('window A');
  });

  it('runs a bulk edit with progress and undoes it to byte-identical entries', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'bulk', query: NOUNS });
    const guids = await worksets.members(session, id);
    const before = await readEntries(session, db, guids);
    const progress: number[] = [];
    const preview = await bulk.preview(session, id, { action: 'append', field: 'gloss', lang: 'en', value: ' [n]' });
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0].after.every((value, i) => value === `${preview.rows[0].before[i]} [n]`)).toBe(true);
    expect(preview.operation).toMatchObject({ state: 'previewed', total: before.length });
    const outcome = await bulk.run(session, preview.operation.id, { onProgress: (p) => progress.push(p.done) });
    expect(outcome.operation.state).toBe('done');
    expect(outcome.operation.changed + outcome.operation.skipped).toBe(before.length);
    expect(progress.at(-1)).toBe(before.length);
    const changed = await readEntries(session, db, guids);
    expect(changed.filter((e, i) => e.xml !== before[i].xml)).toHaveLength(outcome.operation.changed);
    const undone = await bulk.undo(session, preview.operation.id);
    expect(undone.operation.state).toBe('undone');
    const after = await readEntries(session, db, guids);
    expect(after.map((e) => e.xml)).toEqual(before.map((e) => e.xml));
  });

  it('keeps sort keys current through a bulk run and its undo, with no hooks from the caller', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'bulk-sort', query: NOUNS });
    // A write stamps dateModified: the newest-first order is what must follow it.
    const newestFirst = { offset: 0, limit: 1, sort: { by: 'date-modified', dir: 'desc' } } as const;
    const firstBefore = (await worksets.page(session, id, newestFirst)).entries[0].guid;
    // The last noun in position order is edited now: it must come first, and go back on undo.
    const guids = await worksets.members(session, id);
    const target = guids.at(-1) ?? '';
    expect(target).not.toBe(firstBefore);
    const query: WorksetQueryInput = { match: 'all', filters: [{ field: 'guid', op: 'equals', value: target }] };
    const one = await worksets.create(session, { dictionary: db, name: 'bulk-sort-one', query });
    const preview = await bulk.preview(session, one.id, { action: 'set', field: 'gloss', lang: 'en', value: '\u{10FFFD} last of all' });
    expect((await bulk.run(session, preview.operation.id)).operation.changed).toBe(1);
    expect((await worksets.page(session, id, newestFirst)).entries[0].guid).toBe(target);
    await bulk.undo(session, preview.operation.id);
    expect((await worksets.page(session, id, newestFirst)).entries[0].guid).toBe(firstBefore);
  });

  it('skips and reports an entry changed by someone else after the preview, and leaves it alone on undo', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'bulk-conflict', query: NOUNS });
    const preview = await bulk.preview(session, id, { action: 'set', field: 'definition', lang: 'en', value: 'bulk definition' });
    const victim = (await worksets.members(session, id))[5];
    const seen = await entries.get(session, db, victim);
    await entries.edit(session, db, victim, seen.version, { action: 'set', field: 'gloss', lang: 'en', value: 'edited meanwhile' });
    const outcome = await bulk.run(session, preview.operation.id);
    expect(outcome.skipped).toEqual([{ guid: victim, reason: 'changed by someone else since the preview' }]);
    const mine = await entries.get(session, db, victim);
    expect(mine.view.glosses.en).toContain('edited meanwhile');
    expect(mine.view.definitions.en ?? []).not.toContain('bulk definition');
    await bulk.undo(session, preview.operation.id);
    expect((await entries.get(session, db, victim)).version).toBe(mine.version);
  });

  it('cancels a run between batches, and the part already written can be undone', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'cancel', query: NOUNS });
    const before = await readEntries(session, db, await worksets.members(session, id));
    const preview = await bulk.preview(session, id, { action: 'prepend', field: 'gloss', value: '~' });
    let batches = 0;
    const outcome = await bulk.run(session, preview.operation.id, {
      onWritten: async () => {
        if (++batches === 1) await bulk.cancel(session, preview.operation.id);
      },
    });
    expect(outcome.operation.state).toBe('cancelled');
    expect(outcome.operation.changed).toBeGreaterThan(0);
    expect(outcome.operation.changed).toBeLessThan(before.length);
    await bulk.undo(session, preview.operation.id);
    expect((await readEntries(session, db, await worksets.members(session, id))).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
  });

  it('refuses a replace whose pattern or replacement BaseX would refuse, before any operation is stored', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'bad-regex', query: NOUNS });
    const replace = { action: 'replace', field: 'gloss', lang: 'en', replacement: 'x' } as const;
    const cases = [
      { edit: { ...replace, pattern: '(unclosed' }, field: 'pattern', message: /^invalid request: pattern: "\(unclosed" is not a valid XQuery regular expression: check that every \( \[ \{ has its closing partner/ },
      { edit: { ...replace, pattern: '\\bcat\\b' }, field: 'pattern', message: /pattern: "\\bcat\\b" is not a valid XQuery regular expression: XQuery has no \\b \(word boundary\): for the whole word "cat" write \(\^\|\\W\)cat\(\\W\|\$\), and put \$1 and \$2 around the replacement/ },
      { edit: { ...replace, pattern: '(?<name>a)' }, field: 'pattern', message: /pattern: .* is not a valid XQuery regular expression/ },
      { edit: { ...replace, pattern: 'a*' }, field: 'pattern', message: /pattern: "a\*" matches the empty string/ },
      { edit: { ...replace, pattern: 'a', replacement: 'US$' }, field: 'replacement', message: /replacement: "US\$" is not a valid replacement/ },
    ];
    for (const { edit, field, message } of cases) {
      const error = (await bulk.preview(session, id, edit).catch((e: unknown) => e)) as AppError;
      expect(error, JSON.stringify(edit)).toBeInstanceOf(AppError);
      expect(error.code).toBe('Invalid');
      expect(error.message).toMatch(message);
      expect(error.details).toEqual({ issues: [{ path: field, message: expect.any(String) }] });
    }
    expect(await bulk.list(session, { worksetId: id })).toEqual([]);
    // A good pattern still previews, with XQuery's own syntax (\p{Lu}, $1).
    const good = await bulk.preview(session, id, { ...replace, pattern: '^(\\p{Ll})', replacement: '[$1]' });
    expect(good.operation.state).toBe('previewed');
    expect(good.rows.find((r) => /^\p{Ll}/u.test(r.before[0] ?? ''))?.after[0]).toMatch(/^\[\p{Ll}\]/u);
    await bulk.cancel(session, good.operation.id);
  });

  it('refuses an inline replace with a pattern BaseX would refuse, naming the field, and writes nothing', async () => {
    const [guid] = await worksets.members(session, (await worksets.create(session, { dictionary: db, name: 'bad-inline', query: NOUNS })).id);
    const before = await entries.get(session, db, guid);
    const error = (await entries
      .edit(session, db, guid, before.version, { action: 'replace', field: 'gloss', lang: 'en', pattern: '(unclosed', replacement: 'x' })
      .catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('Invalid');
    expect(error.message).toMatch(/^invalid request: pattern: /);
    expect((await entries.get(session, db, guid)).xml).toBe(before.xml);
  });

  it('undoes in batches sized by time, reporting progress often', async () => {
    const { id } = await worksets.create(session, { dictionary: db, name: 'undo-batches', query: NOUNS });
    const before = await readEntries(session, db, await worksets.members(session, id));
    const preview = await bulk.preview(session, id, { action: 'set', field: 'definition', lang: 'en', value: 'undo me' });
    const outcome = await bulk.run(session, preview.operation.id);
    expect(outcome.operation.changed).toBeGreaterThan(500);
    const reports: { done: number }[] = [];
    const undone = await bulk.undo(session, preview.operation.id, {
      onProgress: (p) => {
        expect(p.phase).toBe('undo');
        reports.push({ done: p.done });
      },
    });
    expect(undone.operation.state).toBe('undone');
    expect(reports.at(-1)?.done).toBe(outcome.operation.changed);
    // Not one fixed 500-entry batch first: the first batch is the sizer's, and the rest adapt.
    expect(reports[0].done).toBeLessThanOrEqual(100);
    expect(reports.length).toBeGreaterThan(2);
    expect((await readEntries(session, db, await worksets.members(session, id))).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
  });
});
