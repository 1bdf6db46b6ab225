import type { HeadwordOrder } from '../domain/query-model.js';

/**
 * Sort keys that order headwords as a lexicographer expects: by the collation of the headword's
 * writing system (ICU, through Intl.Collator), with a dictionary's own order of letters for an
 * orthography ICU does not know (digraphs as one letter: "ch" after "c"), from the end of the
 * word, or by length.
 *
 * A key is a plain string whose code point order (JS `<`, SQLite's BINARY) is the collator's
 * order, so it can be stored and compared without the collator. JS cannot read ICU's own sort
 * keys, so a key is built from ranks: a fixed repertoire of characters (the alphabets of the
 * world's common scripts) is sorted once by the collator, and each letter of a word (a custom
 * letter, else a grapheme cluster) becomes its rank there. A letter outside the repertoire (a
 * base with combining marks) takes the place the collator gives it among the repertoire, then its
 * code points. Like ICU, the key compares base letters across the whole word first (primary
 * level: "áa" before "ab"), then accents and case.
 */

/** A dictionary's collation: a BCP 47 locale, and optionally its own letters in order. */
export interface CollationSetting {
  readonly locale: string;
  /** Letters (or digraphs) in their order; they take the place of the first of them among the rest. */
  readonly letters?: readonly string[];
}

interface Rank {
  readonly primary: string;
  readonly full: string;
}

/** Rank digits: 64 code points in a row, all below the marks that extend or end a rank. */
const DIGIT_BASE = 0x30;
const DIGITS = 64;
const EXTEND = 'p';
const END = 'q';
/** Between the primary and the full key: below every digit, so a shorter word sorts first. */
const LEVEL = ' ';

const REPERTOIRE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], [0xa1, 0x24f], [0x250, 0x2af], [0x370, 0x3ff], [0x400, 0x52f], [0x531, 0x58f], [0x5d0, 0x5ea], [0x620, 0x64a],
  [0x660, 0x6ff], [0x904, 0x939], [0x966, 0x96f], [0x985, 0x9b9], [0xe01, 0xe30], [0xe40, 0xe46], [0x10a0, 0x10ff],
  [0x1e00, 0x1fff], [0x2c60, 0x2c7f], [0xa720, 0xa7ff],
];

/** Code points that make clusters of more than one: marks, joiners, Hangul jamo, emoji, CR LF, regional indicators. */
const CLUSTERING = /\p{M}|\u200c|\u200d|\r|[\u1100-\u11ff\uac00-\ud7af]|\p{Extended_Pictographic}|[\u{1f1e6}-\u{1f1ff}]/u;

function rankCode(rank: number): string {
  return String.fromCharCode(DIGIT_BASE + Math.floor(rank / (DIGITS * DIGITS)), DIGIT_BASE + (Math.floor(rank / DIGITS) % DIGITS), DIGIT_BASE + (rank % DIGITS));
}

/** A letter's own code points, to tell apart letters that share a place (hex digits are below EXTEND and END). */
function extension(letter: string): string {
  return `${EXTEND}${[...letter].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(6, '0')).join('')}${END}`;
}

export class HeadwordCollation {
  private readonly full: Intl.Collator;
  private readonly base: Intl.Collator;
  private readonly segmenter: Intl.Segmenter;
  private readonly repertoire: string[];
  private readonly ranks = new Map<string, Rank>();
  private readonly ignored = new Map<string, boolean>();
  /** Custom letters, longest first, lower-cased: matched before grapheme clusters. */
  private readonly custom: string[];

  constructor(readonly setting: CollationSetting) {
    this.full = new Intl.Collator(setting.locale, { usage: 'sort' });
    this.base = new Intl.Collator(setting.locale, { usage: 'sort', sensitivity: 'base' });
    this.segmenter = new Intl.Segmenter(setting.locale, { granularity: 'grapheme' });
    const letters = [...new Set((setting.letters ?? []).map((l) => l.normalize('NFC').toLowerCase()).filter((l) => l !== ''))];
    this.custom = [...letters].sort((a, b) => [...b].length - [...a].length);
    this.repertoire = this.ordered(letters);
    let primary = -1;
    this.repertoire.forEach((letter, i) => {
      const previous = this.repertoire[i - 1];
      const sameBase = previous !== undefined && (letters.includes(letter) || letters.includes(previous) ? letter.toLowerCase() === previous.toLowerCase() : this.base.compare(previous, letter) === 0);
      if (!sameBase) primary++;
      this.ranks.set(letter, { primary: rankCode(primary), full: rankCode(i) });
    });
  }

