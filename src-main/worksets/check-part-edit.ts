import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import { isPartField } from '../domain/entry-part-edits.js';
import type { FieldEdit } from '../domain/edits.js';
import { onDatabase } from '../lift/database-query.js';
import { LIFT_PROLOG } from '../lift/documents.js';
import { LIVE_ENTRY } from '../lift/entry-xml.js';
import { relationTargets } from '../lift/relation-targets.js';

/** Whether the entry is there, whether the owner (the entry, or the sense chosen) is, and how many parts of the kind it holds. */
const PART_COUNT = `${LIFT_PROLOG}${LIVE_ENTRY}
declare variable $guid as xs:string external;
declare variable $field as xs:string external;
declare variable $sense as xs:integer external;
let $e := local:entry($guid)
let $owner := if ($sense ge 0) then $e/sense[$sense + 1] else $e
return (string(exists($e)), string(exists($owner)), string(count($owner/*[local-name() = $field])))`;

/**
 * Why an edit of a pronunciation, variant or relation changed nothing, when the reason is that
 * the entry lacks the part (or the sense) it names: an Invalid saying so, instead of a save that
 * looks like success. Asked only after the edit changed nothing, against the entry as it is then
 * (a stale edit met its conflict before that).
 */
export async function checkPartPlace(session: Queryable, dictionary: string, guid: string, edit: FieldEdit): Promise<void> {
  if (!isPartField(edit.field)) return;
  const [found, owned, count] = await session.query(onDatabase(dictionary, PART_COUNT), { guid, field: edit.field, sense: edit.sense ?? -1 }, { idempotent: true });
  // A missing entry is the edit's own NotFound.
  if (found !== 'true') return;
  if (owned !== 'true') throw invalid('sense', `the entry has no sense ${(edit.sense ?? 0) + 1}`);
  const held = Number(count);
  if (edit.index !== undefined && edit.index >= held) {
    throw invalid('index', `the ${edit.sense !== undefined ? `sense ${edit.sense + 1}` : 'entry'} has no ${edit.field} ${edit.index + 1} (it has ${held})`);
  }
}

/** Refuses, before anything is written, a new relation whose target is not in the dictionary, or is the entry itself. */
export async function checkRelationTarget(session: Queryable, dictionary: string, guid: string, edit: FieldEdit): Promise<void> {
  if (edit.field === 'relation' && edit.action === 'add' && edit.ref) {
    const [target] = await relationTargets(session, dictionary, [edit.ref]);
    if (!target) throw invalid('ref', `no entry or sense of ${dictionary} has the id “${edit.ref}”`);
    if (target.guid === guid && target.gloss === undefined && edit.sense === undefined) throw invalid('ref', 'an entry cannot be related to itself');
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError('Invalid', message, { issues: [{ path, message }] });
}
