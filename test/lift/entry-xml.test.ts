import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import { LIFT_DOC } from '../../src-main/lift/documents.js';
import { applyEdit, previewEdit, readEntries, restoreEntries } from '../../src-main/lift/entry-xml.js';
import { VERSION_FUNCTION } from '../../src-main/lift/field-edit-xquery.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';
import { TEST_CHANGE } from '../helpers/changes.js';

const ALL_FIELDS = join(SHARED_LIFT, 'AllFLExFields/AllFLExFields.lift');
const FIRST = '0a18bb95-0eb2-422e-bf7e-c1fd90274670';
const SECOND = 'dc4106ac-13fd-4ae0-a32b-b737f413d515';

describe('entry XML: versions, guarded edits and restores', () => {
  let session: BaseXSession;
  const db = uniqueName('entryxml');

  beforeAll(async () => {
    session = await connectTestSession();
    await session.command('SET CHOP false');
    await session.command(`CREATE DB ${db}`);
    await session.add(LIFT_DOC, createReadStream(ALL_FIELDS));
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
  });

  async function one(guid: string): Promise<{ xml: string; version: string }> {
    const [entry] = await readEntries(session, db, [guid]);
    return entry;
  }

  /** Versions hashed in BaseX by the query's own local:version (guid → version). */
  async function versionsInBaseX(): Promise<Map<string, string>> {
    const rows = await session.query(
      `${VERSION_FUNCTION} declare variable $db external;
       for $e in db:open($db, '${LIFT_DOC}')/lift/entry return $e/@guid || ' ' || local:version($e)`,
      { db },
    );
    return new Map(rows.map((row) => row.split(' ') as [string, string]));
  }

  async function edit(guid: string, change: FieldEdit): Promise<string> {
    const before = await one(guid);
    const [outcome] = await applyEdit(session, db, change, [{ guid, version: before.version }], TEST_CHANGE);
    expect(outcome.state).toBe('applied');
    return (await one(guid)).xml;
  }

  it('reads entries in the order asked, leaving out unknown guids', async () => {
    const entries = await readEntries(session, db, [SECOND, 'no-such-guid', FIRST]);
    expect(entries.map((e) => e.guid)).toEqual([SECOND, FIRST]);
    expect(entries[1].xml).toMatch(/^<entry [^>]*guid="0a18bb95/);
    expect(entries[1].version).toMatch(/^[0-9A-F]{32}$/);
    expect((await versionsInBaseX()).get(FIRST)).toBe(entries[1].version);
  });

  it('hashes versions in Node exactly as BaseX does, multi-byte text included', async () => {
    const guids = (await session.execute(`declare variable $db external; string-join(db:open($db, '${LIFT_DOC}')/lift/entry/@guid, ' ')`, { db })).split(' ');
    const entries = await readEntries(session, db, guids);
    // Multi-byte UTF-8 somewhere, or this proves little.
    expect(entries.some((e) => Buffer.byteLength(e.xml) > e.xml.length)).toBe(true);
    const versions = await versionsInBaseX();
    expect(entries.length).toBe(guids.length);
    for (const entry of entries) expect(entry.version, entry.guid).toBe(versions.get(entry.guid));
  });

  it('refuses a write against a stale version and reports the entry as changed', async () => {
    const before = await one(SECOND);
    const [first] = await applyEdit(session, db, { action: 'set', field: 'gloss', lang: 'en', value: 'first' }, [{ guid: SECOND, version: before.version }], TEST_CHANGE);
    expect(first.state).toBe('applied');
    const [stale] = await applyEdit(session, db, { action: 'set', field: 'gloss', lang: 'en', value: 'second' }, [{ guid: SECOND, version: before.version }], TEST_CHANGE);
    expect(stale).toEqual({ guid: SECOND, state: 'changed', version: first.version });
    expect((await one(SECOND)).xml).toContain('<gloss lang="en"><text>first</text></gloss>');
  });

  it('stamps dateModified on a change and leaves an entry alone when nothing changes', async () => {
    const before = await one(SECOND);
    const [same] = await applyEdit(session, db, { action: 'replace', field: 'gloss', pattern: 'no match here', replacement: 'x' }, [{ guid: SECOND, version: before.version }], TEST_CHANGE);
    expect(same.state).toBe('unchanged');
    expect((await one(SECOND)).xml).toBe(before.xml);
    const after = await edit(SECOND, { action: 'append', field: 'gloss', value: '!' });
    const stamp = /dateModified="([^"]+)"/.exec(after)?.[1] ?? '';
    expect(Date.now() - Date.parse(stamp)).toBeLessThan(60_000);
  });

  it('applies every action to text fields per writing system', async () => {
    expect(await edit(FIRST, { action: 'set', field: 'gloss', lang: 'fr', value: 'un mot' })).toContain('<gloss lang="fr"><text>un mot</text></gloss>');
    expect(await edit(FIRST, { action: 'prepend', field: 'gloss', lang: 'en', value: '(n) ' })).toContain('<text>(n) A Word</text>');
    expect(await edit(FIRST, { action: 'replace', field: 'definition', lang: 'en', pattern: 'Defn$', replacement: 'definition' })).toContain('<text>A Word definition</text>');
    expect(await edit(FIRST, { action: 'set', field: 'citation', lang: 'en', value: 'cite' })).toMatch(/<citation>\s*<form lang="th"><text>คาม<\/text><\/form>\s*<form lang="en"><text>cite<\/text><\/form><\/citation>/);
    expect(await edit(FIRST, { action: 'set', field: 'custom', name: 'literal-meaning', lang: 'en', value: 'LM' })).toContain('<form lang="en"><text>LM</text></form>');
    expect(await edit(FIRST, { action: 'append', field: 'note', value: '.' })).toContain('<text>A Note.</text>');
    const cleared = await edit(FIRST, { action: 'clear', field: 'definition' });
    expect(cleared).not.toContain('<definition>');
    const created = await edit(FIRST, { action: 'set', field: 'definition', lang: 'fr', value: 'déf' });
    expect(created).toMatch(/<gloss lang="fr"><text>un mot<\/text><\/gloss><definition><form lang="fr"><text>déf<\/text><\/form><\/definition>/);
  });

  it('applies every action to value fields: pos, traits and semantic domains', async () => {
    expect(await edit(FIRST, { action: 'set', field: 'pos', value: 'Verb' })).toContain('<grammatical-info value="Verb">');
    expect(await edit(FIRST, { action: 'set', field: 'trait', name: 'morph-type', value: 'root' })).toContain('<trait name="morph-type" value="root"/>');
    const added = await edit(FIRST, { action: 'append', field: 'semantic-domain', value: '1.1 Sky' });
    expect(added.match(/semantic-domain-ddp4/g)).toHaveLength(2);
    const replaced = await edit(FIRST, { action: 'replace', field: 'semantic-domain', pattern: '^1\\.1 ', replacement: '1.1.1 ' });
    expect(replaced).toContain('value="1.1.1 Sky"');
    const set = await edit(FIRST, { action: 'set', field: 'semantic-domain', value: '2 Person' });
    expect(set.match(/semantic-domain-ddp4/g)).toHaveLength(1);
    expect(await edit(FIRST, { action: 'clear', field: 'pos' })).not.toContain('grammatical-info');
  });

  it('edits a trait or custom field where the entry has it, on a sense as on the entry', async () => {
    const traits = (xml: string): number => xml.match(/name="domain-type"/g)?.length ?? 0;
    const before = await one(FIRST);
    expect(traits(before.xml)).toBe(1);
    // On a sense only: changed there, no new one on the entry.
    const trait = await edit(FIRST, { action: 'set', field: 'trait', name: 'domain-type', value: 'phonology' });
    expect(traits(trait)).toBe(1);
    expect(trait).toMatch(/<sense [^>]*>[\s\S]*<trait +name="domain-type" value="phonology"\/>[\s\S]*<\/sense>/);
    const custom = await edit(FIRST, { action: 'append', field: 'custom', name: 'scientific-name', lang: 'en', value: ' (sp.)' });
    expect(custom).toContain('<text>A Scientific Name (sp.)</text>');
    expect(custom.match(/type="scientific-name"/g)).toHaveLength(1);
    // Nowhere yet: a new one on the entry.
    const fresh = await edit(FIRST, { action: 'set', field: 'trait', name: 'checked-by', value: 'me' });
    expect(fresh).toMatch(/<trait name="checked-by" value="me"\/>[\s\S]*<sense /);
    expect(await edit(FIRST, { action: 'clear', field: 'trait', name: 'domain-type' })).not.toContain('domain-type');
  });

  it('treats hostile values as text', async () => {
    const hostile = '"] | db:drop("' + db + '") | ["</text><x/>';
    const xml = await edit(SECOND, { action: 'set', field: 'gloss', lang: 'en', value: hostile });
    expect(xml).toContain('<text>"] | db:drop("' + db + '") | ["&lt;/text&gt;&lt;x/&gt;</text>');
    expect(await session.query(`db:exists("${db}")`)).toEqual(['true']);
  });

  it('previews the field before and after without writing', async () => {
    const before = await one(SECOND);
    const preview = await previewEdit(session, db, { action: 'set', field: 'pos', value: 'Adverb' }, [SECOND, 'missing']);
    expect(preview).toEqual([{ guid: SECOND, before: ['Verb'], after: ['Adverb'] }]);
    expect((await one(SECOND)).xml).toBe(before.xml);
  });

  it('restores pre-images byte for byte, but not over a later change', async () => {
    const pre = await readEntries(session, db, [FIRST, SECOND]);
    const outcomes = await applyEdit(session, db, { action: 'set', field: 'gloss', lang: 'en', value: 'bulk' }, pre, TEST_CHANGE);
    expect(outcomes.map((o) => o.state)).toEqual(['applied', 'applied']);
    // Someone edits SECOND after the operation: its undo must not clobber that.
    await edit(SECOND, { action: 'set', field: 'gloss', lang: 'en', value: 'later' });
    const restored = await restoreEntries(
      session,
      db,
      pre.map((entry, i) => ({ guid: entry.guid, xml: entry.xml, expectedVersion: outcomes[i].version ?? '' })),
      { ...TEST_CHANGE, op: 'undo' },
    );
    expect(restored.map((r) => r.state)).toEqual(['applied', 'changed']);
    expect((await one(FIRST)).xml).toBe(pre[0].xml);
    expect((await one(FIRST)).version).toBe(pre[0].version);
    expect((await one(SECOND)).xml).toContain('<text>later</text>');
  });
});
