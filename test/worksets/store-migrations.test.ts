import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/worksets/store/database.js';
import { MIGRATIONS } from '../../src-main/worksets/store/migrations.js';
import { SCHEMA_VERSION, STORE_FILE, StoreError, openStore } from '../../src-main/worksets/store/index.js';
import { tempFolders } from '../helpers/temp-folders.js';

const tempFolder = tempFolders('wb-store-migrations-');

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  } finally {
    db.close();
  }
}

function userVersion(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
}

describe('workset store migrations', () => {
  it('creates a fresh file at the newest schema, in WAL mode', () => {
    const folder = tempFolder();
    const store = openStore(folder);
    store.close();
    const file = join(folder, STORE_FILE);
    expect(userVersion(file)).toBe(SCHEMA_VERSION);
    expect(tables(file)).toEqual(['legacy_bulk_journal', 'legacy_bulk_ops', 'workset_entries', 'worksets']);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('creates the data folder when it does not exist yet', () => {
    const folder = join(tempFolder(), 'nested', 'data');
    openStore(folder).close();
    expect(existsSync(join(folder, STORE_FILE))).toBe(true);
  });

  it('migrates a version-1 file and keeps its worksets and entries', () => {
    const folder = tempFolder();
    const file = join(folder, STORE_FILE);
    const old = new Database(file);
    old.exec(MIGRATIONS[0].sql);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO worksets (dictionary, name, name_key, query, created, updated) VALUES ('dict', 'Verbs', 'verbs', '{\"all\":[]}', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')").run();
    old.prepare("INSERT INTO workset_entries (workset_id, guid, position, status, notes, headword, headword_sort) VALUES (1, 'g1', 0, 'done', 'checked', 'Walk', 'walk')").run();
    old.close();

    const store = openStore(folder);
    expect(userVersion(file)).toBe(SCHEMA_VERSION);
    expect(store.worksets.get(1)).toMatchObject({ name: 'Verbs', query: '{"all":[]}' });
    expect(store.entries.get(1, 'g1')).toMatchObject({ status: 'done', notes: 'checked', keys: { headword: 'Walk' } });
    // Bulk operations live on the dictionary's server now: nothing is left to move.
    expect(store.legacyBulk.operations()).toEqual([]);
    store.close();
  });

  it('refuses a file from a newer version and leaves it byte for byte as it was', () => {
    const folder = tempFolder();
    const file = join(folder, STORE_FILE);
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;

    let caught: unknown;
    try {
      openStore(folder);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect(caught).toMatchObject({ code: 'Unavailable', details: { schemaVersion: SCHEMA_VERSION + 1, known: SCHEMA_VERSION } });
    expect((caught as Error).message).toMatch(/newer Workset Browser.*left untouched/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    // Not even switched to WAL.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('rolls a failing migration back completely and stays at the previous version', () => {
    const folder = tempFolder();
    const broken = [MIGRATIONS[0], { version: 2, title: 'broken', sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);' }];
    expect(() => openDatabase(folder, { migrations: broken })).toThrow(/no such table/);
    const file = join(folder, STORE_FILE);
    expect(userVersion(file)).toBe(1);
    expect(tables(file)).not.toContain('half_done');
    // The real migrations then take it from version 1.
    openStore(folder).close();
    expect(userVersion(file)).toBe(SCHEMA_VERSION);
  });

  it('opens the same file twice (two windows) without migrating twice', () => {
    const folder = tempFolder();
    const first = openStore(folder);
    const second = openStore(folder);
    const created = first.worksets.create({ dictionary: 'd', name: 'Shared', query: '{}' });
    expect(second.worksets.get(created.id).name).toBe('Shared');
    first.close();
    second.close();
  });

  it('fails Unavailable on a file that is not a workset store', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, STORE_FILE), 'this is not SQLite, just some text that is long enough to have a header'.repeat(20));
    expect(() => openStore(folder)).toThrow(expect.objectContaining({ code: 'Unavailable', message: expect.stringMatching(/damaged or not a workset store/) }));
  });

  it('refuses a negative busy timeout as Invalid', () => {
    expect(() => openStore(tempFolder(), { busyTimeoutMs: -1 })).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });
});
