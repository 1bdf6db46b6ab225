import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { Status } from '../domain/statuses.js';
import type { WorksetEntry } from '../domain/worksets.js';
import { CHANGE_LOG_PROLOG, changeBindings, ensureChangeLog, withChangeLog, type ChangeMeta } from './change-log.js';
import { onDatabase } from './database-query.js';
import { allocateNumber, dictionaryNumbered } from './server-register.js';

/**
 * Worksets as the dictionary's server keeps them: one document `worksets/<id>.xml` in the
 * dictionary's log database, `<workset>` with its name, query and revisions, holding an `<m>`
 * per member (its guid, place, status, favourite, notes as text, and who set them when).
 *
 * Every desktop connected to the server sees the same worksets, and every change to one is a
 * record in the log written by the same updating query (op `curate` or `workset`), so other
 * processes hear of it as they hear of entry edits. Ids are the server's (its register,
 * server-register.ts, numbers worksets as it numbers bulk operations): one id names one
 * workset on every desktop.
 *
 * `@rev` rises with every change to the workset; a member carries the `@rev` it last changed at,
 * so a desktop's local index (worksets/workset-index.ts) takes in just what changed since the
 * revision it holds. `@members-rev` is the revision membership last changed at (create, refresh):
 * past it, the index takes the whole list again.
 */

export interface WorksetMeta {
  readonly id: number;
  readonly dictionary: string;
  readonly name: string;
  readonly description: string;
  /** The query as JSON, exactly as given. */
  readonly query: string;
  readonly created: string;
  readonly updated: string;
  readonly lastChange: string | null;
  readonly rev: number;
  readonly membersRev: number;
}

/** A member and its curation, as the server holds them (a workset's row without the entry's view). */
export type ServerMember = Omit<WorksetEntry, 'entry'>;

/**
 * A member as a workset made elsewhere holds it (moved from a data folder, restored from a
 * file), in place order; `by` is who set its curation (default: whoever makes the workset).
 */
export type MovedMember = Omit<ServerMember, 'position'> & { readonly by?: string };

/** A new workset's member: as moved, or just its guid (pending). */
export type NewMember = string | MovedMember;

export type Curation = { readonly status: Status } | { readonly favourite: boolean } | { readonly notes: string };

export function worksetPath(id: number): string {
  return `worksets/${id}.xml`;
}

const META_JSON = String.raw`
declare function local:meta($w as element(workset)) as map(*) {
  map {
    'id': xs:integer($w/@id), 'dictionary': string($w/@dictionary), 'name': string($w/@name),
    'description': string($w/@description), 'query': string($w/@query),
    'created': string($w/@created), 'updated': string($w/@updated),
    'lastChange': if (string($w/@last-change)) then string($w/@last-change) else (),
    'rev': xs:integer($w/@rev), 'membersRev': xs:integer($w/@members-rev)
  }
};`;

const MEMBER_JSON = String.raw`
declare function local:member($m as element(m)) as map(*) {
  map {
    'guid': string($m/@guid), 'position': xs:integer($m/@p), 'status': string($m/@s), 'favourite': $m/@f = '1',
    'notes': string($m), 'modified': if (string($m/@at)) then string($m/@at) else (),
    'assignedTo': if (string($m/@to)) then string($m/@to) else ()
  }
};`;

/** The dictionary that holds workset `id`, if the server numbered one so. */
export function dictionaryOfWorkset(session: Queryable, id: number): Promise<string | undefined> {
  return dictionaryNumbered(session, 'workset', id);
}

export interface NewServerWorkset {
  readonly name: string;
  /** The name trimmed, NFC and lower-cased: two worksets whose keys are equal may not both exist. */
  readonly nameKey: string;
  readonly description: string;
  readonly query: string;
  readonly members: readonly NewMember[];
}

const READ_PROLOG = `declare variable $db external; declare variable $log-db external;
${META_JSON}
declare variable $worksets := if (db:exists($log-db)) then db:open($log-db, 'worksets')/workset else ();`;

