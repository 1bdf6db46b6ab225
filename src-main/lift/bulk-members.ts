import type { Queryable } from '../basex/queryable.js';
import { operationPath } from './bulk-log.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG } from './documents.js';
import { LIVE_ENTRY } from './entry-xml.js';
import { VERSION_FUNCTION } from './field-edit-xquery.js';

/**
 * The entries of a bulk operation (the `<e>` children of its document, bulk-log.ts): recorded by
 * the preview, or moved from a data folder's SQLite journal, and read back by state.
 */

/**
 * What `<e @s>` says about an entry of the operation ('' : not written yet). Every `<e>` is made
 * with all its attributes (`s record after why`), empty until a batch writes them: a batch then only
 * replaces values, where inserting attributes into an operation's thousands of `<e>` cost BaseX
 * eight milliseconds an entry and most of a bulk run at 100,000 entries.
 */
export const MEMBER_STATES = { applied: 'a', skipped: 's', restored: 'r', kept: 'k' } as const;

/**
 * Records the preview's versions of a batch of entries (computed here, in BaseX; entries deleted
 * meanwhile are left out). Refused once the operation is complete or no longer previewed.
 */
export async function addMembers(session: Queryable, db: string, id: number, guids: readonly string[]): Promise<number> {
  const [added] = await session.query(
    onDatabase(db, `${LIFT_PROLOG}${VERSION_FUNCTION}${LIVE_ENTRY}
     declare variable $log-db external;
     declare variable $path external; declare variable $guids as xs:string* external;
     let $b := db:open($log-db, $path)/bulk
     return if ($b/@state != 'previewed' or $b/@complete = 'true') then update:output('refused')
       else let $new := for $g in $guids let $e := local:entry($g) where $e return <e g="{$g}" v="{local:version($e)}" s="" record="" after="" why=""/>
       return (insert node $new as last into $b, replace value of node $b/@total with xs:integer($b/@total) + count($new),
         update:output(count($new)))`),
    { path: operationPath(id), guids: [...guids] },
  );
  if (added === 'refused') throw new Error(`bulk operation ${id} no longer takes entries`);
  return Number(added);
}

/** Entries of the operation in one member state (`s`: skipped, `k`: kept by an undo), with why. */
export async function membersIn(session: Queryable, db: string, id: number, state: string, limit: number, exceptWhy = ''): Promise<{ guid: string; why: string }[]> {
  const lines = await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     declare variable $path external; declare variable $state external; declare variable $limit as xs:integer external;
     declare variable $except external;
     for $m in subsequence(db:open($log-db, $path)/bulk/e[@s = $state][$except = '' or not(@why = $except)], 1, $limit)
     return $m/@g || '&#9;' || $m/@why`),
    { path: operationPath(id), state, limit, except: exceptWhy },
    { idempotent: true },
  );
  return lines.map((line) => {
    const [guid, why] = line.split('\t');
    return { guid, why };
  });
}

/** How many of the operation's entries are in a member state ('' for not written yet). */
export async function countMembers(session: Queryable, db: string, id: number, state: string): Promise<number> {
  const [count] = await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     declare variable $path external; declare variable $state external;
     let $b := db:open($log-db, $path)/bulk
     return count(if ($state = '') then $b/e[@s = ''] else $b/e[@s = $state])`),
    { path: operationPath(id), state },
    { idempotent: true },
  );
  return Number(count);
}

/** How many of the operation's entries were skipped for `why` (`unchanged`, `changed`, `missing`). */
export async function countSkipped(session: Queryable, db: string, id: number, why: string): Promise<number> {
  const [count] = await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     declare variable $path external; declare variable $why external;
     count(db:open($log-db, $path)/bulk/e[@s = '${MEMBER_STATES.skipped}'][@why = $why])`),
    { path: operationPath(id), why },
    { idempotent: true },
  );
  return Number(count);
}

/** One entry of an operation moved from a data folder's SQLite journal, as it stood there. */
export interface LegacyMember {
  readonly guid: string;
  readonly version: string;
  /** A MEMBER_STATES letter, or '' for not written yet. */
  readonly state: string;
  readonly after: string;
  readonly why: string;
  /** The entry's XML before the operation wrote it (for undo), or ''. */
  readonly pre: string;
}

/** Records moved entries as they were, counted as written, skipped or restored. */
export async function addLegacyMembers(session: Queryable, db: string, id: number, members: readonly LegacyMember[]): Promise<void> {
  if (members.length === 0) return;
  await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external; declare variable $path external;
     declare variable $guids as xs:string* external; declare variable $versions as xs:string* external;
     declare variable $states as xs:string* external; declare variable $afters as xs:string* external;
     declare variable $whys as xs:string* external; declare variable $pres as xs:string* external;
     declare function local:given($value as xs:string) as xs:string { if ($value = '-') then '' else $value };
     let $b := db:open($log-db, $path)/bulk
     let $new := for $g at $i in $guids return <e g="{$g}" v="{$versions[$i]}" s="{local:given($states[$i])}" record=""
         after="{local:given($afters[$i])}" why="{local:given($whys[$i])}">{
         if ($pres[$i] != '-') then <pre>{ $pres[$i] }</pre> else ()
       }</e>
     return (insert node $new as last into $b,
       replace value of node $b/@total with xs:integer($b/@total) + count($new),
       replace value of node $b/@changed with xs:integer($b/@changed) + count($new[@s = ('a', 'r', 'k')]),
       replace value of node $b/@skipped with xs:integer($b/@skipped) + count($new[@s = 's']))`),
    {
      path: operationPath(id),
      guids: members.map((m) => m.guid),
      versions: members.map((m) => m.version),
      // '-' stands for none: every sequence keeps one item per entry.
      states: members.map((m) => m.state || '-'),
      afters: members.map((m) => m.after || '-'),
      whys: members.map((m) => m.why || '-'),
      pres: members.map((m) => m.pre || '-'),
    },
  );
}