  /** The key of `word` in `order` ('' for no word: callers put those last). */
  key(word: string, order: HeadwordOrder = 'alphabetical'): string {
    const letters = this.letters(word);
    if (letters.length === 0) return '';
    const ranks = (order === 'reverse' ? [...letters].reverse() : letters).map((letter) => this.rank(letter));
    const key = `${ranks.map((r) => r.primary).join('')}${LEVEL}${ranks.map((r) => r.full).join('')}`;
    return order === 'length' ? `${rankCode(Math.min(letters.length, DIGITS ** 3 - 1))}${LEVEL}${key}` : key;
  }

  /** The letters of a word: its custom letters where they match (any case), else its grapheme clusters; ignorables left out. */
  letters(word: string): string[] {
    const text = word.normalize('NFC').trim();
    // Most words are one code point a cluster: the segmenter is then not needed (and it is slow).
    const clusters = CLUSTERING.test(text) ? [...this.segmenter.segment(text)].map((s) => s.segment) : [...text];
    const lower = this.custom.length > 0 ? text.toLowerCase() : '';
    const out: string[] = [];
    for (let i = 0, at = 0; i < clusters.length; ) {
      const letter = lower.length === text.length ? this.custom.find((l) => lower.startsWith(l, at)) : undefined;
      // A custom letter counts only where it is whole clusters ("ch", not "c" of "ĉh" or half of one).
      const end = letter === undefined ? undefined : clusterEnd(clusters, i, letter.length);
      const next = end ?? i + 1;
      const taken = next === i + 1 ? clusters[i] : clusters.slice(i, next).join('');
      if (end !== undefined || !this.ignorable(taken)) out.push(taken);
      for (; i < next; i++) at += clusters[i].length;
    }
    return out;
  }

  private ignorable(cluster: string): boolean {
    if (this.ranks.has(cluster)) return false;
    let ignored = this.ignored.get(cluster);
    if (ignored === undefined) {
      ignored = this.full.compare(cluster, '') === 0;
      this.ignored.set(cluster, ignored);
    }
    return ignored;
  }

  private rank(letter: string): Rank {
    const known = this.ranks.get(letter) ?? this.customRank(letter);
    if (known) return known;
    // Not in the repertoire: the place the collator gives it, then its own code points.
    let low = 0;
    let high = this.repertoire.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.full.compare(this.repertoire[middle], letter) <= 0) low = middle + 1;
      else high = middle;
    }
    const before = this.repertoire[low - 1];
    const at = before === undefined ? { primary: rankCode(0), full: rankCode(0) } : (this.ranks.get(before) as Rank);
    const sameBase = before !== undefined && this.base.compare(before, letter) === 0;
    const rank = { primary: sameBase ? at.primary : `${at.primary}${extension(letter.toLowerCase())}`, full: `${at.full}${extension(letter)}` };
    this.ranks.set(letter, rank);
    return rank;
  }

  /** A custom letter written in another case: the letter's place, its case after it. */
  private customRank(letter: string): Rank | undefined {
    const lower = letter.toLowerCase();
    const own = lower === letter ? undefined : this.ranks.get(lower);
    return own && this.custom.includes(lower) ? { primary: own.primary, full: `${own.full}${extension(letter)}` } : undefined;
  }

  /** The repertoire in the collator's order, the custom letters in theirs at the place of the first of them. */
  private ordered(letters: readonly string[]): string[] {
    const all: string[] = [];
    for (const [from, to] of REPERTOIRE_RANGES) {
      for (let c = from; c <= to; c++) {
        const letter = String.fromCodePoint(c);
        if (/[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(letter)) all.push(letter);
      }
    }
    // A custom letter's other cases leave too: they take its place (customRank).
    const sorted = all.filter((l) => !letters.includes(l.toLowerCase()) && this.full.compare(l, '') !== 0).sort((a, b) => this.full.compare(a, b) || (a < b ? -1 : 1));
    if (letters.length === 0) return sorted;
    const first = sorted.findIndex((l) => this.full.compare(l, letters[0]) >= 0);
    const at = first < 0 ? sorted.length : first;
    return [...sorted.slice(0, at), ...letters, ...sorted.slice(at)];
  }
}

/** The index after the clusters from `i` that make up `length` code units exactly, if they do. */
function clusterEnd(clusters: readonly string[], i: number, length: number): number | undefined {
  let covered = 0;
  for (let j = i; j < clusters.length; j++) {
    covered += clusters[j].length;
    if (covered === length) return j + 1;
    if (covered > length) return undefined;
  }
  return undefined;
}

const cache = new Map<string, HeadwordCollation>();

/** One collation per setting, built once per process (sorting the repertoire takes a few milliseconds). */
export function headwordCollation(setting: CollationSetting): HeadwordCollation {
  const id = JSON.stringify([setting.locale, setting.letters ?? []]);
  let collation = cache.get(id);
  if (!collation) {
    collation = new HeadwordCollation(setting);
    cache.set(id, collation);
  }
  return collation;
}
