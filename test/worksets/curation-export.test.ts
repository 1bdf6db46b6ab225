import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { exportLift } from '../../src-main/lift/export.js';
import { importLift } from '../../src-main/lift/import.js';
import { restoreCuration } from '../../src-main/worksets/curation-restore.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SENA = resolve(import.meta.dirname, '../../../shared/lift/Sena/Sena.lift');
const NOTE = 'Tone? "ngoma" vs \u00abng\u00f3ma\u00bb \u2014 \u0928\u092e\u0938\u094d\u0924\u0947, \u4f60\u597d & <ask> Ana\'s view\nsecond line';

/** Every annotation on entries, as `guid name value who when text`. */
function annotationsOf(file: string): string[][] {
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  const rows: string[][] = [];
  const entries = doc.getElementsByTagName('entry');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    for (let node = entry.firstChild; node; node = node.nextSibling) {
      if (node.nodeName !== 'annotation') continue;
      const a = node as Element;
      const text = a.getElementsByTagName('text')[0]?.textContent ?? '';
      rows.push([entry.getAttribute('guid') ?? '', a.getAttribute('name') ?? '', a.getAttribute('value') ?? '', a.getAttribute('who') ?? '', a.getAttribute('when') ?? '', text]);
    }
  }
  return rows;
}

