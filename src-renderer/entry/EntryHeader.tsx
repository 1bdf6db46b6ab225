import type { EntryDocument } from './entry-document.js';
import { formIn } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { withText } from './FormsRow.js';

interface Props {
  readonly doc: EntryDocument;
  readonly vernacular: readonly string[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
}

/** Headword (the lexeme form, per writing system) and citation form, each editable and added per writing system (pronunciations: FormPartsView). */
export function EntryHeader({ doc, vernacular, version, onSave }: Props) {
  // Lotud's entries have a citation form and no lexeme form: their citation languages are rows too.
  const citationLangs = [...new Set([...vernacular, ...withText(doc.citation).map((f) => f.lang)])];
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
        {citationLangs.map((lang) => (
          <span key={lang} className="citation" data-lang={lang}>
            <span className="label">Citation form</span> <span className="lang-tag">{lang}</span>{' '}
            <EditableText label={`Citation form ${lang}`} lang={lang} value={formIn(doc.citation, lang)} placeholder="none (add one)" version={version} onSave={(value, from) => onSave({ field: 'citation', lang }, value, from)} />
          </span>
        ))}
      </div>
    </header>
  );
}
