import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { EntryConflict } from '../../src-main/domain/entries.js';
import { importLift } from '../../src-main/lift/import.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { connectTestSession, uniqueName } from './basex.js';
import { TEST_AUTHOR } from './changes.js';
import { dropDictionary } from './dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

/** Ana and Ben editing the sample dictionary through their own EntryServices. Fields are set in the file's beforeAll. */
export interface TwoEditors {
  readonly session: BaseXSession;
  readonly db: string;
  /** Entries with both French and English glosses. */
  readonly guids: readonly string[];
  readonly ana: EntryService;
  readonly ben: EntryService;
}

/** Imports the sample into a new database for the file's tests, with two people's services over one store; all removed after. */
export function twoEditors(prefix: string): TwoEditors {
  const folder = mkdtempSync(join(tmpdir(), `wb-${prefix}-`));
  const fixture = { db: uniqueName(prefix) } as { -readonly [K in keyof TwoEditors]: TwoEditors[K] } & { store?: Store };
  beforeAll(async () => {
    fixture.session = await connectTestSession();
    await importLift(fixture.session, SAMPLE, { database: fixture.db });
    fixture.store = openStore(folder);
    fixture.ana = new EntryService(fixture.store, { ...TEST_AUTHOR, who: 'Ana', instance: 'ana' });
    fixture.ben = new EntryService(fixture.store, { ...TEST_AUTHOR, who: 'Ben', instance: 'ben' });
    fixture.guids = await fixture.session.query(
      `declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)][sense/gloss[@lang = 'fr']][sense/gloss[@lang = 'en']]/@guid/string()`,
      { db: fixture.db },
    );
  });
  afterAll(async () => {
    fixture.store?.close();
    await dropDictionary(fixture.session, fixture.db);
    await fixture.session.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return fixture;
}

/** The Conflict a save or revert must end in, with its message and details. */
export async function conflictOf(save: Promise<unknown>): Promise<{ message: string; details: EntryConflict }> {
  const error = (await save.then(() => undefined, (e: unknown) => e)) as { code?: string; message: string; details: EntryConflict } | undefined;
  expect(error?.code).toBe('Conflict');
  return error as { message: string; details: EntryConflict };
}
