import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import { ensureChangeLog } from './change-log.js';
import { onDatabase } from './database-query.js';
import { dictionaryInfo } from './dictionaries.js';
import { LIFT_DOC } from './documents.js';

/**
 * How a dictionary's headwords collate, kept on its server with the dictionary (a document
 * `settings/collation.xml` in its log database, never exported): a locale for ICU and, for an
 * orthography ICU does not know, the dictionary's own letters in order. Unset, the locale is the
 * writing system of the first headword.
 */
export interface DictionaryCollation {
  readonly locale: string;
  readonly letters: readonly string[];
  /** Whether the locale was set, rather than taken from the headwords. */
  readonly set: boolean;
}

const PATH = 'settings/collation.xml';

export async function readCollation(session: Queryable, db: string): Promise<DictionaryCollation> {
  const [locale = '', letters = '', set = ''] = await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     let $c := if (db:exists($log-db, '${PATH}')) then db:open($log-db, '${PATH}')/collation else ()
     let $first := string((db:open($db, '${LIFT_DOC}')/lift/entry/lexical-unit/form/@lang)[1])
     return (if (string($c/@locale)) then string($c/@locale) else $first, string($c/@letters), if (string($c/@locale)) then 'set' else '')`),
    {},
    { idempotent: true },
  );
  return { locale: supportedOrRoot(locale), letters: letters.split(/\s+/).filter((l) => l !== ''), set: set === 'set' };
}

/** Sets the locale (checked: a BCP 47 tag) and letters; `undefined` keeps what is there, '' / [] clears it. */
export async function writeCollation(session: Queryable, db: string, change: { locale?: string; letters?: readonly string[] }): Promise<DictionaryCollation> {
  await dictionaryInfo(session, db);
  if (change.locale) checkLocale(change.locale);
  const letters = change.letters?.map((l) => l.trim().normalize('NFC')).filter((l) => l !== '');
  if (letters?.some((l) => /\s/.test(l))) throw new AppError('Invalid', 'a letter of the custom order cannot hold a space: give the letters separated by spaces');
  await ensureChangeLog(session, db);
  await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     declare variable $locale external; declare variable $letters external; declare variable $keep-locale external; declare variable $keep-letters external;
     let $c := if (db:exists($log-db, '${PATH}')) then db:open($log-db, '${PATH}')/collation else ()
     return db:replace($log-db, '${PATH}', <collation
       locale="{if ($keep-locale = '1') then string($c/@locale) else $locale}"
       letters="{if ($keep-letters = '1') then string($c/@letters) else $letters}"/>)`),
    {
      locale: change.locale ?? '', letters: (letters ?? []).join(' '),
      'keep-locale': change.locale === undefined ? '1' : '0', 'keep-letters': change.letters === undefined ? '1' : '0',
    },
  );
  return readCollation(session, db);
}

function checkLocale(locale: string): void {
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new AppError('Invalid', `"${locale}" is not a language tag (BCP 47, e.g. "es", "sv", "de-DE")`);
  }
}

/** A writing system's tag as Intl takes it ("seh-fonipa-x-etic" and the like are valid, or fall back to root). */
function supportedOrRoot(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'und';
  } catch {
    return 'und';
  }
}
