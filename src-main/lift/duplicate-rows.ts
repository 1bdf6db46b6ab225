import type { Queryable } from '../basex/queryable.js';
import { CHANGE_LOG_PROLOG, changeBindings, ensureChangeLog, type ChangeMeta } from './change-log.js';
import { onDatabase } from './database-query.js';
import { LIFT_DOC, LIFT_PATHS } from './documents.js';

/**
 * What the duplicate finder reads of a dictionary, and the pairs someone said are not
 * duplicates. Both are one query each: the finder groups in Node (worksets/duplicates/).
 */

export interface EntryRow {
  readonly guid: string;
  readonly lang: string;
  readonly headword: string;
  readonly glosses: { lang: string; text: string; pos: string }[];
}

/**
 * Between the fields of a row (whitespace is collapsed, so no value holds a tab), and between
 * glosses and a gloss's parts: characters of the private use area, which XML allows and no
 * writing system's text holds.
 */
const FIELD = '\t';
const GLOSS = '\ue000';
const PART = '\ue001';

/**
 * One row per live entry: guid, the headword's writing system and text, and each sense's
 * glosses with the sense's part of speech (the entry's where the sense has none). One string,
 * joined in BaseX: a result item per entry cost more than the query at 100,000 entries. The
 * paths are written out in place and values only trimmed (Node folds them, NFC included):
 * through the prolog's helpers the same query took five times as long.
 */
const ROWS = String.raw`declare variable $db external;
string-join(
  for $e in db:open($db, '${LIFT_DOC}')/lift/entry[empty(@dateDeleted)][@guid]
  let $h := ${LIFT_PATHS.headwordForms('$e')}[1]
  let $entry-pos := string($e/grammatical-info/@value)
  return string-join((string($e/@guid), string($h/@lang), normalize-space($h/text[1]),
    string-join(for $s in ${LIFT_PATHS.senses('$e')}
      let $pos := normalize-space(($s/grammatical-info/@value, $entry-pos)[1])
      for $g in $s/gloss[text[normalize-space()]]
      return string-join((string($g/@lang), normalize-space($g/text[1]), $pos), '&#xe001;'), '&#xe000;')), '&#9;'),
  '&#10;')`;

export async function readEntryRows(session: Queryable, db: string): Promise<EntryRow[]> {
  const text = await session.execute(onDatabase(db, ROWS), {}, { idempotent: true });
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const [guid = '', lang = '', headword = '', glosses = ''] = line.split(FIELD);
    return {
      guid, lang, headword,
      glosses: glosses === '' ? [] : glosses.split(GLOSS).map((g) => {
        const [gl = '', gtext = '', pos = ''] = g.split(PART);
        return { lang: gl, text: gtext, pos };
      }),
    };
  });
}

const SEPARATED_PATH = 'duplicates/separated.xml';

/** The pairs said not to be duplicates, as `a b` with a < b. */
export async function readSeparated(session: Queryable, db: string): Promise<Set<string>> {
  const text = await session.execute(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     string-join(if (db:exists($log-db, '${SEPARATED_PATH}')) then db:open($log-db, '${SEPARATED_PATH}')/separated/pair/(@a || ' ' || @b) else (), '&#10;')`),
    {},
    { idempotent: true },
  );
  return new Set(text === '' ? [] : text.split('\n'));
}

/**
 * Records that the entries `guids` are not duplicates of one another (every pair of them), with
 * who and when, and its log record (op `not-duplicates`, naming the entries), in one updating query.
 */
export async function recordSeparated(session: Queryable, db: string, pairs: readonly [string, string][], meta: ChangeMeta): Promise<void> {
  await ensureChangeLog(session, db);
  await session.query(
    onDatabase(db, `declare variable $db external;
     ${CHANGE_LOG_PROLOG}
     declare variable $pairs as xs:string* external;
     let $doc := db:open($log-db, '${SEPARATED_PATH}')/separated
     let $new := for $p in $pairs let $ab := tokenize($p, ' ')
       where empty($doc/pair[@a = $ab[1]][@b = $ab[2]])
       return <pair a="{$ab[1]}" b="{$ab[2]}" who="{$log-who}" at="{$log-at}"/>
     return (
       if (exists($doc)) then insert node $new as last into $doc
       else db:add($log-db, <separated>{ $new }</separated>, '${SEPARATED_PATH}'),
       local:log(local:workset-change($log-last + 1, '', (), distinct-values($pairs ! tokenize(., ' ')))))`),
    { ...changeBindings(meta), pairs: pairs.map(([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`)) },
  );
}
