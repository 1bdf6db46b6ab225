import type { Sense } from './entry-document.js';
import { formIn } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { FormsRow } from './FormsRow.js';

interface Props {
  readonly sense: Sense;
  readonly index: number;
  /** Writing systems to offer for glosses and definitions (present ones and the dictionary's analysis languages). */
  readonly langs: readonly string[];
  readonly version: string;
  readonly partsOfSpeech: readonly string[];
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
}

/** One sense: part of speech, glosses and definitions per writing system (editable), and the rest read-only. */
export function SenseView({ sense, index, langs, version, partsOfSpeech, onSave }: Props) {
  const n = index + 1;
  return (
    <li className="sense" data-testid="sense" aria-label={`Sense ${n}`}>
      <div className="sense-head">
        <span className="sense-number">{n}</span>
        <EditableText
          label={`Part of speech, sense ${n}`}
          className="pos"
          value={sense.pos ?? ''}
          version={version}
          options={partsOfSpeech}
          placeholder="no part of speech"
          onSave={(value, from) => onSave({ field: 'pos', sense: index }, value, from)}
        />
      </div>
      <dl className="forms-grid">
        {langs.map((lang) => (
          <div className="form-row" key={`g-${lang}`}>
            <dt>
              Gloss <span className="lang-tag">{lang}</span>
            </dt>
            <dd>
              <EditableText label={`Gloss ${lang}, sense ${n}`} value={formIn(sense.glosses, lang)} version={version} onSave={(value, from) => onSave({ field: 'gloss', sense: index, lang }, value, from)} />
            </dd>
          </div>
        ))}
        {langs.map((lang) => (
          <div className="form-row" key={`d-${lang}`}>
            <dt>
              Definition <span className="lang-tag">{lang}</span>
            </dt>
            <dd>
              <EditableText
                label={`Definition ${lang}, sense ${n}`}
                value={formIn(sense.definitions, lang)}
                version={version}
                multiline
                onSave={(value, from) => onSave({ field: 'definition', sense: index, lang }, value, from)}
              />
            </dd>
          </div>
        ))}
      </dl>
      {sense.examples.length > 0 && (
        <ul className="examples" aria-label={`Examples, sense ${n}`}>
          {sense.examples.map((example, i) => (
            <li key={i}>
              <FormsRow forms={example.forms} className="example" />
              {example.translations.map((t, j) => (
                <FormsRow key={j} forms={t.forms} className="translation" />
              ))}
            </li>
          ))}
        </ul>
      )}
      {sense.notes.map((note, i) => (
        <p key={i} className="note">
          <span className="label">{note.type ?? 'Note'}:</span> <FormsRow forms={note.forms} />
        </p>
      ))}
      {sense.traits.length > 0 && (
        <p className="traits">
          {sense.traits.map((t, i) => (
            <span key={i} className="chip" title={t.name}>
              {t.name.startsWith('semantic-domain') ? '◈ ' : `${t.name}: `}
              {t.value}
            </span>
          ))}
        </p>
      )}
      {sense.subsenses.length > 0 && <p className="muted small">{sense.subsenses.length} subsense(s) — shown in the exported LIFT.</p>}
    </li>
  );
}