/**
 * Stores a new workset with its members (pending, or as given), numbered by the server. A name
 * the dictionary already has (compared by key) is refused as a Conflict naming it.
 */
export async function createServerWorkset(session: Queryable, db: string, input: NewServerWorkset, meta: ChangeMeta): Promise<WorksetMeta> {
  await ensureChangeLog(session, db);
  refuseTaken(await takenName(session, db, input.nameKey), db);
  const id = await allocateNumber(session, 'workset', db);
  // Members travel as JSON: notes may hold any character.
  const rows = input.members.map((m) =>
    typeof m === 'string' ? [m, 'pending', '0', '', '', '', ''] : [m.guid, m.status, m.favourite ? '1' : '0', m.modified ?? '', m.by ?? (m.modified ? meta.author.who : ''), m.assignedTo ?? '', m.notes]);
  const [line] = await session.query(
    onDatabase(db, `declare variable $db external;
     ${CHANGE_LOG_PROLOG}
     declare variable $path external; declare variable $id as xs:integer external;
     declare variable $name external; declare variable $key external; declare variable $description external;
     declare variable $query external; declare variable $rows as xs:string external;
     let $taken := db:open($log-db, 'worksets')/workset[@key = $key]
     return if (exists($taken)) then update:output('taken&#9;' || $taken[1]/@name)
     else
       let $now := string($log-at)
       let $members := for $row at $p in parse-json($rows)?*
         return <m guid="{$row(1)}" p="{$p - 1}" s="{$row(2)}" f="{$row(3)}" rev="1" at="{$row(4)}" by="{$row(5)}" to="{$row(6)}">{ $row(7)[. != ''] }</m>
       return (
         db:add($log-db, <workset id="{$id}" dictionary="{$db}" name="{$name}" key="{$key}" description="{$description}"
           query="{$query}" created="{$now}" updated="{$now}" last-change="" rev="1" members-rev="1">{ $members }</workset>, $path),
         local:log(local:workset-change($log-last + 1, '', (), ($name))),
         update:output('made'))`),
    { ...changeBindings({ ...meta, workset: id }), path: worksetPath(id), id, name: input.name, key: input.nameKey, description: input.description, query: input.query, rows: JSON.stringify(rows) },
  );
  if (line.startsWith('taken\t')) refuseTaken(line.slice(6), db);
  const made = await getServerWorkset(session, db, id);
  if (!made) throw new Error(`workset ${id} was not stored`);
  return made;
}

async function takenName(session: Queryable, db: string, key: string): Promise<string | undefined> {
  const [name] = await session.query(
    onDatabase(db, `${READ_PROLOG} declare variable $key external; $worksets[@key = $key][1]/@name/string()`),
    { key },
    { idempotent: true },
  );
  return name;
}

function refuseTaken(name: string | undefined, db: string): void {
  if (name !== undefined) throw new AppError('Conflict', `dictionary ${db} already has a workset named "${name}"; choose another name`);
}

export async function getServerWorkset(session: Queryable, db: string, id: number): Promise<WorksetMeta | undefined> {
  const [json] = await session.query(
    onDatabase(db, `${READ_PROLOG} declare variable $id as xs:integer external;
     for $w in $worksets[@id = $id] return serialize(local:meta($w), map { 'method': 'json' })`),
    { id },
    { idempotent: true },
  );
  return json === undefined ? undefined : (JSON.parse(json) as WorksetMeta);
}

/** The dictionary's worksets (without their members), by id. */
export async function listServerWorksets(session: Queryable, db: string): Promise<WorksetMeta[]> {
  const json = await session.execute(
    onDatabase(db, `${READ_PROLOG}
     serialize(array { for $w in $worksets order by xs:integer($w/@id) return local:meta($w) }, map { 'method': 'json' })`),
    {},
    { idempotent: true },
  );
  return JSON.parse(json) as WorksetMeta[];
}

