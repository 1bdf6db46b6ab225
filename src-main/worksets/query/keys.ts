import { SORT_KEYS, type Sort, type SortKey } from '../../domain/query-model.js';
import type { MatchKeys } from '../../lift/entry-keys.js';

/**
 * Sort keys of entries: what each sortable field means for an entry with many values, and the
 * one ordering shared by the XQuery that sorts matches and the JS that re-places edited entries.
 *
 * A key is the first non-empty value in document order: the first headword form; the first
 * part of speech of the first sense that has one (else the entry's); the first gloss of any
 * writing system; the date as written. Keys keep their case (the work list shows them) but are
 * whitespace-normalised and NFC. They collate case-insensitively by code point, entries without
 * a value last in either direction (as the store's NULLS LAST does), then by guid ascending so
 * pages are stable.
 */

/**
 * The clauses that sort a FLWOR over `$e` in a query's order (XQuery's twin of compareMatchKeys).
 *
 * With `keys`, the entry's keys are read once into `$keys` (guid and every key, in MatchKeys
 * order) before sorting, and the FLWOR returns them as a row. That matters: an expression in the
 * return clause runs in sorted order, which is random access into the database and several
 * times slower than reading the entries in document order. `$keys` is used twice so BaseX does
 * not inline it into the return clause.
 */
export function orderClauses(sort: Sort, keys = false): string {
  if (!SORT_KEYS.includes(sort.by)) throw new Error(`unknown sort key ${String(sort.by)}`);
  const dir = sort.dir === 'desc' ? 'descending' : 'ascending';
  const key = keys ? `$keys[${SORT_KEYS.indexOf(sort.by) + 2}]` : `local:sort-key($e, '${sort.by}')`;
  return `${keys ? 'let $keys := local:keys($e)\n  ' : ''}let $sort-key := local:folded(${key})
  order by $sort-key = '' ascending, $sort-key ${dir}, ${keys ? '$keys[1]' : 'string($e/@guid)'} ascending`;
}

const KEY_OF: Readonly<Record<SortKey, keyof MatchKeys>> = {
  headword: 'headword',
  pos: 'pos',
  gloss: 'gloss',
  'date-created': 'dateCreated',
  'date-modified': 'dateModified',
};

/**
 * Orders strings by Unicode code point, as XQuery's default collation does.
 *
 * JS `<` compares UTF-16 units, which puts U+10000 and above (surrogates) before U+E000–U+FFFF;
 * code point order puts them after, so surrogates are lifted over that range.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Case folding as close to XQuery's lower-case (per code point, like Java) as JS gets. */
function fold(key: string): string {
  return key.toLowerCase().normalize('NFC');
}

/**
 * A comparator of MatchKeys in a query's order: blank keys last, then the folded key in the
 * sort's direction, then guid ascending. It agrees with orderClauses except for the rare letters
 * whose lower case differs between JS and Java (e.g. U+0130).
 */
export function compareMatchKeys(sort: Sort): (a: MatchKeys, b: MatchKeys) => number {
  const key = KEY_OF[sort.by];
  const sign = sort.dir === 'desc' ? -1 : 1;
  return (a, b) => {
    const x = fold(a[key]);
    const y = fold(b[key]);
    if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
    return sign * compareCodePoints(x, y) || compareCodePoints(a.guid, b.guid);
  };
}
