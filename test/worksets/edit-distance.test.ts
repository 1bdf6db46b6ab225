import { describe, expect, it } from 'vitest';
import { allowedDistance, deletions, editDistance } from '../../src-main/worksets/duplicates/edit-distance.js';
import { findDuplicates, pairKey } from '../../src-main/worksets/duplicates/find-duplicates.js';
import { fold } from '../../src-main/worksets/duplicates/fold.js';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('kutha', 'kuta')).toBe(1);
    expect(editDistance('kuta', 'kutha')).toBe(1);
    expect(editDistance('kuta', 'kula')).toBe(1);
    expect(editDistance('kuta', 'kuat')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(editDistance('𝔞b', 'b')).toBe(1);
  });

  it('stops at max + 1', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('allows 1 edit for short words and 2 from eight letters on', () => {
    expect(allowedDistance(4)).toBe(1);
    expect(allowedDistance(7)).toBe(1);
    expect(allowedDistance(8)).toBe(2);
  });

  it('gives two words within the distance a deletion in common', () => {
    const shared = (a: string, b: string, depth: number): boolean => [...deletions(a, depth)].some((d) => deletions(b, depth).has(d));
    expect(shared('kutha', 'kuta', 1)).toBe(true);
    expect(shared('kuta', 'kuat', 1)).toBe(true);
    expect(shared('nyumba', 'nyimbo', 2)).toBe(true);
    expect(shared('nyumba', 'madzi', 2)).toBe(false);
  });
});

describe('finding duplicates', () => {
  const row = (guid: string, headword: string, gloss = '', pos = '') => ({ guid, lang: 'seh', headword, glosses: gloss ? [{ lang: 'en', text: gloss, pos }] : [] });

  it('folds NFD, case and spaces alike', () => {
    expect(fold('  Ba\u0301rigi   x ')).toBe(fold('bárigi x'));
  });

  it('groups by folded headword, edit distance and gloss with pos, scored and with reasons', () => {
    const groups = findDuplicates([row('a', 'Kutha'), row('b', 'kuta'), row('c', 'madzi', 'water', 'Noun'), row('d', 'maji', 'water', 'Noun'), row('e', 'KUTHA ')]);
    const ab = groups.find((g) => g.guids.includes('b'));
    expect(ab?.guids).toEqual(expect.arrayContaining(['a', 'b', 'e']));
    expect(ab?.reasons).toEqual(expect.arrayContaining(['same headword after folding (kutha)', 'headwords 1 edit apart (kutha/kuta)']));
    const cd = groups.find((g) => g.guids.includes('c'));
    expect(cd?.reasons).toEqual(["same gloss 'water' and pos Noun"]);
    expect(cd?.score).toBe(0.5);
    for (const g of groups) expect(g.score).toBeLessThanOrEqual(1);
  });

  it('leaves out pairs said not to be duplicates, and short words a letter apart', () => {
    expect(findDuplicates([row('a', 'madzi', 'water', 'Noun'), row('b', 'maji', 'water', 'Noun')], new Set([pairKey('b', 'a')]))).toEqual([]);
    expect(findDuplicates([row('a', 'ku'), row('b', 'ka')])).toEqual([]);
  });
});
