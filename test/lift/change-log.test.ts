import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import { changesSince, ensureChangeLog, entryHistory, lastChange, preImageOf } from '../../src-main/lift/change-log.js';
import { checkDatabaseName } from '../../src-main/lift/database-names.js';
import { logDatabase } from '../../src-main/lift/database-query.js';
import { listDictionaries } from '../../src-main/lift/dictionaries.js';
import { applyEdit, readEntries, restoreEntries } from '../../src-main/lift/entry-xml.js';
import { exportLift } from '../../src-main/lift/export.js';
import { importLift } from '../../src-main/lift/import.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR, TEST_CHANGE } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const GLOSS: FieldEdit = { action: 'append', field: 'gloss', lang: 'en', value: ' (seen)' };

/**
 * The change log on the dictionary's server: every write records who, when, from where, what,
 * and the entry before, in the same updating query as the write.
 */
describe('the change log', () => {
  let session: BaseXSession;
  let other: BaseXSession;
  const db = uniqueName('changelog');
  const folder = mkdtempSync(join(tmpdir(), 'wb-changelog-'));
  let guids: string[] = [];

  beforeAll(async () => {
    session = await connectTestSession();
    other = await connectTestSession();
    await importLift(session, SAMPLE, { database: db });
    guids = (await session.query(`declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)]/@guid/string()`, { db })).slice(0, 12);
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await other.close();
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const entry = async (guid: string) => (await readEntries(session, db, [guid]))[0];

  it('starts with the import, and records a write beside the dictionary, in a log listed as no dictionary', async () => {
    expect(await lastChange(session, db)).toBe(1);
    expect(await changesSince(session, db, 0)).toEqual([expect.objectContaining({ seq: 1, op: 'import', guid: '', name: '', was: [], now: [] })]);
    const before = await entry(guids[0]);
    const [outcome] = await applyEdit(session, db, GLOSS, [{ guid: guids[0], version: before.version }], TEST_CHANGE);
    expect(outcome.state).toBe('applied');
    expect(await lastChange(session, db)).toBe(2);
    const [record] = await changesSince(session, db, 1);
    const after = await entry(guids[0]);
    expect(record).toEqual({
      seq: 2, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/), who: TEST_AUTHOR.who, user: 'admin',
      window: 'test', process: process.pid, host: TEST_AUTHOR.host, instance: 'test-instance', op: 'edit', guid: guids[0],
      field: 'gloss', lang: 'en', name: '', bulk: null, reverts: null, before: before.version, after: after.version,
      was: expect.any(Array), now: expect.any(Array),
    });
    expect(record.now).toEqual(record.was.map((gloss) => (gloss.trim() ? gloss + ' (seen)' : gloss)));
    expect(await preImageOf(session, db, 2)).toBe(before.xml);
    const names = (await listDictionaries(session)).map((d) => d.name);
    expect(names).toContain(db);
    expect(names).not.toContain(logDatabase(db));
    expect(() => checkDatabaseName(logDatabase('mine'))).toThrow(/change log/);
  });

  it('writes a record and its change together or not at all', async () => {
    const last = await lastChange(session, db);
    const before = await Promise.all(guids.slice(1, 3).map(entry));
    // An invalid pattern fails inside the updating query, after the log was opened.
    const broken: FieldEdit = { action: 'replace', field: 'gloss', pattern: '(', replacement: 'x' };
    await expect(applyEdit(session, db, broken, before.map((e) => ({ guid: e.guid, version: e.version })), TEST_CHANGE)).rejects.toThrow();
    expect(await lastChange(session, db)).toBe(last);
    expect(await Promise.all(guids.slice(1, 3).map(entry))).toEqual(before);
  });

  it('numbers a batch in order with one time, and an undo records what it put back', async () => {
    const last = await lastChange(session, db);
    const batch = await readEntries(session, db, guids.slice(3, 8));
    const change = { ...TEST_CHANGE, op: 'bulk' as const, bulk: 42 };
    const outcomes = await applyEdit(session, db, GLOSS, batch.map((e) => ({ guid: e.guid, version: e.version })), change);
    const applied = outcomes.filter((o) => o.state === 'applied');
    expect(applied.length).toBeGreaterThan(0);
    const records = await changesSince(session, db, last);
    expect(records.map((r) => r.seq)).toEqual(applied.map((_, i) => last + 1 + i));
    expect(new Set(records.map((r) => r.at)).size).toBe(1);
    expect(records.every((r) => r.op === 'bulk' && r.bulk === 42)).toBe(true);
    expect(records.map((r) => r.guid).sort()).toEqual(applied.map((o) => o.guid).sort());

    const written = await readEntries(session, db, applied.map((o) => o.guid));
    const originals = new Map(batch.map((e) => [e.guid, e.xml]));
    await restoreEntries(session, db, written.map((e) => ({ guid: e.guid, xml: originals.get(e.guid) ?? '', expectedVersion: e.version })), { ...change, op: 'undo' });
    const undo = await changesSince(session, db, last + applied.length);
    expect(undo.map((r) => [r.op, r.bulk, r.before, r.field])).toEqual(written.map((e) => ['undo', 42, e.version, '']));
    // Each record's pre-image is the entry as that change found it.
    expect(await preImageOf(session, db, undo[0].seq)).toBe(written.find((e) => e.guid === undo[0].guid)?.xml);
    expect(await readEntries(session, db, written.map((e) => e.guid))).toEqual(batch.filter((e) => originals.has(e.guid) && written.some((w) => w.guid === e.guid)));
  });

  it('keeps an entry history newest first, across sessions', async () => {
    const guid = guids[9];
    for (const [s, value] of [[session, 'one'], [other, 'two'], [session, 'three']] as const) {
      const current = (await readEntries(s, db, [guid]))[0];
      await applyEdit(s, db, { action: 'set', field: 'gloss', lang: 'en', value }, [{ guid, version: current.version }], TEST_CHANGE);
    }
    const history = await entryHistory(session, db, guid);
    expect(history.map((r) => r.now[0])).toEqual(['three', 'two', 'one']);
    expect(history[0].before).toBe(history[1].after);
    expect(history.every((r) => r.guid === guid)).toBe(true);
  });

  it('indexes only the attributes records are found by, and narrows a log made before that', async () => {
    const log = logDatabase(db);
    const indexed = async () => (await session.query(`db:info('${log}')//attrinclude/string()`))[0];
    expect(await indexed()).toBe('seq,guid,op');
    const guid = guids[9];
    const history = await entryHistory(session, db, guid);
    await session.query(`db:optimize('${log}', true(), map { 'attrinclude': '' })`);
    expect(await indexed()).toBe('');
    await ensureChangeLog(session, db);
    expect(await indexed()).toBe('seq,guid,op');
    expect(await entryHistory(session, db, guid)).toEqual(history);
    expect(await preImageOf(session, db, history[0].seq)).toContain(`guid="${guid}"`);
  });

  it('numbers concurrent writers from two sessions without gaps or repeats', async () => {
    const last = await lastChange(session, db);
    const targets = await readEntries(session, db, guids.slice(0, 10));
    await Promise.all(targets.map((e, i) =>
      applyEdit(i % 2 ? other : session, db, { action: 'set', field: 'gloss', lang: 'en', value: `concurrent ${i}` }, [{ guid: e.guid, version: e.version }], TEST_CHANGE),
    ));
    const records = await changesSince(session, db, last);
    expect(records.map((r) => r.seq)).toEqual(targets.map((_, i) => last + 1 + i));
    expect(await lastChange(other, db)).toBe(last + targets.length);
  });

  it('stays out of the exported LIFT', async () => {
    const out = join(folder, 'out.lift');
    await exportLift(session, db, out);
    const lift = readFileSync(out, 'utf8');
    expect(lift).toContain('concurrent 0');
    expect(lift).not.toMatch(/<change\b|<pre>/);
  });
});
