import type { DictionaryVocabulary } from '../api/contract.js';
import type { EntryDocument } from './entry-document.js';

/** At most this many languages the entry never had are offered, so a 12-language FLEx project stays readable. */
const OFFERED = 2;

/**
 * Which writing systems the pane shows and offers. Vernacular: those of the headword. Analysis:
 * those the entry's glosses, definitions and notes use — a row each, so a missing English
 * definition can be added right where it is missing. Offered: the dictionary's first other
 * languages, which the entry never had: no empty row, but "Add…" offers them.
 */
export function entryLanguages(doc: EntryDocument, vocabulary: DictionaryVocabulary | undefined): EntryLanguages {
  const vernacular = unique(doc.lexeme.map((f) => f.lang));
  const used = unique([
    ...doc.senses.flatMap((s) => [...s.glosses, ...s.definitions].map((f) => f.lang)),
    ...doc.notes.flatMap((n) => n.forms.map((f) => f.lang)),
  ]).filter((lang) => !vernacular.includes(lang));
  const offered = (vocabulary?.writingSystems ?? []).filter((ws) => !vernacular.includes(ws) && !used.includes(ws) && !/-(fonipa|audio)/i.test(ws));
  return {
    vernacular: vernacular.length > 0 ? vernacular : (vocabulary?.writingSystems.slice(0, 1) ?? []),
    analysis: used,
    offered: offered.slice(0, Math.max(OFFERED, 1)),
  };
}

export interface EntryLanguages {
  readonly vernacular: readonly string[];
  readonly analysis: readonly string[];
  readonly offered: readonly string[];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
