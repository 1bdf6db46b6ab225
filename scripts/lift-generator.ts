import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
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
  type LiftText,
  type RangeElement,
} from './lift-xml.js';

/**
 * Large synthetic LIFT dictionaries for benchmarks and tests: deterministic for a seed, written
 * as a stream so a million entries never sit in memory.
 */

export const SYNTHETIC_VERNACULAR = 'qaa';
export const PARTS_OF_SPEECH = ['Noun', 'Verb', 'Adjective', 'Adverb', 'Pronoun', 'Particle'] as const;
/** Share of senses written without an English definition ("definition missing" filters). */
export const MISSING_DEFINITION_SHARE = 0.15;

const DOMAINS = [
  '1 Universe', '1.1 Sky', '1.2 World', '1.3 Water', '1.5 Plant', '1.6 Animal', '2 Person', '2.1 Body', '2.5 Healthy',
  '3 Language and thought', '4 Social behavior', '4.1 Relationships', '5 Daily life', '5.1 Household equipment', '5.2 Food',
  '6 Work and occupation', '7 Physical actions', '8 States', '8.1 Quantity', '9 Grammar',
];
const MORPH_TYPES = ['stem', 'stem', 'stem', 'root', 'bound root', 'suffix', 'prefix', 'phrase'];
const EN = [
  'stone', 'river', 'bird', 'house', 'rain', 'fire', 'child', 'road', 'knife', 'basket', 'tree', 'leaf', 'fish', 'moon', 'salt',
  'drum', 'song', 'seed', 'rope', 'hill', 'run', 'eat', 'see', 'carry', 'cook', 'sleep', 'big', 'red', 'old', 'quickly',
];
const FR = [
  'pierre', 'rivière', 'oiseau', 'maison', 'pluie', 'feu', 'enfant', 'route', 'couteau', 'panier', 'arbre', 'feuille', 'poisson',
  'lune', 'sel', 'tambour', 'chant', 'graine', 'corde', 'colline', 'courir', 'manger', 'voir', 'porter', 'cuire', 'dormir',
  'grand', 'rouge', 'vieux', 'vite',
];
const ONSETS = ['p', 't', 'k', 'b', 'd', 'g', 'm', 'n', 's', 'l', 'r', 'w', 'y', 'ng', 'ts', 'h'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'á', 'é', 'ɨ'];

export interface SyntheticOptions {
  readonly entries: number;
  readonly seed?: number;
}

/** The entries of a synthetic dictionary, one at a time. */
export function* syntheticEntries({ entries, seed = 1 }: SyntheticOptions): Generator<LiftEntry> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const start = Date.UTC(2012, 0, 1);
  for (let n = 0; n < entries; n++) {
    const syllables = 1 + Math.floor(next() * 3);
    const word = Array.from({ length: syllables }, () => pick(ONSETS) + pick(VOWELS)).join('') + (next() < 0.2 ? 'n' : '');
    const entryGuid = guid(next);
    const created = start + Math.floor(next() * 3e11);
    const senses = Array.from({ length: 1 + Math.floor(next() * next() * 3) }, (_, s) => {
      const concept = Math.floor(next() * EN.length);
      const qualifier = n % 7 === 0 ? '' : ` ${n % 97}`;
      const definitions: LiftText[] = [];
      if (next() >= MISSING_DEFINITION_SHARE) definitions.push({ lang: 'en', text: `a kind of ${EN[concept]}, sense ${s + 1} of ${word}` });
      if (next() >= 0.3) definitions.push({ lang: 'fr', text: `une sorte de « ${FR[concept]} », sens ${s + 1}` });
      return {
        id: `${word}_${guid(next)}`,
        pos: pick(PARTS_OF_SPEECH),
        glosses: [{ lang: 'en', text: EN[concept] + qualifier }, { lang: 'fr', text: FR[concept] + qualifier }],
        definitions,
        domains: next() < 0.8 ? [pick(DOMAINS), ...(next() < 0.2 ? [pick(DOMAINS)] : [])] : [],
        examples: next() < 0.25 ? [example(`${word} ${word}a ${pick(ONSETS)}o.`, `Example ${n} with "${EN[concept]}" & more.`)] : [],
      };
    });
    yield {
      id: `${word}_${entryGuid}`,
      guid: entryGuid,
      dateCreated: liftDate(created),
      dateModified: liftDate(created + Math.floor(next() * 1e10)),
      lexicalUnit: { lang: SYNTHETIC_VERNACULAR, text: word },
      morphType: pick(MORPH_TYPES),
      notes: next() < 0.1 ? [{ lang: 'en', text: `Checked with speaker ${1 + (n % 12)} <field notes>.` }] : [],
      senses,
    };
  }
}

function example(vernacular: string, english: string): LiftExample {
  return { form: { lang: SYNTHETIC_VERNACULAR, text: vernacular }, translations: [{ lang: 'en', text: english }] };
}

/** The .lift-ranges matching syntheticEntries. */
export function syntheticRanges(seed = 1): string {
  const next = random(seed ^ 0x5eed);
  const element = (id: string, parent?: string): RangeElement => ({
    id,
    guid: guid(next),
    ...(parent === undefined ? {} : { parent }),
    labels: [{ lang: 'en', text: id }],
    abbrev: id.slice(0, 3).toLowerCase(),
  });
  // "1.1 Sky" belongs under "1 Universe".
  const parent = (id: string): string | undefined =>
    id.includes('.') ? DOMAINS.find((d) => d.split(' ')[0] === id.split('.')[0]) : undefined;
  const domains = DOMAINS.map((id) => element(id, parent(id)));
  return rangesXml([
    ['grammatical-info', PARTS_OF_SPEECH.map((p) => element(p))],
    ['semantic-domain-ddp4', domains],
  ]);
}

export interface WrittenDictionary {
  readonly file: string;
  readonly rangesFile: string;
  readonly entries: number;
  readonly senses: number;
  readonly sensesWithoutEnglishDefinition: number;
}

/** Writes a synthetic .lift file and its .lift-ranges beside it, in chunks of about 256 kB. */
export async function writeSyntheticLift(out: string, options: SyntheticOptions): Promise<WrittenDictionary> {
  const rangesFile = join(dirname(out), `${basename(out, extname(out))}.lift-ranges`);
  await writeFile(rangesFile, syntheticRanges(options.seed));
  const stream = createWriteStream(out);
  const closed = once(stream, 'close');
  const comment = ' Synthetic LIFT data: invented words for benchmarks. ';
  let buffer = liftStart('Workset Browser synthetic generator', comment, basename(rangesFile));
  let senses = 0;
  let withoutDefinition = 0;
  for (const entry of syntheticEntries(options)) {
    senses += entry.senses.length;
    withoutDefinition += entry.senses.filter((s) => !s.definitions.some((d) => d.lang === 'en')).length;
    buffer += entryXml(entry);
    if (buffer.length >= 256 * 1024) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(buffer + LIFT_END);
  await closed;
  return { file: out, rangesFile, entries: options.entries, senses, sensesWithoutEnglishDefinition: withoutDefinition };
}
