/**
 * The change log's vocabulary: every write to an entry is recorded, in the same updating query,
 * with who made it, from where, what it was, and the entry as it was before (its pre-image).
 */

/**
 * What a change was: an inline edit, one entry of a bulk batch, an undo of a bulk operation, a
 * revert of one recorded change (an undo or redo in a window, "revert this change", `revert`);
 * a merge of duplicates (each entry it wrote, one bulk-like operation);
 * or, for the whole dictionary, an import that put a file in its place or a restore of a backup.
 */
export const CHANGE_OPS = ['edit', 'bulk', 'undo', 'revert', 'import', 'restore', 'curate', 'workset', 'merge', 'not-duplicates'] as const;

/**
 * The ops of worksets, which live beside the log: `curate` sets an entry's status, favourite or
 * notes in one workset (the field says which); `workset` creates, renames, refreshes or deletes
 * one (the field says which); `not-duplicates` records entries said not to be duplicates. None
 * touches an entry, so none is in an entry's history.
 */
export const WORKSET_OPS: readonly ChangeOp[] = ['curate', 'workset', 'not-duplicates'];

/** The ops that replace a whole dictionary: no change before one can be reverted after it. */
export const DICTIONARY_OPS: readonly ChangeOp[] = ['import', 'restore'];
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** Who writes, from which process on which machine: the same for every write of one process. */
export interface ChangeAuthor {
  /** The person's name, as set in the app (or --user, $WORKSET_BROWSER_USER); the OS user by default. */
  readonly who: string;
  readonly process: number;
  readonly host: string;
  /** This run of the app's services (random): a process follows the log for changes not its own. */
  readonly instance: string;
}

/** One record of the log, as `history` and `log` list it (`--json`), without its pre-image. */
export interface ChangeRecord {
  /** Position in the dictionary's log: 1, 2, 3…, never reused. */
  readonly seq: number;
  /** When it was written, ISO 8601 in UTC. */
  readonly at: string;
  readonly who: string;
  /** The BaseX user the write was made as. */
  readonly user: string;
  /** The window it came from (`cli` for the command line). */
  readonly window: string;
  readonly process: number;
  readonly host: string;
  readonly instance: string;
  readonly op: ChangeOp;
  /** The entry changed ('' for an import or a restore, which change the whole dictionary). */
  readonly guid: string;
  /** The field edited ('' for an undo, which puts a whole entry back, and for the revert of one). */
  readonly field: string;
  readonly lang: string;
  /** The trait, custom field or note type edited; for an import or a restore, the backup kept or brought back. */
  readonly name: string;
  /** The bulk operation the change belongs to, if any. */
  readonly bulk: number | null;
  /** For a revert, the change it reverted. */
  readonly reverts: number | null;
  /** For a curation or workset change, the workset (absent for changes to entries). */
  readonly workset?: number;
  /** The entry's version before and after the change. */
  readonly before: string;
  readonly after: string;
  /** The field's values before and after (empty for an undo). */
  readonly was: readonly string[];
  readonly now: readonly string[];
}
