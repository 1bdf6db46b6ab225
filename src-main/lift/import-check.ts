import { basename } from 'node:path';
import type { Queryable } from '../basex/queryable.js';
import { LIFT_DOC } from './database-names.js';
import { onDatabase } from './database-query.js';
import { elementPositions, type FilePosition } from './element-positions.js';
import { LiftError } from './errors.js';
import type { SourceLayout } from './source-layout.js';

/**
 * What the check phase reads back from the new database: the entry counts, the LIFT version, the first live entry without a guid and the first guid two live
 * entries share (positions among the entries, to find them in the file).
 */
const CHECK_IMPORT = `
declare variable $db external;
let $lift := db:open($db, '${LIFT_DOC}')/lift
let $entries := $lift/entry
let $guids := $entries[empty(@dateDeleted)]/@guid
return serialize(map {
  'entries': count($entries),
  'deleted': count($entries[@dateDeleted]),
  'version': array { $lift/@version/string() },
  'noGuid': array {
    (for $e at $i in $entries where empty($e/@dateDeleted) and normalize-space($e/@guid) = ''
     return map { 'position': $i, 'id': string($e/@id) })[1]
  },
  'duplicate': array {
    if (count(distinct-values($guids)) = count($guids)) then () else
      (for $e at $i in $entries
       where empty($e/@dateDeleted)
       group by $guid := string($e/@guid)
       where count($e) > 1
       return map { 'guid': $guid, 'first': $i[1], 'second': $i[2] })[1]
  }
}, map { 'method': 'json' })
`;

interface CheckAnswer {
  readonly entries: number;
  readonly deleted: number;
  readonly version: [string?];
  readonly noGuid: [{ position: number; id: string }?];
  readonly duplicate: [{ guid: string; first: number; second: number }?];
}

/** LIFT versions the standard has defined; a file may also leave the version out. */
const KNOWN_VERSIONS = /^0\.1[0-5]$/;

/**
 * Entry counts of the new database, after making sure it holds what the app can work with. It
 * was created with the import's options: the import runs on a pinned connection
 * (withImportOptions), so a reconnect cannot have lost them.
 *
 * Refused: a LIFT version the standard does not define; a live entry without a guid, or two
 * live entries with the same guid (worksets, edits and bulk journals identify entries by guid,
 * so such an entry could be neither listed nor edited). Accepted: no version attribute, entries
 * without an id, and tombstones (`dateDeleted`) without a guid or sharing one, since nothing
 * lists or edits a tombstone.
 */
export async function checkImport(session: Queryable, database: string, source: { readonly file: string; readonly layout: Pick<SourceLayout, 'rootLine' | 'rootColumn'> }): Promise<{ entries: number; deleted: number }> {
  const answer = JSON.parse(await session.execute(onDatabase(database, CHECK_IMPORT))) as CheckAnswer;
  const file = basename(source.file);
  const [version] = answer.version;
  if (version !== undefined && !KNOWN_VERSIONS.test(version)) {
    const { rootLine: line, rootColumn: column } = source.layout;
    throw new LiftError('Invalid', `${file}:${line}:${column}: LIFT version "${version}" is not supported: this app reads LIFT 0.10 to 0.15`, { line, column });
  }
  const [noGuid] = answer.noGuid;
  if (noGuid) {
    const at = (await elementPositions(source.file, 'entry', [noGuid.position])).get(noGuid.position);
    const which = noGuid.id ? `entry "${noGuid.id}"` : `entry ${noGuid.position} (it has no id either)`;
    throw refusal(file, at, `${which} has no guid: every entry needs one, the app identifies entries by guid`);
  }
  const [duplicate] = answer.duplicate;
  if (duplicate) {
    const positions = await elementPositions(source.file, 'entry', [duplicate.first, duplicate.second]);
    const first = positions.get(duplicate.first);
    const where = first ? ` (first at ${first.line}:${first.column})` : '';
    throw refusal(file, positions.get(duplicate.second), `guid "${duplicate.guid}" is used by a second entry${where}: guids identify entries and must be unique`);
  }
  return { entries: answer.entries, deleted: answer.deleted };
}

/** An Invalid error about `file`, at `at` when the entry was found in it. */
function refusal(file: string, at: FilePosition | undefined, problem: string): LiftError {
  if (!at) return new LiftError('Invalid', `${file}: ${problem}`);
  return new LiftError('Invalid', `${file}:${at.line}:${at.column}: ${problem}`, { line: at.line, column: at.column });
}
