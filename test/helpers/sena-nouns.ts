import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { readEntries, type EntryXml } from '../../src-main/lift/entry-xml.js';
import { importLift } from '../../src-main/lift/import.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from './basex.js';
import { dropDictionary } from './dictionary-db.js';
import { SHARED_LIFT } from './shared-lift.js';
import { copyOf } from './workset-copy.js';

/** Sena's nouns as a workset: what the bulk-run tests work on. Fields are set in the file's beforeAll. */
export interface SenaNouns {
  readonly session: BaseXSession;
  /** Replaced by `reopenStore`, as an app restart would. */
  readonly store: Store;
  readonly folder: string;
  readonly db: string;
  readonly worksetId: number;
  /** The workset's entries as imported, in workset order. */
  readonly before: readonly EntryXml[];
  reopenStore(): Store;
  /** The workset's entries as BaseX has them now, in workset order. */
  current(): Promise<EntryXml[]>;
}

/**
 * Imports the real Sena export into a new database, opens a store in a new temporary folder and
 * makes a workset of the nouns (part of speech `Nome`); all of it is removed after the file's tests.
 */
export function senaNouns(prefix: string): SenaNouns {
  const folder = mkdtempSync(join(tmpdir(), `wb-${prefix}-`));
  const db = uniqueName(prefix);
  let session: BaseXSession | undefined;
  let store: Store | undefined;
  const fixture = {
    folder,
    db,
    worksetId: 0,
    before: [] as EntryXml[],
    get session(): BaseXSession {
      if (!session) throw new Error('senaNouns: used before its beforeAll ran');
      return session;
    },
    get store(): Store {
      if (!store) throw new Error('senaNouns: used before its beforeAll ran');
      return store;
    },
    reopenStore(): Store {
      store?.close();
      store = openStore(folder);
      return store;
    },
    current(): Promise<EntryXml[]> {
      return readEntries(fixture.session, db, fixture.store.entries.guids(copyOf(fixture.store, fixture.worksetId)));
    },
  };
  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
    store = openStore(folder);
    const query = { match: 'all' as const, filters: [{ field: 'pos' as const, op: 'equals' as const, value: 'Nome' }] };
    fixture.worksetId = (await new WorksetService(store).create(session, { dictionary: db, name: 'nouns', query })).id;
    fixture.before = await fixture.current();
  });
  afterAll(async () => {
    store?.close();
    if (session) await dropDictionary(session, db);
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return fixture;
}

/** The English glosses of an entry's senses and subsenses (an etymology's gloss is not the entry's). */
export function englishGlosses(xml: string): string[] {
  return Array.from(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('gloss'))
    .filter((g) => ['sense', 'subsense'].includes(g.parentNode?.nodeName ?? '') && g.getAttribute('lang') === 'en')
    .map((g) => g.textContent ?? '');
}

/** Each entry's English glosses as a whole run of "append MARK" leaves them: every non-blank one marked once. */
export function glossesMarkedOnce(entries: readonly EntryXml[], mark: string): string[][] {
  return entries.map((e) => englishGlosses(e.xml).map((gloss) => (gloss.trim() ? gloss + mark : gloss)));
}
