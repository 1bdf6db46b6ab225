/**
 * Writes the app's own sample dictionary, resources/sample/sample.lift and its .lift-ranges.
 *
 * The language is invented ("qaa-x-sample" is a private-use tag): its words are drawn from a
 * seeded generator and its meanings come from sample-vocabulary.ts, so the sample is ours to ship
 * and the same on every run. It covers what the app must handle: several parts of speech and
 * domains, derived words, examples, notes, entries with only a citation form, missing definitions
 * and deleted entries (tombstones).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  entryXml,
  guid,
  LIFT_END,
  liftDate,
  liftStart,
  random,
  rangesXml,
  type LiftEntry,
  type LiftExample,
  type LiftSense,
  type LiftText,
} from './lift-xml.js';
import { EXAMPLES, NOTES, VOCABULARY } from './sample-vocabulary.js';

export const SAMPLE_LANG = 'qaa-x-sample';
const OUT_DIR = resolve(import.meta.dirname, '../resources/sample');
const DAY_MS = 86_400_000;

interface Concept {
  readonly pos: string;
  readonly en: string;
  readonly fr: string;
  readonly feminine: boolean;
  readonly domain: string;
  readonly defEn: string;
  readonly defFr: string;
}

type SenseContent = Omit<LiftSense, 'id' | 'examples'> & { readonly examples?: readonly LiftExample[] };

const next = random(20240611);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
const used = new Set<string>();
let clock = Date.UTC(2021, 2, 1);

/** A new word of the invented language: CV syllables (the first may lack its C), never the same twice. */
function word(syllables: number): string {
  for (;;) {
    const w = Array.from({ length: syllables }, (_, i) => {
      const onset = i === 0 && next() < 0.15 ? '' : pick(['p', 't', 'k', 'm', 'n', 's', 'l', 'v', 'h', 'r']);
      return onset + pick(['a', 'e', 'i', 'o', 'u', 'a', 'ā', 'ī']);
    }).join('');
    if (!used.has(w)) {
      used.add(w);
      return w;
    }
  }
}

function entry(headword: string, senses: readonly SenseContent[], notes: readonly LiftText[] = []): LiftEntry {
  const id = guid(next);
  clock += Math.floor(next() * DAY_MS);
  return {
    id: `${headword}_${id}`,
    guid: id,
    dateCreated: liftDate(clock),
    dateModified: liftDate(clock + Math.floor(next() * 30 * DAY_MS)),
    lexicalUnit: { lang: SAMPLE_LANG, text: headword },
    morphType: 'stem',
    notes,
    senses: senses.map((s) => ({ ...s, id: guid(next), examples: s.examples ?? [] })),
  };
}

function sense(pos: string, [en, fr]: readonly [string, string], domain: string, defEn?: string, defFr?: string): SenseContent {
  const definitions: LiftText[] = [];
  if (defEn !== undefined) definitions.push({ lang: 'en', text: defEn });
  if (defFr !== undefined) definitions.push({ lang: 'fr', text: defFr });
  return { pos, glosses: [{ lang: 'en', text: en }, { lang: 'fr', text: fr }], definitions, domains: [domain] };
}

const concepts: Concept[] = VOCABULARY.trim()
  .split('\n')
  .map((line) => {
    const [pos, en, frRaw, domain, defEn, defFr] = line.split('|');
    return { pos, en, fr: frRaw.replace(/:f$/, ''), feminine: frRaw.endsWith(':f'), domain, defEn, defFr };
  });
const words = new Map(concepts.map((c) => [c.en, word(2 + Math.floor(next() * 2))]));
const headword = (c: Concept): string => words.get(c.en) ?? '';
const isVerb = (gloss: string): boolean => concepts.find((k) => k.en === gloss)?.pos === 'Verb';

/** The examples of a concept's entry: each example belongs to its verb, or its first word if it has none. */
function examplesOf(c: Concept): LiftExample[] {
  return EXAMPLES.filter(([uses]) => (uses.find(isVerb) ?? uses[0]) === c.en).map(([uses, en, fr]) => {
    const text = uses.map((u) => words.get(u) ?? u).join(' ');
    const form = { lang: SAMPLE_LANG, text: `${text[0].toUpperCase()}${text.slice(1)}.` };
    return { form, translations: [{ lang: 'en', text: en }, { lang: 'fr', text: fr }] };
  });
}

