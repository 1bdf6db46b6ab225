import type { Queryable } from '../basex/queryable.js';
import type { ChangeRecord } from '../domain/changes.js';
import { isPartField } from '../domain/entry-part-edits.js';
import type { FieldEdit } from '../domain/edits.js';
import { entryHistory } from '../lift/change-log.js';

/** What the log says about the changes an entry had since a version: none in the field, one in it, or unknown. */
export type SinceVersion = { readonly kind: 'other-fields' } | { readonly kind: 'same-field'; readonly change: ChangeRecord } | { readonly kind: 'unknown' };

/**
 * Whether a save started from `version` may be applied to the entry as it is now: yes when every
 * change recorded since that version touched other fields. A change to the same field (same
 * field, writing system and name; a change naming no writing system counts for all of them), a
 * change naming no field (an undo puts a whole entry back), or a version the log does not know
 * is a real conflict.
 */
export async function changesSinceVersion(session: Queryable, dictionary: string, guid: string, version: string, edit: FieldEdit): Promise<SinceVersion> {
  const since = recordedSince(await entryHistory(session, dictionary, guid), version);
  if (!since || since.length === 0) return { kind: 'unknown' };
  const clash = since.find((change) => !change.field || sameField(change, edit));
  return clash ? { kind: 'same-field', change: clash } : { kind: 'other-fields' };
}

/**
 * The changes after `version`, from an entry's history (newest first): those newer than the
 * change that left it (its `after`), or, for a version no change made (as imported), every change
 * from the first that started from it.
 */
function recordedSince(history: readonly ChangeRecord[], version: string): readonly ChangeRecord[] | undefined {
  const made = history.findIndex((change) => change.after === version);
  if (made >= 0) return history.slice(0, made);
  const first = history.findLastIndex((change) => change.before === version);
  return first >= 0 ? history.slice(0, first + 1) : undefined;
}

/** Changes to the entry's shape: no edit made before one merges with it. */
const SHAPE_FIELDS: readonly string[] = ['sense', 'entry'];

/** Whether a recorded change touched the field of `edit` (a change or edit naming no writing system counts for all). */
export function sameField(change: ChangeRecord, edit: Pick<FieldEdit, 'lang' | 'name'> & { readonly field: string }): boolean {
  // A sense added, deleted or moved, or the entry deleted, shifts what every other edit points at.
  if (SHAPE_FIELDS.includes(change.field) || SHAPE_FIELDS.includes(edit.field)) return true;
  if (change.field !== edit.field) return false;
  // Pronunciations, variants and relations are picked by place: any change to one of a kind may have moved the others.
  if (isPartField(edit.field)) return true;
  if ((change.name || '') !== (edit.name ?? '')) return false;
  return !change.lang || !edit.lang || change.lang === edit.lang;
}