/** Members changed after revision `since` (every member for -1), in place order. */
export async function serverMembers(session: Queryable, db: string, id: number, since: number): Promise<ServerMember[]> {
  const json = await session.execute(
    onDatabase(db, `${READ_PROLOG} ${MEMBER_JSON}
     declare variable $path external; declare variable $since as xs:integer external;
     let $w := if (db:exists($log-db, $path)) then db:open($log-db, $path)/workset else ()
     return serialize(array { for $m in $w/m[xs:integer(@rev) > $since] return local:member($m) }, map { 'method': 'json' })`),
    { path: worksetPath(id), since },
    { idempotent: true },
  );
  return JSON.parse(json) as ServerMember[];
}

/**
 * Sets one member's status, favourite or notes, stamped with who and when, and records it. A
 * value equal to the one there is still written (the person meant it) but changes nothing else.
 * Answers the sequence number of its record.
 */
export async function curateServerWorkset(session: Queryable, db: string, id: number, guid: string, curation: Curation, meta: ChangeMeta): Promise<number> {
  const [field, value] =
    'status' in curation ? ['status', curation.status] : 'favourite' in curation ? ['favourite', curation.favourite ? '1' : '0'] : ['notes', curation.notes];
  const line = await write(session, db, id, `
     let $m := $w/m[@guid = $guid]
     return if (empty($m)) then update:output('no-member')
     else (
       if ($field = 'status') then replace value of node $m/@s with $value
       else if ($field = 'favourite') then replace value of node $m/@f with $value
       else replace value of node $m with $value,
       replace value of node $m/@rev with $rev, replace value of node $m/@at with $now, replace value of node $m/@by with $log-who,
       replace value of node $w/@rev with $rev, replace value of node $w/@last-change with $now,
       local:log(local:workset-change($log-last + 1, $guid,
         (if ($field = 'status') then string($m/@s) else if ($field = 'favourite') then string($m/@f) else string($m)), $value)),
       update:output(string($log-last + 1)))`, { guid, field, value }, { ...meta, op: 'curate', field, workset: id });
  return Number(line);
}

/**
 * Assigns members to people: `to` maps each person ('' for nobody) to their members' guids. One
 * updating query and one log record (field `assign`) for the whole assignment; guids that are not
 * members are passed over. Answers how many members each person was given.
 */
export async function assignServerWorkset(session: Queryable, db: string, id: number, to: ReadonlyMap<string, readonly string[]>, meta: ChangeMeta): Promise<Map<string, number>> {
  const pairs = [...to].map(([who, guids]) => [who, guids.join('\n')]);
  const line = await write(session, db, id, `
     let $given := for $pair in parse-json($pairs)?*
       let $wanted := map:merge(for $g in tokenize($pair(2), '&#10;')[. != ''] return map { $g: true() })
       return map { 'who': $pair(1), 'members': $w/m[map:contains($wanted, string(@guid))] }
     return (
       for $g in $given, $m in $g?members
       return (
         if ($m/@to) then replace value of node $m/@to with $g?who else insert node attribute to { $g?who } into $m,
         replace value of node $m/@rev with $rev, replace value of node $m/@at with $now, replace value of node $m/@by with $log-who),
       replace value of node $w/@rev with $rev, replace value of node $w/@last-change with $now,
       local:log(local:workset-change($log-last + 1, '', (),
         string-join(for $g in $given return (if ($g?who = '') then 'nobody' else $g?who) || ': ' || count($g?members), '; '))),
       update:output(string-join(for $g in $given return count($g?members), '&#9;')))`,
    { pairs: JSON.stringify(pairs) }, { ...meta, op: 'curate', field: 'assign', workset: id });
  const counts = line === '' ? [] : line.split('\t').map(Number);
  return new Map([...to.keys()].map((who, i) => [who, counts[i] ?? 0]));
}

export async function renameServerWorkset(session: Queryable, db: string, id: number, name: string, nameKey: string, meta: ChangeMeta): Promise<void> {
  await write(session, db, id, `
     let $taken := db:open($log-db, 'worksets')/workset[@key = $key][@id != $w/@id]
     return if (exists($taken)) then update:output('taken&#9;' || $taken[1]/@name)
     else (
       replace value of node $w/@name with $name, replace value of node $w/@key with $key,
       replace value of node $w/@updated with $now, replace value of node $w/@rev with $rev,
       local:log(local:workset-change($log-last + 1, '', string($w/@name), $name)),
       update:output('done'))`, { name, key: nameKey }, { ...meta, op: 'workset', field: 'rename', workset: id });
}

