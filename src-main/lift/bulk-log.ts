import type { Queryable } from '../basex/queryable.js';
import type { BulkOperation } from '../domain/bulk-operations.js';
import type { BulkRequest, BulkState } from '../domain/bulk-states.js';
import { ensureChangeLog } from './change-log.js';
import { onDatabase } from './database-query.js';
import { allocateNumber, dictionariesNumbered, dictionaryNumbered } from './server-register.js';

/**
 * Bulk operations as the dictionary's server keeps them, beside its change log: one document
 * `bulk/<id>.xml` in the log database per operation, `<bulk>` with the edit, its state, counts
 * and runner, holding an `<e>` per entry of its workset (bulk-members.ts) (the guid and the version seen at the
 * preview; once written, its state and the change log record that holds its pre-image).
 *
 * So every desktop connected to the server can list, undo or resume an operation another ran,
 * and an operation's entries are marked in the same updating query that writes them and their
 * log records (bulk-writes.ts): after a kill, what the operation wrote is what its document says.
 *
 * Operation ids are the server's: its register (server-register.ts) numbers them across dictionaries (one `bulk
 * undo 12` names one operation on every desktop) and says which dictionary holds each.
 */

export interface NewOperation {
  readonly worksetId: number;
  /** The edit, as JSON. */
  readonly op: string;
  /** The desktop that made it (host and data folder), so a window lists its own workset's operations. */
  readonly store: string;
  readonly who: string;
  /** Where an operation moved from a data folder's SQLite journal came from (`<folder>#<old id>`). */
  readonly legacy?: string;
}

/** An operation as the server has it: the domain's view (bulk-operations.ts) with its edit as JSON and its runner. */
export interface OperationRecord extends Omit<BulkOperation, 'op'> {
  readonly op: string;
  readonly store: string;
  readonly legacy: string;
  /** Whether the preview recorded every entry (a half-recorded operation never runs). */
  readonly complete: boolean;
  readonly runner: Runner;
  /** Milliseconds since the runner last wrote a batch, by the server's clock (-1: never). */
  readonly beatAgeMs: number;
}

export interface Runner {
  readonly instance: string;
  readonly pid: number;
  readonly host: string;
}

const NOW = `string(adjust-dateTime-to-timezone(current-dateTime(), xs:dayTimeDuration('PT0S')))`;

export function operationPath(id: number): string {
  return `bulk/${id}.xml`;
}

const OP_JSON = String.raw`
declare function local:op-json($b as element(bulk)) as map(*) {
  map {
    'id': xs:integer($b/@id), 'worksetId': xs:integer($b/@workset), 'dictionary': string($b/@dictionary),
    'op': string($b/@op), 'state': string($b/@state), 'requested': if (string($b/@requested)) then string($b/@requested) else (),
    'total': xs:integer($b/@total), 'changed': xs:integer($b/@changed), 'skipped': xs:integer($b/@skipped),
    'created': string($b/@created), 'updated': string($b/@updated),
    'error': if (string($b/@error)) then string($b/@error) else (),
    'store': string($b/@store), 'who': string($b/@who), 'legacy': string($b/@legacy), 'complete': $b/@complete = 'true',
    'runner': map { 'instance': string($b/@runner), 'pid': xs:integer(($b/@pid[. != ''], 0)[1]), 'host': string($b/@host) },
    'beatAgeMs': if (string($b/@beat)) then xs:integer((current-dateTime() - xs:dateTime($b/@beat)) div xs:dayTimeDuration('PT0.001S')) else -1
  }
};`;

/** The dictionary that holds operation `id`, if the server numbered one so. */
export function dictionaryOfOperation(session: Queryable, id: number): Promise<string | undefined> {
  return dictionaryNumbered(session, 'op', id);
}

/** Every dictionary the server numbered an operation of. */
export function dictionariesWithOperations(session: Queryable): Promise<string[]> {
  return dictionariesNumbered(session, 'op');
}

