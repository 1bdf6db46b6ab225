import type { FieldEdit } from '../api/contract.js';
import { formIn, type EntryDocument } from './entry-document.js';

/**
 * One editable field of the open entry: which one (per sense and writing system), how to read
 * it from any version of the entry (yours, or the current one after a Conflict) and the edit
 * that sets it. An empty value clears the field rather than writing an empty form.
 */
export type FieldRef =
  | { readonly field: 'lexeme' | 'citation'; readonly lang: string }
  | { readonly field: 'gloss' | 'definition'; readonly sense: number; readonly lang: string }
  | { readonly field: 'pos'; readonly sense: number }
  /** A note of a type (`name`; none for the plain note), on the entry or a sense. */
  | { readonly field: 'note'; readonly lang: string; readonly name?: string; readonly sense?: number }
  /** A custom field the header declares, on the entry (no sense) or a sense. */
  | { readonly field: 'custom'; readonly name: string; readonly lang: string; readonly sense?: number }
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
    case 'citation':
      return formIn(doc.citation, ref.lang);
    case 'note': {
      const notes = ref.sense === undefined ? doc.notes : (doc.senses[ref.sense]?.notes ?? []);
      return formIn(notes.find((note) => note.type === (ref.name ?? null))?.forms ?? [], ref.lang);
    }
    case 'custom': {
      const fields = ref.sense === undefined ? doc.fields : (doc.senses[ref.sense]?.fields ?? []);
      return formIn(fields.find((f) => f.type === ref.name)?.forms ?? [], ref.lang);
    }
    case 'example':
      return formIn(doc.senses[ref.sense]?.examples[ref.example]?.forms ?? [], ref.lang);
    case 'translation':
      return formIn(doc.senses[ref.sense]?.examples[ref.example]?.translations[0]?.forms ?? [], ref.lang);
  }
}

export function editFor(ref: FieldRef, value: string): FieldEdit {
  const text = value.trim();
  const sense = 'sense' in ref ? ref.sense : undefined;
  const where = {
    field: ref.field,
    ...('lang' in ref ? { lang: ref.lang } : {}),
    ...(sense !== undefined ? { sense } : {}),
    ...('example' in ref ? { example: ref.example } : {}),
    ...('name' in ref && ref.name ? { name: ref.name } : {}),
    // A custom field of the entry is the entry's own, never its senses' of the same name.
    ...(ref.field === 'custom' && sense === undefined ? { onEntry: true } : {}),
  };
  return text === '' ? { action: 'clear', ...where } : { action: 'set', ...where, value: text };
}

export function describeField(ref: FieldRef): string {
  const example = 'example' in ref ? `, example ${ref.example + 1}` : '';
  const sense = 'sense' in ref && ref.sense !== undefined ? `, sense ${ref.sense + 1}` : '';
  const lang = 'lang' in ref ? ` (${ref.lang})` : '';
  const names = { lexeme: 'Headword', citation: 'Citation form', gloss: 'Gloss', definition: 'Definition', pos: 'Part of speech', note: 'Note', custom: 'Field', example: 'Example', translation: 'Translation' } as const;
  const named = 'name' in ref && ref.name ? (ref.field === 'note' ? `Note (${ref.name})` : ref.name) : names[ref.field];
  return `${named}${lang}${sense}${example}`;
}