export async function deleteServerWorkset(session: Queryable, db: string, id: number, meta: ChangeMeta): Promise<void> {
  await write(session, db, id, `(db:delete($log-db, $path), local:log(local:workset-change($log-last + 1, '', string($w/@name), ())), update:output('done'))`,
    {}, { ...meta, op: 'workset', field: 'delete', workset: id });
}

/**
 * Membership as a query now matches (`guids`, in its order): members still matching keep their
 * place and curation, new ones are appended pending, the rest go. With `query` (its JSON), the
 * workset's query becomes that one in the same write (field `query` in the log, not `refresh`).
 */
export async function refreshServerWorkset(
  session: Queryable, db: string, id: number, guids: readonly string[], meta: ChangeMeta, query?: string,
): Promise<{ added: number; removed: number; total: number }> {
  const line = await write(session, db, id, `
     let $matching := distinct-values(tokenize($guids, '&#10;')[. != ''])
     (: Maps, not general comparisons: those compare every member with every guid. :)
     let $wanted := map:merge(for $g in $matching return map { $g: true() })
     let $keep := $w/m[map:contains($wanted, string(@guid))]
     let $had := map:merge(for $m in $keep return map { string($m/@guid): true() })
     let $new := $matching[not(map:contains($had, .))]
     let $next := max(($w/m/xs:integer(@p), -1)) + 1
     let $gone := $w/m except $keep
     return (
       delete node $gone,
       if ($query = '') then () else replace value of node $w/@query with $query,
       insert node (for $g at $i in $new return <m guid="{$g}" p="{$next + $i - 1}" s="pending" f="0" rev="{$rev}" at="" by="" to=""/>) into $w,
       replace value of node $w/@rev with $rev, replace value of node $w/@members-rev with $rev, replace value of node $w/@updated with $now,
       local:log(local:workset-change($log-last + 1, '', string(count($w/m)), string(count($keep) + count($new)))),
       update:output(count($new) || '&#9;' || count($gone) || '&#9;' || (count($keep) + count($new))))`,
    { guids: guids.join('\n'), query: query ?? '' }, { ...meta, op: 'workset', field: query === undefined ? 'refresh' : 'query', workset: id });
  const [added, removed, total] = line.split('\t').map(Number);
  return { added, removed, total };
}

/**
 * One updating query on workset `id`'s document (`$w`), with `$rev` its next revision and `$now`
 * the time; `body` answers 'no-member' or 'taken', or anything else for done. A workset gone
 * (deleted on another desktop) is NotFound.
 */
async function write(session: Queryable, db: string, id: number, body: string, bindings: Record<string, string | number>, meta: ChangeMeta): Promise<string> {
  const declared = Object.keys(bindings).map((name) => `declare variable $${name} external;`).join(' ');
  const [line = 'missing'] = await withChangeLog(session, db, () =>
    session.query(
      onDatabase(db, `declare variable $db external;
       ${CHANGE_LOG_PROLOG}
       declare variable $path external; ${declared}
       let $w := if (db:exists($log-db, $path)) then db:open($log-db, $path)/workset else ()
       let $rev := xs:integer($w/@rev) + 1
       let $now := string($log-at)
       return if (empty($w)) then update:output('missing') else ${body}`),
      { ...changeBindings(meta), ...bindings, path: worksetPath(id) },
    ),
  );
  if (line === 'missing') throw worksetNotFound(id);
  if (line === 'no-member') throw new AppError('NotFound', `that entry is not in workset ${id}`);
  if (line.startsWith('taken\t')) refuseTaken(line.slice(6), db);
  return line;
}

/** No workset of that id on the server: never made, or deleted since (by anyone, anywhere). */
export function worksetNotFound(id: number): AppError {
  return new AppError('NotFound', `there is no workset ${id}: it may have been deleted since`);
}
