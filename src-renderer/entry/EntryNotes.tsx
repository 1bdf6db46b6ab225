import type { EntryDocument } from './entry-document.js';
import { formIn } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { FormsRow, withText } from './FormsRow.js';

/** The dictionary's own notes on the entry: the plain note is editable per language, typed notes are shown. */
export function EntryNotes({ doc, langs, version, onSave }: { doc: EntryDocument; langs: readonly string[]; version: string; onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown> }) {
  const plain = doc.notes.find((note) => note.type === null);
  const typed = doc.notes.filter((note) => note.type !== null && withText(note.forms).length > 0);
  return (
    <section className="entry-section" aria-label="Entry notes">
      <h3 className="section-title">Entry note</h3>
      <dl className="forms-grid">
        {langs.map((lang) => (
          <div className="form-row" key={lang}>
            <dt>
              <span className="lang-tag">{lang}</span>
            </dt>
            <dd>
              <EditableText label={`Entry note ${lang}`} lang={lang} value={formIn(plain?.forms ?? [], lang)} version={version} multiline onSave={(value, from) => onSave({ field: 'note', lang }, value, from)} />
            </dd>
          </div>
        ))}
      </dl>
      {typed.map((note, i) => (
        <p key={i} className="note">
          <span className="label">{note.type}:</span> <FormsRow forms={note.forms} />
        </p>
      ))}
    </section>
  );
}
