import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { importLift } from '../../src-main/lift/import.js';
import { openStore, STORE_FILE, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/previous-release');

/** What the previous release's own CLI showed of its two worksets (fixtures/previous-release/worksets.json). */
interface ShownBefore {
  readonly worksets: readonly { name: string; total: number; order: string[]; curated: Record<string, { status: string; favourite: boolean; notes: string }> }[];
}

/**
 * A data folder written by the previous release (4d8d4cb, worksets in SQLite only): its own
 * worksets.sqlite, made by that release's CLI and store, not rows written by today's code. On
 * first start its worksets move to the server with every place, status, favourite and note, and
 * after that deleting the SQLite file loses nothing.
 */
describe('a data folder of the previous release', () => {
  let session: BaseXSession;
  const db = uniqueName('prevrel');
  const folders: string[] = [];
  const stores: Store[] = [];
  const before = JSON.parse(readFileSync(join(FIXTURE, 'worksets.json'), 'utf8')) as ShownBefore;

  const desktop = (who: string, file?: string): WorksetService => {
    const folder = mkdtempSync(join(tmpdir(), `wb-prevrel-${who}-`));
    folders.push(folder);
    if (file) copyFileSync(file, join(folder, STORE_FILE));
    const store = openStore(folder);
    stores.push(store);
    return new WorksetService(store, { ...TEST_AUTHOR, who, instance: who });
  };

  /** Every entry of a workset as the previous release's CLI showed it: order, status, favourite, notes. */
  const shown = async (worksets: WorksetService, id: number) => {
    const page = await worksets.page(session, id, { offset: 0, limit: 500 });
    return page.entries.map((e) => ({ guid: e.guid, status: e.status, favourite: e.favourite, notes: e.notes }));
  };
  const expected = (name: string) => {
    const workset = before.worksets.find((w) => w.name === name);
    return (workset?.order ?? []).map((guid) => ({ guid, ...(workset?.curated[guid] ?? { status: 'pending', favourite: false, notes: '' }) }));
  };

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, SAMPLE, { database: db });
  });
  afterAll(async () => {
    stores.forEach((s) => s.close());
    folders.forEach((f) => rmSync(f, { recursive: true, force: true }));
    await dropDictionary(session, db);
    await session.close();
  });

  it('moves its worksets to the server on first start, every status, favourite and note kept, in the order they had', async () => {
    // The release's file names its dictionary "sample"; the test server's copy has a name of its own.
    const copy = join(mkdtempSync(join(tmpdir(), 'wb-prevrel-file-')), STORE_FILE);
    folders.push(join(copy, '..'));
    copyFileSync(join(FIXTURE, 'worksets.sqlite'), copy);
    const raw = new Database(copy);
    raw.prepare('UPDATE worksets SET dictionary = ?').run(db);
    raw.close();

    const old = desktop('old', copy);
    const listed = await old.list(session, db);
    expect(listed.map((w) => [w.name, w.counts.total]).sort()).toEqual(before.worksets.map((w) => [w.name, w.total]).sort());
    for (const workset of listed) expect(await shown(old, workset.id), workset.name).toEqual(expected(workset.name));

    // Another desktop, with a data folder of its own, sees the same by the same ids.
    const other = desktop('other');
    for (const workset of await other.list(session, db)) expect(await shown(other, workset.id)).toEqual(expected(workset.name));
    // And a desktop whose SQLite file is gone gets it all back from the server.
    const fresh = desktop('fresh');
    expect((await fresh.list(session, db)).map((w) => w.id).sort()).toEqual(listed.map((w) => w.id).sort());
  });
});
