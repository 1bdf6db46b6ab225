import type { RangeValue } from '../api/contract.js';
import type { EntryDocument } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { NotesEditor } from './NotesEditor.js';

interface Props {
  readonly doc: EntryDocument;
  readonly langs: readonly string[];
  readonly noteTypes: readonly RangeValue[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
}

/** The dictionary's own notes on the entry, of every type: edited, added and cleared. */
export function EntryNotes({ doc, langs, noteTypes, version, onSave }: Props) {
  return (
    <section className="entry-section" aria-label="Entry notes">
      <h3 className="section-title">Notes</h3>
      <NotesEditor notes={doc.notes} where="entry" langs={langs} noteTypes={noteTypes} version={version} onSave={onSave} />
    </section>
  );
}
