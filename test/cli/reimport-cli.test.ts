import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { ChangeRecord } from '../../src-main/domain/changes.js';
import type { DictionarySummary, ImportResult } from '../../src-main/domain/dictionaries.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { jsonOf, runCli } from '../helpers/cli.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

const json = jsonOf;

/** Importing onto an existing dictionary: refused unless asked, replaced with a backup, restored from it. */
describe('workset-browser import --replace and dictionaries restore', () => {
  let session: BaseXSession;
  let store: Store;
  const folder = mkdtempSync(join(tmpdir(), 'wb-reimport-'));
  const db = uniqueName('reimport');
  const cli = (...args: string[]) => runCli(folder, ...args);

  beforeAll(async () => {
    session = await connectTestSession();
    store = openStore(join(folder, 'ana'));
  });
  afterAll(async () => {
    store.close();
    await session.command(`DROP DB ${db}*`);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a second import naming the changes it would lose, replaces on --replace keeping a backup, and restores it', async () => {
    expect(json<ImportResult>(await cli('import', SAMPLE, '--db', db, '--json'))).toMatchObject({ database: db, entries: 234 });
    const ana = new EntryService(store, { ...TEST_AUTHOR, who: 'Ana', instance: 'ana' });
    const [guid] = await session.query(`declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)][sense/gloss[@lang = 'en']][1]/@guid/string()`, { db });
    const edited = await ana.edit(session, db, guid, (await ana.get(session, db, guid)).version, { action: 'set', field: 'gloss', lang: 'en', value: 'kept in the backup' });

    const refused = await cli('import', SAMPLE, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`workset-browser: there is already a dictionary "${db}" (1 entry was changed since it was imported): import with --replace to put this file in its place (the current one is kept as a backup)\n`);
    expect((await ana.get(session, db, guid)).xml).toContain('kept in the backup');

    const replaced = json<ImportResult>(await cli('import', SAMPLE, '--db', db, '--replace', '--json', '--user', 'Ben'));
    expect(replaced).toMatchObject({ database: db, entries: 234, backup: expect.stringMatching(new RegExp(`^${db}__backup_[0-9a-f]{8}$`)) });
    expect((await ana.get(session, db, guid)).xml).not.toContain('kept in the backup');
    const listed = json<DictionarySummary[]>(await cli('dictionaries', '--json')).find((d) => d.name === db);
    expect(listed).toMatchObject({ entries: 234, backups: 1, log: { changes: 3, size: expect.any(String) } });
    // A change made before the replace cannot be reverted in the dictionary there now.
    expect(await cli('revert', db, String(edited.change))).toMatchObject({ code: 1, stderr: expect.stringMatching(/was made before .* was replaced \(change 3\)/) });

    const restored = json<{ restored: string; backup: string }>(await cli('dictionaries', 'restore', db, '--json'));
    expect(restored).toEqual({ restored: replaced.backup, backup: expect.stringMatching(new RegExp(`^${db}__backup_`)) });
    expect(restored.backup).not.toBe(replaced.backup);
    expect((await ana.get(session, db, guid)).xml).toContain('kept in the backup');
    expect(json<{ database: string }[]>(await cli('dictionaries', 'backups', db, '--json')).map((b) => b.database)).toEqual([restored.backup]);
    const log = json<ChangeRecord[]>(await cli('log', db, '--json'));
    expect(log.map((c) => [c.seq, c.op, c.who, c.name])).toEqual([
      [1, 'import', expect.any(String), ''],
      [2, 'edit', 'Ana', ''],
      [3, 'import', 'Ben', replaced.backup],
      [4, 'restore', expect.any(String), replaced.backup],
    ]);
    expect(await cli('dictionaries', 'restore', 'no_such_dictionary_here')).toMatchObject({ code: 1, stderr: expect.stringMatching(/there is no backup of "no_such_dictionary_here"/) });
  }, 180_000);
});
