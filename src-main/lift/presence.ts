import type { Queryable } from '../basex/queryable.js';
import { PRESENCE_TTL_SECONDS, type Presence } from '../domain/presence.js';
import { OPERATIONS_DB } from './server-register.js';

/**
 * Presence as the server keeps it: one small document per open window, `presence/<key>.xml` in
 * the server's register database (not a dictionary's log: saying where a window is must not
 * take the locks every edit of that dictionary takes, and it is no change to record). Times are
 * the server's clock, so desktops whose clocks differ agree on who is fresh. A server without
 * the register (nothing imported yet) has no presence; nothing here creates a database.
 */

/** Old documents a window left behind (it was killed) are removed by the next announcement after this. */
const PRUNE_AFTER = 'PT10M';

export type PresenceAnnouncement = Omit<Presence, 'at'>;

/** Writes (or moves) the window's presence and prunes windows long gone, in one updating query. */
export async function announcePresence(session: Queryable, p: PresenceAnnouncement): Promise<void> {
  await session.query(
    `declare variable $key external; declare variable $who external; declare variable $host external;
     declare variable $dictionary external; declare variable $workset external; declare variable $guid external;
     if (not(db:exists('${OPERATIONS_DB}'))) then () else (
       db:replace('${OPERATIONS_DB}', 'presence/' || $key || '.xml',
         <presence key="{$key}" who="{$who}" host="{$host}" dictionary="{$dictionary}" workset="{$workset}" guid="{$guid}" at="{current-dateTime()}"/>),
       let $old := current-dateTime() - xs:dayTimeDuration('${PRUNE_AFTER}')
       for $gone in db:open('${OPERATIONS_DB}', 'presence')/presence[@key != $key][xs:dateTime(@at) < $old]
       return db:delete('${OPERATIONS_DB}', db:path($gone)))`,
    { key: p.key, who: p.who, host: p.host, dictionary: p.dictionary, workset: p.worksetId === null ? '' : String(p.worksetId), guid: p.guid ?? '' },
  );
}

/** The window is closing: it is no longer anywhere. */
export async function withdrawPresence(session: Queryable, key: string): Promise<void> {
  await session.query(
    `declare variable $path external;
     if (db:exists('${OPERATIONS_DB}', $path)) then db:delete('${OPERATIONS_DB}', $path) else ()`,
    { path: `presence/${key}.xml` },
  );
}

/** The windows present on `dictionary` now (said where they are within the last PRESENCE_TTL_SECONDS). */
export async function presentOn(session: Queryable, dictionary: string): Promise<Presence[]> {
  const json = await session.execute(
    `declare variable $dictionary external;
     let $fresh := current-dateTime() - xs:dayTimeDuration('PT${PRESENCE_TTL_SECONDS}S')
     return serialize(array {
       if (not(db:exists('${OPERATIONS_DB}'))) then () else
       for $p in db:open('${OPERATIONS_DB}', 'presence')/presence[@dictionary = $dictionary][xs:dateTime(@at) >= $fresh]
       order by string($p/@who), string($p/@key)
       return map {
         'key': string($p/@key), 'who': string($p/@who), 'host': string($p/@host), 'dictionary': string($p/@dictionary),
         'worksetId': if (string($p/@workset)) then xs:integer($p/@workset) else (),
         'guid': if (string($p/@guid)) then string($p/@guid) else (), 'at': string($p/@at)
       }
     }, map { 'method': 'json' })`,
    { dictionary },
    { idempotent: true },
  );
  return JSON.parse(json) as Presence[];
}
