import type { EntryDocument } from './entry-document.js';
import { formIn } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { FormsRow, withText } from './FormsRow.js';

interface Props {
  readonly doc: EntryDocument;
  readonly vernacular: readonly string[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
}

/** Headword (the lexeme form, per writing system), citation form, morph type (pronunciations: FormPartsView). */
export function EntryHeader({ doc, vernacular, version, onSave }: Props) {
  const morphType = doc.traits.find((t) => t.name === 'morph-type')?.value;
  return (
    <header className="entry-header">
      {vernacular.map((lang) => (
        <div key={lang} className="headword-line" data-testid="entry-headword" data-lang={lang}>
          <EditableText label={`Headword ${lang}`} lang={lang} className="entry-headword" value={formIn(doc.lexeme, lang)}
            placeholder={formIn(doc.citation, lang) ? `${formIn(doc.citation, lang)} (citation form; no lexeme form)` : '—'}
            version={version}
            onSave={(value, from) => onSave({ field: 'lexeme', lang }, value, from)} />
          <span className="lang-tag">{lang}</span>
        </div>
      ))}
      <div className="entry-meta">
        {withText(doc.citation).length > 0 && (
          <span>
            <span className="label">Citation:</span> <FormsRow forms={doc.citation} />
          </span>
        )}
        {morphType && <span className="chip">{morphType}</span>}
      </div>
    </header>
  );
}
