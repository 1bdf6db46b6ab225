import type { DictionaryVocabulary } from '../api/contract.js';
import type { EntryDocument } from './entry-document.js';

/** At most this many empty analysis languages are offered, so a 12-language FLEx project stays readable. */
const OFFERED = 2;

/**
 * Which writing systems the pane offers. Vernacular: those of the headword. Analysis: those the
 * entry's glosses, definitions and notes use, plus the dictionary's first other languages, so a
 * missing English definition can be added right where it is missing.
 */
export function entryLanguages(doc: EntryDocument, vocabulary: DictionaryVocabulary | undefined): { vernacular: string[]; analysis: string[] } {
  const vernacular = unique(doc.lexeme.map((f) => f.lang));
  const used = unique([
    ...doc.senses.flatMap((s) => [...s.glosses, ...s.definitions].map((f) => f.lang)),
    ...doc.notes.flatMap((n) => n.forms.map((f) => f.lang)),
  ]).filter((lang) => !vernacular.includes(lang));
  const offered = (vocabulary?.writingSystems ?? []).filter((ws) => !vernacular.includes(ws) && !used.includes(ws) && !/-(fonipa|audio)/i.test(ws));
  const analysis = [...used, ...offered.slice(0, Math.max(0, OFFERED - used.length))];
  return { vernacular: vernacular.length > 0 ? vernacular : (vocabulary?.writingSystems.slice(0, 1) ?? []), analysis };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
