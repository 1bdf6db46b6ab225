/**
 * The schema of worksets.sqlite, as an ordered list of migrations. `PRAGMA user_version` holds
 * the version of the last one applied; each runs in its own transaction.
 *
 * Never edit a migration that has shipped: add the next one. A migration that has to rebuild a
 * table must follow SQLite's 12-step procedure (https://sqlite.org/lang_altertable.html#otheralter)
 * and note that foreign keys are ON while it runs.
 */
export interface Migration {
  readonly version: number;
  readonly title: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    title: 'worksets and their entries',
    sql: `
      -- AUTOINCREMENT so a deleted workset's id is never reused: a window still showing it must
      -- get NotFound, not somebody else's new workset.
      CREATE TABLE worksets (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        dictionary  TEXT NOT NULL,
        name        TEXT NOT NULL,
        -- The name trimmed, NFC and lower-cased in JavaScript: names are unique per dictionary
        -- regardless of case in every script (COLLATE NOCASE folds ASCII only).
        name_key    TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        query       TEXT NOT NULL,
        ui_settings TEXT NOT NULL DEFAULT '{}',
        created     TEXT NOT NULL,
        updated     TEXT NOT NULL,
        last_change TEXT
      );
      CREATE UNIQUE INDEX worksets_by_name ON worksets (dictionary, name_key);

      -- Sort keys are copied from the dictionary when the snapshot is taken, so a page in any
      -- order is an index scan here instead of a BaseX query. The *_sort columns hold the text
      -- keys folded for sorting; empty keys are NULL everywhere.
      CREATE TABLE workset_entries (
        id            INTEGER PRIMARY KEY,
        workset_id    INTEGER NOT NULL REFERENCES worksets (id) ON DELETE CASCADE,
        guid          TEXT NOT NULL,
        position      INTEGER NOT NULL,
        status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'review')),
        favourite     INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
        notes         TEXT NOT NULL DEFAULT '',
        modified      TEXT,
        headword      TEXT,
        pos           TEXT,
        gloss         TEXT,
        date_created  TEXT,
        date_modified TEXT,
        headword_sort TEXT,
        pos_sort      TEXT,
        gloss_sort    TEXT,
        UNIQUE (workset_id, guid)
      );
      -- Status and favourite trail the order columns so a filtered page is checked inside the
      -- index, without a table lookup per skipped row. Ties break on position, which is unique
      -- per workset and half the cost of a guid in every index at 100,000 rows.
      CREATE INDEX entries_by_position ON workset_entries (workset_id, position, status, favourite);
      CREATE INDEX entries_by_status ON workset_entries (workset_id, status, position);
      CREATE INDEX entries_by_headword ON workset_entries (workset_id, headword_sort, position, status, favourite);
      CREATE INDEX entries_by_pos ON workset_entries (workset_id, pos_sort, position, status, favourite);
      CREATE INDEX entries_by_gloss ON workset_entries (workset_id, gloss_sort, position, status, favourite);
      CREATE INDEX entries_by_date_created ON workset_entries (workset_id, date_created, position, status, favourite);
      CREATE INDEX entries_by_date_modified ON workset_entries (workset_id, date_modified, position, status, favourite);
    `,
  },
  {
    version: 2,
    title: 'bulk operations and their journal',
    sql: `
      CREATE TABLE bulk_ops (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        workset_id INTEGER NOT NULL REFERENCES worksets (id) ON DELETE CASCADE,
        dictionary TEXT NOT NULL,
        op         TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'previewed'
                   CHECK (state IN ('previewed', 'running', 'done', 'cancelled', 'interrupted', 'undone', 'failed')),
        total      INTEGER NOT NULL DEFAULT 0,
        changed    INTEGER NOT NULL DEFAULT 0,
        skipped    INTEGER NOT NULL DEFAULT 0,
        -- The process running the operation, so one starting up does not take another's live
        -- run for an interrupted one.
        runner_pid INTEGER,
        error      TEXT,
        created    TEXT NOT NULL,
        updated    TEXT NOT NULL
      );
      CREATE INDEX bulk_ops_by_workset ON bulk_ops (workset_id, id);
      CREATE INDEX bulk_ops_by_state ON bulk_ops (state, dictionary);

      CREATE TABLE bulk_journal (
        id           INTEGER PRIMARY KEY,
        op_id        INTEGER NOT NULL REFERENCES bulk_ops (id) ON DELETE CASCADE,
        guid         TEXT NOT NULL,
        pre_image    TEXT NOT NULL,
        preview_hash TEXT NOT NULL,
        post_hash    TEXT,
        state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'skipped', 'restored')),
        reason       TEXT,
        UNIQUE (op_id, guid)
      );
      CREATE INDEX bulk_journal_by_state ON bulk_journal (op_id, state, id);
    `,
  },
];

/** The newest schema this build knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