describe('curation travels in a LIFT export as annotations (Sena)', () => {
  let session: BaseXSession;
  let store: Store;
  let worksets: WorksetService;
  let dir: string;
  const db = uniqueName('curx');
  const again = uniqueName('curback');

  beforeAll(async () => {
    session = await connectTestSession({ timeoutMs: 120_000 });
    dir = mkdtempSync(join(tmpdir(), 'wb-curation-'));
    store = openStore(dir);
    worksets = new WorksetService(store, TEST_AUTHOR);
    await importLift(session, SENA, { database: db });
  });
  afterAll(async () => {
    store.close();
    await dropDictionary(session, db);
    await dropDictionary(session, again).catch(() => undefined);
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each workset\'s status, favourite, notes and query on its entries, and restores them as equal worksets', async () => {
    const plainBefore = join(dir, 'before.lift');
    await exportLift(session, db, plainBefore);

    const kQuery = { match: 'all' as const, filters: [{ field: 'headword' as const, op: 'starts-with' as const, value: 'k' }], sort: { by: 'headword' as const, dir: 'desc' as const } };
    const k = await worksets.create(session, { dictionary: db, name: 'K words: "review"', description: 'Tones \u2014 \u0928\u092e\u0938\u094d\u0924\u0947', query: kQuery });
    const m = await worksets.create(session, { dictionary: db, name: 'Ma\u00f1ana', query: { match: 'all', filters: [{ field: 'headword', op: 'starts-with', value: 'ma' }] } });
    expect(k.total).toBeGreaterThan(3);
    expect(m.total).toBeGreaterThan(2);
    const kPage = (await worksets.page(session, k.id, { offset: 0, limit: 4 })).entries;
    await worksets.setStatus(session, k.id, kPage[0].guid, 'done');
    await worksets.setStatus(session, k.id, kPage[1].guid, 'review');
    await worksets.setFavourite(session, k.id, kPage[1].guid, true);
    await worksets.setNotes(session, k.id, kPage[2].guid, NOTE);
    await worksets.assign(session, k.id, { to: ['Cai'], scope: { kind: 'unassigned', count: 2 } });
    const mPage = (await worksets.page(session, m.id, { offset: 0, limit: 2 })).entries;
    await worksets.setFavourite(session, m.id, mPage[0].guid, true);
    await worksets.setNotes(session, m.id, mPage[1].guid, '"quoted" \u4f60\u597d');

    // Without the option, the export is the dictionary alone: byte for byte what it was.
    const plainAfter = join(dir, 'after.lift');
    await exportLift(session, db, plainAfter);
    expect(readFileSync(plainAfter).equals(readFileSync(plainBefore))).toBe(true);

    const curatedFile = join(dir, 'curated.lift');
    const exported = await exportLift(session, db, curatedFile, { withCuration: true });
    expect(exported.curatedWorksets).toBe(2);
    const rows = annotationsOf(curatedFile);
    const kName = 'workset-browser:K words: "review":';
    expect(rows.filter((r) => r[1] === `${kName}status`)).toHaveLength(k.total);
    expect(rows.filter((r) => r[1] === 'workset-browser:Ma\u00f1ana:status')).toHaveLength(m.total);
    expect(rows.find((r) => r[0] === kPage[0].guid && r[1] === `${kName}status`)).toEqual([kPage[0].guid, `${kName}status`, 'done', 'Test Person', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), '']);
    expect(rows.filter((r) => r[0] === kPage[1].guid && r[1].startsWith(kName)).map((r) => [r[1].slice(kName.length), r[2]])).toEqual(
      expect.arrayContaining([['status', 'review'], ['favourite', 'true'], ['assigned-to', 'Cai']]),
    );
    expect(rows.find((r) => r[0] === kPage[2].guid && r[1] === `${kName}notes`)?.[5]).toBe(NOTE);
    const queryRows = rows.filter((r) => r[1] === `${kName}query`);
    expect(queryRows).toHaveLength(1);
    expect(JSON.parse(queryRows[0][2])).toEqual(kQuery);
    expect(queryRows[0][5]).toBe('Tones \u2014 \u0928\u092e\u0938\u094d\u0924\u0947');
    // The file keeps its layout: every annotation on its own line, CRLF as Sena has it.
    const text = readFileSync(curatedFile, 'utf8');
    expect(text).toMatch(/<\/sense>\r\n<annotation name="workset-browser:/);
    expect(text.replace(/\r\n<annotation [\s\S]*?(?:\/>|<\/annotation>)/g, '')).toBe(readFileSync(plainBefore, 'utf8'));

    // Imported under another name, the worksets come back as they were.
    const imported = await importLift(session, curatedFile, { database: again });
    expect(imported.curationWorksets).toBe(2);
    const restored = await restoreCuration(session, again, { author: TEST_AUTHOR, window: 'test', op: 'workset', field: 'create' });
    expect(restored.map((w) => [w.name, w.total])).toEqual([['K words: "review"', k.total], ['Ma\u00f1ana', m.total]]);
    for (const [original, back] of [[k.id, restored[0].id], [m.id, restored[1].id]]) {
      const [was, now] = [await worksets.get(session, original), await worksets.get(session, back)];
      expect({ ...now, id: 0, dictionary: '', created: '', updated: '', lastChange: '' }).toEqual({ ...was, id: 0, dictionary: '', created: '', updated: '', lastChange: '' });
      const strip = (p: Awaited<ReturnType<WorksetService['page']>>) => p.entries.map(({ entry, ...member }) => ({ ...member, headword: entry?.headword }));
      expect(strip(await worksets.page(session, back, { offset: 0, limit: 500 }))).toEqual(strip(await worksets.page(session, original, { offset: 0, limit: 500 })));
    }

    // Restored twice: the names are taken, so the second copies say so.
    const twice = await restoreCuration(session, again, { author: TEST_AUTHOR, window: 'test', op: 'workset', field: 'create' });
    expect(twice.map((w) => w.name)).toEqual(['K words: "review" (restored)', 'Ma\u00f1ana (restored)']);

    // Exported with curation again, the entries carry each workset's curation once: the
    // annotations the file brought give way to the worksets' own.
    const reexported = join(dir, 'again.lift');
    await exportLift(session, again, reexported, { withCuration: true });
    const reRows = annotationsOf(reexported);
    expect(reRows.filter((r) => r[1] === `${kName}status`)).toHaveLength(k.total);
    expect(reRows.filter((r) => r[1] === 'workset-browser:K words: "review" (restored):status')).toHaveLength(k.total);
  }, 120_000);
});
