import { useState } from 'react';
import type { RangeValue } from '../api/contract.js';
import type { Note } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { FormRow } from './FormRow.js';

interface Props {
  readonly notes: readonly Note[];
  /** A sense's notes by its position; absent for the entry's. */
  readonly sense?: number;
  /** "entry", "sense 2": how labels name the owner. */
  readonly where: string;
  /** Writing systems a note is added in. */
  readonly langs: readonly string[];
  readonly noteTypes: readonly RangeValue[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
}

type Adding = { readonly type: string | null; readonly lang: string };

const typeName = (type: string | null): string => (type === null ? 'Note' : `Note (${type})`);

/**
 * The notes of the entry or a sense, of every type (FLEx's bibliography, grammar, …, and the
 * plain note): each form edited in place, emptied to clear it, and a note of a chosen type added.
 */
export function NotesEditor({ notes, sense, where, langs, noteTypes, version, onSave }: Props) {
  const [adding, setAdding] = useState<Adding | null>(null);
  const ref = (type: string | null, lang: string): FieldRef => ({ field: 'note', lang, ...(type !== null ? { name: type } : {}), ...(sense !== undefined ? { sense } : {}) });
  const types: (string | null)[] = [null, ...new Set([...noteTypes.map((t) => t.id), ...notes.flatMap((n) => (n.type === null ? [] : [n.type]))])];
  const choices: Adding[] = types.flatMap((type) => langs.map((lang) => ({ type, lang })));
  return (
    <div className="notes-editor" role="group" aria-label={`Notes, ${where}`}>
      <dl className="forms-grid">
        {notes.flatMap((note, i) =>
          note.forms
            .filter((form) => form.text !== '')
            .map((form) => (
              <FormRow key={`${i}-${form.lang}`} name={typeName(note.type)} lang={form.lang}>
                <EditableText label={`${typeName(note.type)} ${form.lang}, ${where}`} lang={form.lang} value={form.text} version={version} multiline onSave={(value, from) => onSave(ref(note.type, form.lang), value, from)} />
              </FormRow>
            )),
        )}
        {adding && (
          <FormRow name={typeName(adding.type)} lang={adding.lang}>
            <EditableText
              label={`New ${typeName(adding.type).toLowerCase()} ${adding.lang}, ${where}`}
              lang={adding.lang}
              value=""
              version={version}
              multiline
              startEditing
              onCancel={() => setAdding(null)}
              onSave={async (value, from) => {
                await onSave(ref(adding.type, adding.lang), value, from);
                setAdding(null);
              }}
            />
          </FormRow>
        )}
      </dl>
      {!adding && choices.length > 0 && (
        <select className="add-form small" aria-label={`Add a note to ${where}`} value="" onChange={(event) => setAdding(choices[Number(event.target.value)] ?? null)}>
          <option value="">Add note…</option>
          {choices.map((c, i) => (
            <option key={`${c.type ?? ''}-${c.lang}`} value={i}>
              {c.type ?? 'Note'} ({c.lang})
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
