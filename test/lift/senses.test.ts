import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import { entryViews } from '../../src-main/lift/entry-view.js';
import { applyEdit, previewEdit, readEntries } from '../../src-main/lift/entry-xml.js';
import { importLift } from '../../src-main/lift/import.js';
import { keysOf, matchKeys } from '../../src-main/worksets/query/run.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { TEST_CHANGE } from '../helpers/changes.js';

/**
 * Edits, filters, sort keys and views agree on which senses an entry has: its senses and their
 * subsenses at any depth. So an edit changes only glosses that a filter finds and a view shows,
 * and an etymology's gloss, which belongs to no sense, is none of them.
 */

const DEEP = 'e0000000-0000-4000-8000-000000000001';
const PLAIN = 'e0000000-0000-4000-8000-000000000002';
const gloss = (text: string): string => `<gloss lang="en"><text>${text}</text></gloss>`;
const LIFT = `<?xml version="1.0" encoding="UTF-8"?>
<lift version="0.13">
  <entry id="deep" guid="${DEEP}">
    <lexical-unit><form lang="x"><text>deep</text></form></lexical-unit>
    <etymology type="borrowed" source="x">${gloss('root word')}</etymology>
    <sense id="s1">${gloss('top')}
      <subsense id="s1.1">${gloss('second')}
        <subsense id="s1.1.1">${gloss('third')}
          <subsense id="s1.1.1.1">${gloss('fourth')}</subsense>
        </subsense>
      </subsense>
    </sense>
  </entry>
  <entry id="plain" guid="${PLAIN}">
    <lexical-unit><form lang="x"><text>plain</text></form></lexical-unit>
    <sense id="s2">${gloss('other')}</sense>
  </entry>
</lift>
`;

describe('the senses of an entry, at any depth', () => {
  let session: BaseXSession;
  const folder = mkdtempSync(join(tmpdir(), 'wb-senses-'));
  const db = uniqueName('senses');

  beforeAll(async () => {
    session = await connectTestSession();
    const file = join(folder, 'senses.lift');
    writeFileSync(file, LIFT);
    await importLift(session, file, { database: db });
  });
  afterAll(async () => {
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const matching = async (value: string): Promise<string[]> =>
    (await matchKeys(session, db, querySchema.parse({ match: 'all', filters: [{ field: 'gloss', op: 'equals', value }] }))).map((k) => k.guid);
  const viewed = async (): Promise<string[]> => (await entryViews(session, db, [DEEP]))[0].glosses.en ?? [];

  it('filters, views and edit previews see the same glosses, the deepest subsense included', async () => {
    const glosses = ['top', 'second', 'third', 'fourth'];
    expect(await viewed()).toEqual(glosses);
    for (const value of glosses) expect(await matching(value), value).toEqual([DEEP]);
    expect(await matching('root word')).toEqual([]);
    const [preview] = await previewEdit(session, db, { action: 'append', field: 'gloss', lang: 'en', value: '!' }, [DEEP]);
    expect(preview.before).toEqual(glosses);
    expect(preview.after).toEqual(glosses.map((g) => `${g}!`));
    expect((await keysOf(session, db, [DEEP]))[0].gloss).toBe('top');
  });

  it('an edit changes exactly the glosses a filter finds and the view shows', async () => {
    const edit: FieldEdit = { action: 'replace', field: 'gloss', lang: 'en', pattern: '^(.+)$', replacement: '[$1]' };
    const [before] = await readEntries(session, db, [DEEP]);
    const [outcome] = await applyEdit(session, db, edit, [{ guid: DEEP, version: before.version }], TEST_CHANGE);
    expect(outcome.state).toBe('applied');
    const edited = ['[top]', '[second]', '[third]', '[fourth]'];
    expect(await viewed()).toEqual(edited);
    for (const value of edited) expect(await matching(value), value).toEqual([DEEP]);
    // The etymology's gloss is no sense's: untouched, and still found by no filter.
    const [after] = await readEntries(session, db, [DEEP]);
    expect(after.xml).toContain(gloss('root word'));
    expect(await matching('root word')).toEqual([]);
  });
});
