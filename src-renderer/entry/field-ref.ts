import type { FieldEdit } from '../api/contract.js';
import { formIn, type EntryDocument } from './entry-document.js';

/**
 * One editable field of the open entry: which one (per sense and writing system), how to read
 * it from any version of the entry (yours, or the current one after a Conflict) and the edit
 * that sets it. An empty value clears the field rather than writing an empty form.
 */
export type FieldRef =
  | { readonly field: 'lexeme'; readonly lang: string }
  | { readonly field: 'gloss' | 'definition'; readonly sense: number; readonly lang: string }
  | { readonly field: 'pos'; readonly sense: number }
  | { readonly field: 'note'; readonly lang: string }
  | { readonly field: 'example' | 'translation'; readonly sense: number; readonly example: number; readonly lang: string };

export function readField(doc: EntryDocument, ref: FieldRef): string {
  switch (ref.field) {
    case 'lexeme':
      return formIn(doc.lexeme, ref.lang);
    case 'gloss':
      return formIn(doc.senses[ref.sense]?.glosses ?? [], ref.lang);
    case 'definition':
      return formIn(doc.senses[ref.sense]?.definitions ?? [], ref.lang);
    case 'pos':
      return doc.senses[ref.sense]?.pos ?? '';
    case 'note':
      return formIn(doc.notes.find((note) => note.type === null)?.forms ?? [], ref.lang);
    case 'example':
      return formIn(doc.senses[ref.sense]?.examples[ref.example]?.forms ?? [], ref.lang);
    case 'translation':
      return formIn(doc.senses[ref.sense]?.examples[ref.example]?.translations[0]?.forms ?? [], ref.lang);
  }
}

export function editFor(ref: FieldRef, value: string): FieldEdit {
  const text = value.trim();
  const where = { field: ref.field, ...('lang' in ref ? { lang: ref.lang } : {}), ...('sense' in ref ? { sense: ref.sense } : {}), ...('example' in ref ? { example: ref.example } : {}) };
  return text === '' ? { action: 'clear', ...where } : { action: 'set', ...where, value: text };
}

export function describeField(ref: FieldRef): string {
  const example = 'example' in ref ? `, example ${ref.example + 1}` : '';
  const sense = 'sense' in ref ? `, sense ${ref.sense + 1}` : '';
  const lang = 'lang' in ref ? ` (${ref.lang})` : '';
  const names = { lexeme: 'Headword', gloss: 'Gloss', definition: 'Definition', pos: 'Part of speech', note: 'Note', example: 'Example', translation: 'Translation' } as const;
  return `${names[ref.field]}${lang}${sense}${example}`;
}