const entries: LiftEntry[] = [];
for (const c of concepts) {
  const notes = NOTES.filter(([gloss]) => gloss === c.en).map(([, text]) => ({ lang: 'en', text }));
  entries.push(entry(headword(c), [{ ...sense(c.pos, [c.en, c.fr], c.domain, c.defEn, c.defFr), examples: examplesOf(c) }], notes));
}

// Derived words; every fourth of their definitions is left out, for "definition missing" filters.
let derived = 0;
const maybe = (text: string): string | undefined => (derived++ % 4 === 3 ? undefined : text);
for (const c of concepts.filter((k) => k.pos === 'Noun')) {
  const [petit, article] = c.feminine ? ['petite', 'une'] : ['petit', 'un'];
  const glosses = [`little ${c.en}`, `${petit} ${c.fr}`] as const;
  entries.push(entry(`${headword(c)}li`, [sense('Noun', glosses, c.domain, maybe(`a small ${c.en}`), maybe(`${article} ${petit} ${c.fr}`))]));
}
for (const c of concepts.filter((k) => k.pos === 'Verb')) {
  const glosses = [`one who likes to ${c.en}`, `celui qui aime ${c.fr}`] as const;
  const definitions = [maybe(`a person known for liking to ${c.en}`), maybe(`une personne connue pour aimer ${c.fr}`)] as const;
  entries.push(entry(`ma${headword(c)}`, [sense('Noun', glosses, c.domain, ...definitions)]));
}
for (const c of concepts.filter((k) => k.pos === 'Adjective')) {
  const reduplicated = `${headword(c).slice(0, 2)}-${headword(c)}`;
  entries.push(entry(reduplicated, [sense('Adjective', [`very ${c.en}`, `très ${c.fr}`], c.domain, maybe(`${c.defEn}, to a high degree`))]));
}

// Loans known only by their citation form, as FLEx exports them (no <lexical-unit>).
for (const [form, en, fr] of [['ladio', 'radio', 'radio'], ['sukulu', 'school', 'école']] as const) {
  const { lexicalUnit, ...loan } = entry(form, [sense('Noun', [en, fr], '5 Daily life', `a ${en}`)]);
  entries.push({ ...loan, citation: lexicalUnit, notes: [{ lang: 'en', text: 'Loanword; headword spelling not yet agreed.' }] });
}

// Tombstones: what FLEx and WeSay leave behind when an entry is deleted.
for (let i = 0; i < 4; i++) {
  const { id, guid: entryGuid, dateCreated, dateModified } = entry(word(2), []);
  const dateDeleted = liftDate(clock + DAY_MS * (i + 1));
  entries.push({ id, guid: entryGuid, dateCreated, dateModified, dateDeleted, notes: [], senses: [] });
}
entries.sort((a, b) => a.id.localeCompare(b.id, 'en'));

const partsOfSpeech = [
  ['Noun', 'Nom'],
  ['Verb', 'Verbe'],
  ['Adjective', 'Adjectif'],
  ['Adverb', 'Adverbe'],
  ['Pronoun', 'Pronom'],
  ['Particle', 'Particule'],
];
const domains = [...new Set([...concepts.map((c) => c.domain), '5 Daily life'])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const ranges = rangesXml([
  [
    'grammatical-info',
    partsOfSpeech.map(([en, fr]) => ({
      id: en,
      guid: guid(next),
      labels: [{ lang: 'en', text: en }, { lang: 'fr', text: fr }],
      abbrev: en.slice(0, 3).toLowerCase(),
    })),
  ],
  ['semantic-domain-ddp4', domains.map((id) => ({ id, guid: guid(next), labels: [{ lang: 'en', text: id.replace(/^[\d.]+ /, '') }] }))],
]);
const comment =
  ' Workset Browser sample dictionary: an invented language (qaa-x-sample). Generated by scripts/generate-sample.ts; free to use. ';
const lift = liftStart('Workset Browser sample generator', comment, 'sample.lift-ranges') + entries.map(entryXml).join('') + LIFT_END;

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'sample.lift-ranges'), ranges);
writeFileSync(join(OUT_DIR, 'sample.lift'), lift);
const deleted = entries.filter((e) => e.dateDeleted !== undefined).length;
console.log(`${join(OUT_DIR, 'sample.lift')}: ${entries.length} entries (${deleted} deleted)`);
