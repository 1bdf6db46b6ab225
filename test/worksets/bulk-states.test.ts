import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  BULK_STATES, BULK_TRANSITIONS, PAUSABLE_STATES, RESUMABLE_STATES, UNDOABLE_STATES,
} from '../../src-main/domain/bulk-states.js';
import { MIGRATIONS } from '../../src-main/worksets/store/migrations.js';
import { STORE_FILE, openStore } from '../../src-main/worksets/store/index.js';
import { tempFolders } from '../helpers/temp-folders.js';

const tempFolder = tempFolders('wb-bulk-states-');

describe('bulk states', () => {
  it('derives what can be undone, resumed and paused from the one transition table', () => {
    expect([...UNDOABLE_STATES].sort()).toEqual(['cancelled', 'done', 'failed', 'interrupted', 'paused']);
    expect([...RESUMABLE_STATES].sort()).toEqual(['failed', 'interrupted', 'paused']);
    expect([...PAUSABLE_STATES]).toEqual(['running']);
    for (const state of BULK_STATES) for (const next of BULK_TRANSITIONS[state]) expect(BULK_STATES).toContain(next);
    expect(BULK_TRANSITIONS.undone).toEqual([]);
  });

  it('migrates a version-2 store keeping every operation and its journal, to be moved to the server', () => {
    const folder = tempFolder();
    const file = join(folder, STORE_FILE);
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    old.exec(MIGRATIONS[0].sql);
    old.exec(MIGRATIONS[1].sql);
    old.pragma('user_version = 2');
    const stamp = '2026-01-01T00:00:00.000Z';
    old.prepare("INSERT INTO worksets (dictionary, name, name_key, query, ui_settings, created, updated) VALUES ('d', 'W', 'w', '{}', '{}', ?, ?)").run(stamp, stamp);
    for (const state of ['done', 'interrupted', 'undone']) {
      old.prepare('INSERT INTO bulk_ops (workset_id, dictionary, op, state, total, changed, created, updated) VALUES (1, ?, ?, ?, 1, 1, ?, ?)').run('d', '{}', state, stamp, stamp);
    }
    old.prepare("INSERT INTO bulk_journal (op_id, guid, pre_image, preview_hash, post_hash, state) VALUES (1, 'g1', '<entry/>', 'h0', 'h1', 'applied')").run();
    old.prepare("INSERT INTO bulk_journal (op_id, guid, pre_image, preview_hash, state) VALUES (2, 'g2', '<entry guid=\"g2\"/>', 'h2', 'pending')").run();
    // The newest operation was deleted: its id must not come back.
    old.prepare('DELETE FROM bulk_ops WHERE id = 3').run();
    old.close();

    const store = openStore(folder);
    // Kept as they were until the bulk service moves them to the dictionary's server (bulk-migration.ts).
    expect(store.legacyBulk.operations().map((op) => [op.id, op.state])).toEqual([[1, 'done'], [2, 'interrupted']]);
    expect([...store.legacyBulk.journal(1, 10)].flat()).toMatchObject([{ guid: 'g1', preImage: '<entry/>', postHash: 'h1', state: 'applied' }]);
    expect([...store.legacyBulk.journal(2, 10)].flat()).toMatchObject([{ guid: 'g2', state: 'pending' }]);
    // Deleting the workset loses none of them before they are moved.
    store.worksets.delete(1);
    expect(store.legacyBulk.operations()).toHaveLength(2);
    store.legacyBulk.remove(1);
    store.legacyBulk.remove(2);
    expect(store.legacyBulk.exists()).toBe(false);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM pragma_table_info('worksets') WHERE name = 'ui_settings'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name LIKE '%bulk%'").get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
