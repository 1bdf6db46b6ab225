import type { Queryable } from '../basex/queryable.js';

/**
 * The server's register (one database, not a dictionary: it holds no LIFT document). It numbers
 * what must be named the same on every desktop connected to the server, across its dictionaries,
 * and says which dictionary holds each: bulk operations (`<op>`, counter `@last`) and worksets
 * (`<workset>`, counter `@worksets`). Its `@server` uuid tells one server's worksets from
 * another's in a desktop's local index.
 */
export const OPERATIONS_DB = 'workset-browser__operations';
const REGISTER_DOC = 'operations.xml';
const REGISTER = `db:open('${OPERATIONS_DB}', '${REGISTER_DOC}')/operations`;

/** What the register numbers: the element each number is recorded as, and its counter. */
const NUMBERED = {
  op: { element: 'op', counter: 'last' },
  workset: { element: 'workset', counter: 'worksets' },
} as const;
export type Numbered = keyof typeof NUMBERED;

/**
 * Creates the register if the server has none. Creating a database takes create rights, so every
 * import (which a team's admin runs) makes sure of it: a user with write rights only can then run
 * bulk operations and make worksets.
 */
export async function ensureOperationsRegister(session: Queryable): Promise<void> {
  await session.query(`if (db:exists('${OPERATIONS_DB}')) then ()
    else db:create('${OPERATIONS_DB}', <operations last="0"/>, '${REGISTER_DOC}', map { 'chop': false(), 'updindex': true() })`);
}

/** Numbers a new `kind` of `dictionary` (creating the register on first use). */
export async function allocateNumber(session: Queryable, kind: Numbered, dictionary: string): Promise<number> {
  await ensureOperationsRegister(session);
  const { element, counter } = NUMBERED[kind];
  const [id] = await session.query(
    `declare variable $dictionary as xs:string external; declare variable $element external; declare variable $counter external;
     let $r := ${REGISTER}
     let $last := $r/@*[name() = $counter]
     let $id := xs:integer(($last, 0)[1]) + 1
     return (
       if (exists($last)) then replace value of node $last with $id else insert node attribute { $counter } { $id } into $r,
       insert node element { $element } { attribute id { $id }, attribute dictionary { $dictionary } } into $r,
       update:output($id))`,
    { dictionary, element, counter },
  );
  return Number(id);
}

/** The dictionary that holds `kind` number `id`, if the server numbered one so. */
export async function dictionaryNumbered(session: Queryable, kind: Numbered, id: number): Promise<string | undefined> {
  const [dictionary] = await session.query(
    `declare variable $id as xs:integer external; declare variable $element external;
     if (db:exists('${OPERATIONS_DB}')) then ${REGISTER}/*[name() = $element][@id = $id]/@dictionary/string() else ()`,
    { id, element: NUMBERED[kind].element },
    { idempotent: true },
  );
  return dictionary;
}

/** Every dictionary the server numbered a `kind` of. */
export async function dictionariesNumbered(session: Queryable, kind: Numbered): Promise<string[]> {
  return session.query(
    `declare variable $element external;
     if (db:exists('${OPERATIONS_DB}')) then distinct-values(${REGISTER}/*[name() = $element]/@dictionary) else ()`,
    { element: NUMBERED[kind].element },
    { idempotent: true },
  );
}

/** The server's identity, made once. */
export async function serverIdentity(session: Queryable): Promise<string> {
  const [id] = await session.query(`if (db:exists('${OPERATIONS_DB}')) then string(${REGISTER}/@server) else ''`, {}, { idempotent: true });
  if (id) return id;
  await ensureOperationsRegister(session);
  const [made] = await session.query(
    `let $r := ${REGISTER}
     return if (string($r/@server)) then update:output(string($r/@server))
       else let $id := random:uuid() return (insert node attribute server { $id } into $r, update:output($id))`,
  );
  return made;
}
