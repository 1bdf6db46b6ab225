import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import { CHANGE_LOG_PROLOG, changeBindings, ensureChangeLog, type ChangeMeta } from './change-log.js';
import { onDatabase } from './database-query.js';

/**
 * A dictionary's check settings as its server keeps them, beside its worksets: one document
 * `checks.xml` in the dictionary's log database, `<checks last="N">` with the writing systems
 * glosses are required in (`<require-gloss>`, one `<lang>` each) and a `<rule>` per rule users
 * saved (its id, name, name key and query JSON, who made it when). So every desktop connected to
 * the server sees the same rules, and each change is a record in the log (op `workset`, field
 * `rule-create`, `rule-delete` or `require-gloss`), written by the same updating query.
 */

export const CHECKS_DOC = 'checks.xml';

export interface StoredRule {
  readonly id: number;
  readonly name: string;
  /** The query as JSON, as saved. */
  readonly query: string;
  readonly created: string;
  readonly who: string;
}

export interface CheckSettings {
  /** Writing systems every sense must have a gloss in; none: the check picks the most used. */
  readonly requiredGloss: string[];
  readonly rules: StoredRule[];
}

const READ = String.raw`declare variable $db external; declare variable $log-db external;
let $c := if (db:exists($log-db, '${CHECKS_DOC}')) then db:open($log-db, '${CHECKS_DOC}')/checks else ()
return serialize(map {
  'requiredGloss': array { $c/require-gloss/lang/string() },
  'rules': array { for $r in $c/rule order by xs:integer($r/@id) return map {
    'id': xs:integer($r/@id), 'name': string($r/@name), 'query': string($r/@query), 'created': string($r/@created), 'who': string($r/@who) } }
}, map { 'method': 'json' })`;

export async function readCheckSettings(session: Queryable, db: string): Promise<CheckSettings> {
  return JSON.parse(await session.execute(onDatabase(db, READ), {}, { idempotent: true })) as CheckSettings;
}

/**
 * One updating query on the checks document (`$c`, an empty one if there is none yet; written
 * whole by local:save), with `$next` the next rule id; `body` answers what the caller reads back: 'taken<TAB>name', 'missing', or done.
 */
async function write(session: Queryable, db: string, body: string, bindings: Record<string, string | number | readonly string[]>, meta: ChangeMeta): Promise<string> {
  await ensureChangeLog(session, db);
  const declared = Object.entries(bindings).map(([name, value]) => `declare variable $${name}${Array.isArray(value) ? ' as xs:string*' : ''} external;`).join(' ');
  const [line = ''] = await session.query(
    onDatabase(db, `declare variable $db external;
     ${CHANGE_LOG_PROLOG}
     ${declared}
     declare variable $made := db:exists($log-db, '${CHECKS_DOC}');
     declare variable $c := if ($made) then db:open($log-db, '${CHECKS_DOC}')/checks else <checks last="0"/>;
     declare variable $next := xs:integer(($c/@last, 0)[1]) + 1;
     declare variable $now := string($log-at);
     declare %updating function local:save($changed as element(checks)) { db:replace($log-db, '${CHECKS_DOC}', $changed) };
     ${body}`),
    { ...changeBindings(meta), ...bindings },
  );
  return line;
}

/** Sets the writing systems glosses are required in (none: back to the most used). */
export async function saveRequiredGloss(session: Queryable, db: string, langs: readonly string[], meta: ChangeMeta): Promise<void> {
  await write(session, db, `
     local:save(copy $changed := $c modify (
       delete node $changed/require-gloss,
       insert node <require-gloss>{ $langs ! <lang>{ . }</lang> }</require-gloss> as first into $changed) return $changed),
     local:log(local:workset-change($log-last + 1, '', string-join($c/require-gloss/lang, ' '), string-join($langs, ' '))),
     update:output('done')`, { langs }, { ...meta, field: 'require-gloss' });
}

/** Saves a rule (its query already checked); a name the dictionary's rules have (by key) is a Conflict. */
export async function saveUserRule(session: Queryable, db: string, rule: { name: string; key: string; query: string }, meta: ChangeMeta): Promise<number> {
  const line = await write(session, db, `
     let $taken := $c/rule[@key = $key]
     return if (exists($taken)) then update:output('taken&#9;' || $taken[1]/@name)
     else (
       local:save(copy $changed := $c modify (
         if ($changed/@last) then replace value of node $changed/@last with $next else insert node attribute last { $next } into $changed,
         insert node <rule id="{$next}" name="{$name}" key="{$key}" query="{$query}" created="{$now}" who="{$log-who}"/> as last into $changed)
         return $changed),
       local:log(local:workset-change($log-last + 1, '', (), $name)),
       update:output(string($next)))`, { name: rule.name, key: rule.key, query: rule.query }, { ...meta, field: 'rule-create', name: rule.name });
  if (line.startsWith('taken\t')) throw new AppError('Conflict', `dictionary ${db} already has a check named "${line.slice(6)}"; choose another name`);
  return Number(line);
}

export async function deleteUserRule(session: Queryable, db: string, id: number, meta: ChangeMeta): Promise<void> {
  const line = await write(session, db, `
     let $rule := $c/rule[@id = $id]
     return if (empty($rule)) then update:output('missing')
     else (
       local:save(copy $changed := $c modify delete node $changed/rule[@id = $id] return $changed),
       local:log(local:workset-change($log-last + 1, '', string($rule/@name), ())),
       update:output('done'))`, { id: String(id) }, { ...meta, field: 'rule-delete' });
  if (line === 'missing') throw new AppError('NotFound', `there is no check ${id} in ${db}: it may have been deleted since`);
}