/** A new operation in state `previewed`, with no entries yet (addMembers records them). */
export async function createOperation(session: Queryable, db: string, input: NewOperation): Promise<OperationRecord> {
  await ensureChangeLog(session, db);
  const id = await allocateNumber(session, 'op', db);
  await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     declare variable $path external; declare variable $id external; declare variable $workset external;
     declare variable $op external; declare variable $store external; declare variable $who external; declare variable $legacy external;
     let $now := ${NOW}
     return db:add($log-db, <bulk id="{$id}" dictionary="{$db}" workset="{$workset}" op="{$op}" state="previewed" requested=""
       total="0" changed="0" skipped="0" created="{$now}" updated="{$now}" error="" store="{$store}" who="{$who}" legacy="{$legacy}"
       complete="false" runner="" pid="" host="" beat=""/>, $path)`),
    { path: operationPath(id), id, workset: input.worksetId, op: input.op, store: input.store, who: input.who, legacy: input.legacy ?? '' },
  );
  const created = await getOperation(session, db, id);
  if (!created) throw new Error(`bulk operation ${id} was not stored`);
  return created;
}

const READ_PROLOG = `declare variable $db external; declare variable $log-db external;
${OP_JSON}
declare variable $ops := if (db:exists($log-db)) then db:open($log-db, 'bulk')/bulk else ();`;

export async function getOperation(session: Queryable, db: string, id: number): Promise<OperationRecord | undefined> {
  const [json] = await session.query(
    onDatabase(db, `${READ_PROLOG}
     declare variable $id as xs:integer external;
     for $b in $ops[@id = $id] return serialize(local:op-json($b), map { 'method': 'json' })`),
    { id },
    { idempotent: true },
  );
  return json === undefined ? undefined : (JSON.parse(json) as OperationRecord);
}

/** The dictionary's operations, newest first. */
export async function listOperations(session: Queryable, db: string): Promise<OperationRecord[]> {
  const json = await session.execute(
    onDatabase(db, `${READ_PROLOG}
     serialize(array { for $b in $ops order by xs:integer($b/@id) descending return local:op-json($b) }, map { 'method': 'json' })`),
    {},
    { idempotent: true },
  );
  return JSON.parse(json) as OperationRecord[];
}

/** Marks the preview finished: from now on the operation may run. */
export async function completeOperation(session: Queryable, db: string, id: number): Promise<void> {
  await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external; declare variable $path external;
     let $b := db:open($log-db, $path)/bulk return (replace value of node $b/@complete with 'true', replace value of node $b/@updated with ${NOW})`),
    { path: operationPath(id) },
  );
}

/**
 * Moves an operation to `to` if it is in one of `from` (and, with `runnerWas`, still run by that
 * runner): answers the state it was found in, so the caller can tell a refusal. Going to
 * `running` records the runner; every move settles a pending request; `error` is kept.
 */
export async function moveOperation(
  session: Queryable,
  db: string,
  id: number,
  move: { from: readonly BulkState[]; to: BulkState; runner?: Runner; runnerWas?: string; error?: string },
): Promise<{ moved: boolean; state: BulkState }> {
  const [line] = await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     declare variable $path external; declare variable $from as xs:string* external; declare variable $to external;
     declare variable $instance external; declare variable $pid external; declare variable $host external;
     declare variable $runner-was external; declare variable $error external;
     let $b := db:open($log-db, $path)/bulk
     return if (empty($b)) then update:output('missing')
       else if (not($b/@state = $from) or ($runner-was != '' and $b/@runner != $runner-was)) then update:output('refused&#9;' || $b/@state)
       else (
         replace value of node $b/@state with $to,
         replace value of node $b/@requested with '',
         replace value of node $b/@updated with ${NOW},
         if ($to = 'running') then (
           replace value of node $b/@runner with $instance, replace value of node $b/@pid with $pid,
           replace value of node $b/@host with $host, replace value of node $b/@beat with ${NOW},
           replace value of node $b/@error with '')
         else if ($error != '') then replace value of node $b/@error with $error else (),
         update:output('moved&#9;' || $b/@state))`),
    {
      path: operationPath(id), from: [...move.from], to: move.to, instance: move.runner?.instance ?? '', pid: String(move.runner?.pid ?? ''),
      host: move.runner?.host ?? '', 'runner-was': move.runnerWas ?? '', error: move.error ?? '',
    },
  );
  if (line === 'missing') throw new Error(`bulk operation ${id} is not stored`);
  const [outcome, state] = line.split('\t');
  return { moved: outcome === 'moved', state: state as BulkState };
}

/** Asks a running operation to pause or cancel; a cancel already asked outranks a pause. */
export async function requestOperation(session: Queryable, db: string, id: number, request: BulkRequest): Promise<BulkState> {
  const [state] = await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     declare variable $path external; declare variable $request external;
     let $b := db:open($log-db, $path)/bulk
     return (update:output(string($b/@state)),
       if ($b/@state = 'running' and $b/@requested != 'cancel') then (
         replace value of node $b/@requested with $request, replace value of node $b/@updated with ${NOW}) else ())`),
    { path: operationPath(id), request },
  );
  return state as BulkState;
}
