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
  {
    version: 3,
    title: 'bulk runs can be paused; worksets lose their unused ui_settings',
    // SQLite cannot change a CHECK in place, so bulk_ops is rebuilt. Foreign keys are ON here:
    // dropping bulk_ops would cascade into bulk_journal, so the journal is rebuilt beside it,
    // pointing at the new table, and the old pair is dropped child first. RENAME then carries
    // the journal's reference over to the final name.
    sql: `
      CREATE TABLE bulk_ops_v3 (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        workset_id INTEGER NOT NULL REFERENCES worksets (id) ON DELETE CASCADE,
        dictionary TEXT NOT NULL,
        op         TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'previewed'
                   CHECK (state IN ('previewed', 'running', 'paused', 'done', 'cancelled', 'interrupted', 'undone', 'failed')),
        -- A pause or cancel asked of the run, by any process; its runner acts on it between batches.
        requested  TEXT CHECK (requested IN ('pause', 'cancel')),
        total      INTEGER NOT NULL DEFAULT 0,
        changed    INTEGER NOT NULL DEFAULT 0,
        skipped    INTEGER NOT NULL DEFAULT 0,
        runner_pid INTEGER,
        error      TEXT,
        created    TEXT NOT NULL,
        updated    TEXT NOT NULL
      );
      CREATE TABLE bulk_journal_v3 (
        id           INTEGER PRIMARY KEY,
        op_id        INTEGER NOT NULL REFERENCES bulk_ops_v3 (id) ON DELETE CASCADE,
        guid         TEXT NOT NULL,
        pre_image    TEXT NOT NULL,
        preview_hash TEXT NOT NULL,
        post_hash    TEXT,
        state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'skipped', 'restored')),
        reason       TEXT,
        UNIQUE (op_id, guid)
      );
      INSERT INTO bulk_ops_v3 (id, workset_id, dictionary, op, state, total, changed, skipped, runner_pid, error, created, updated)
        SELECT id, workset_id, dictionary, op, state, total, changed, skipped, runner_pid, error, created, updated FROM bulk_ops;
      INSERT INTO bulk_journal_v3 SELECT id, op_id, guid, pre_image, preview_hash, post_hash, state, reason FROM bulk_journal;
      -- Keep the AUTOINCREMENT counter: a deleted operation's id is never handed out again.
      DELETE FROM sqlite_sequence WHERE name = 'bulk_ops_v3';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'bulk_ops_v3', seq FROM sqlite_sequence WHERE name = 'bulk_ops';
      DROP TABLE bulk_journal;
      DROP TABLE bulk_ops;
      ALTER TABLE bulk_ops_v3 RENAME TO bulk_ops;
      ALTER TABLE bulk_journal_v3 RENAME TO bulk_journal;
      CREATE INDEX bulk_ops_by_workset ON bulk_ops (workset_id, id);
      CREATE INDEX bulk_ops_by_state ON bulk_ops (state, dictionary);
      CREATE INDEX bulk_journal_by_state ON bulk_journal (op_id, state, id);

      ALTER TABLE worksets DROP COLUMN ui_settings;
    `,
  },
  {
    version: 4,
    title: 'the bulk journal moves to the dictionary server: what a data folder holds waits here to be moved',
    // The operations and journal rows are kept as they are, without the foreign key to the
    // workset: deleting a workset must not lose an operation still to be moved. Once the bulk
    // service has moved them to the server (bulk-migration.ts) it drops both tables; a store
    // made after this release drops them empty at its first bulk call.
    sql: `
      CREATE TABLE legacy_bulk_ops AS SELECT id, workset_id, dictionary, op, state, total, changed, skipped, error, created, updated FROM bulk_ops;
      CREATE TABLE legacy_bulk_journal AS SELECT id, op_id, guid, pre_image, preview_hash, post_hash, state, reason FROM bulk_journal;
      DROP TABLE bulk_journal;
      DROP TABLE bulk_ops;
      CREATE INDEX legacy_bulk_journal_by_op ON legacy_bulk_journal (op_id, id);
    `,
  },
  {
    version: 5,
    title: 'worksets live on the dictionary server: this file becomes its local index',
    // A row with a server is a copy of that server's workset `server_id` at revision `rev`
    // (its membership at `members_rev`), rebuilt from the server whenever it falls behind.
    // A row without one was made before worksets moved: it waits here until the service moves
    // it to the server of its dictionary (workset-migration.ts). Names are unique on the
    // server; the copies of two servers' worksets may share one, so the index is no longer unique.
    sql: `
      ALTER TABLE worksets ADD COLUMN server TEXT;
      ALTER TABLE worksets ADD COLUMN server_id INTEGER;
      ALTER TABLE worksets ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE worksets ADD COLUMN members_rev INTEGER NOT NULL DEFAULT 0;
      DROP INDEX worksets_by_name;
      CREATE INDEX worksets_by_name ON worksets (dictionary, name_key);
      CREATE UNIQUE INDEX worksets_by_server_id ON worksets (server, server_id);
    `,
  },
  {
    version: 6,
    title: 'entries of a workset can be assigned to people',
    // Copies take the assignee from the server; the next look at each workset fills it in.
    sql: `
      ALTER TABLE workset_entries ADD COLUMN assigned_to TEXT;
      UPDATE worksets SET rev = -1, members_rev = -1 WHERE server IS NOT NULL;
      CREATE INDEX workset_entries_by_assignee ON workset_entries (workset_id, assigned_to, position);
    `,
  },
];

/** The newest schema this build knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
