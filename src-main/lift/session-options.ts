import type { Queryable } from '../basex/queryable.js';

/**
 * The options an import needs, set on the session before `CREATE DB` and `ADD` (BaseX reads
 * them from the session at that moment) and put back afterwards, so the caller's session is left
 * as it was found. Names are BaseX 9's (BaseX 10 renamed CHOP to STRIPWS).
 */
const IMPORT_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  // Keep the attribute index up to date on every update: the app looks entries up by @guid
  // (and relations by @id) all the time, and without UPDINDEX an ADD or an edit drops it.
  ['UPDINDEX', 'true'],
  ['ATTRINDEX', 'true'],
  // Only @guid and @id: an index over every attribute made each edit of a @value or
  // @dateModified rewrite index entries (measured at 100,000 entries: a bulk edit 10 times
  // slower, the index 90 MB). Filters compare folded text, which no index answers.
  ['ATTRINCLUDE', 'guid,id'],
  ['TEXTINDEX', 'false'],
  // Token and full-text indexes cost import time and space and nothing queries them (yet).
  ['TOKENINDEX', 'false'],
  ['FTINDEX', 'false'],
  ['AUTOOPTIMIZE', 'false'],
  // Whitespace is content in LIFT (`<text>` may hold leading spaces and newlines): BaseX 9
  // chops whitespace-only text nodes by default.
  ['CHOP', 'false'],
  // Java's parser, not BaseX's own: the internal one silently turns a stray `&`, an unknown
  // entity or a control character into "?" or U+FFFD and accepts duplicate attributes, where
  // Java's reports an error. Java's resolves external entities even with DTD=false, which is
  // why readSourceLayout refuses any DOCTYPE before a byte is sent.
  ['INTPARSE', 'false'],
  ['DTD', 'false'],
  // BaseX expands <xi:include> by default: an import must never read other files.
  ['XINCLUDE', 'false'],
  ['STRIPNS', 'false'],
  ['PARSER', 'xml'],
  ['SKIPCORRUPT', 'false'],
  ['ADDARCHIVES', 'false'],
  ['ADDCACHE', 'false'],
  ['MAINMEM', 'false'],
];

/**
 * Runs `work` on a pinned connection with the import options set, restoring the session's own
 * values afterwards. Pinned, because options live on the connection: had it been replaced midway,
 * CREATE DB would silently run with the server's defaults; this way the next call fails instead.
 */
export function withImportOptions<T>(session: Queryable, work: (connection: Queryable) => Promise<T>): Promise<T> {
  return session.pinned(async (connection) => {
    const saved: Array<readonly [string, string]> = [];
    try {
      for (const [name, value] of IMPORT_OPTIONS) {
        saved.push([name, await getOption(connection, name)]);
        await connection.command(`SET ${name} ${value}`);
      }
      return await work(connection);
    } finally {
      // Once the connection is lost this fails too, and need not succeed: the options went with it.
      for (const [name, value] of saved.reverse()) {
        await connection.command(`SET ${name} ${value}`).catch(() => undefined);
      }
    }
  });
}

async function getOption(session: Queryable, name: string): Promise<string> {
  const answer = await session.command(`GET ${name}`);
  // "CHOP: true"
  return answer.slice(answer.indexOf(':') + 1).trim();
}

/** The database the session has opened (`INFO DB`), to reopen it when an import is done. */
export async function openedDatabase(session: Queryable): Promise<string | undefined> {
  try {
    return /^\s*NAME:\s*(\S+)/m.exec(await session.command('INFO DB'))?.[1];
  } catch {
    return undefined; // "No database opened."
  }
}
