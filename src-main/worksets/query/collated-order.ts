import type { Sort } from '../../domain/query-model.js';
import type { MatchKeys } from '../../lift/entry-keys.js';
import type { DictionaryCollation } from '../../lift/collation-setting.js';
import { headwordCollation } from '../collation.js';

/**
 * Matches in a headword order by collation (`sort.order`): entries without a headword last in
 * either direction, then the collation key in the sort's direction, then guid, as every order is.
 * Each key is computed once (a sort calls its comparator n log n times).
 */
export function sortByCollation(rows: readonly MatchKeys[], sort: Sort, setting: DictionaryCollation): MatchKeys[] {
  const collation = headwordCollation({ locale: setting.locale, letters: setting.letters });
  const sign = sort.dir === 'desc' ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: collation.key(row.headword, sort.order) }));
  keyed.sort((a, b) => {
    if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
    return sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.row.guid < b.row.guid ? -1 : a.row.guid > b.row.guid ? 1 : 0);
  });
  return keyed.map((k) => k.row);
}
