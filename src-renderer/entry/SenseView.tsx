import { useState } from 'react';
import type { Sense } from './entry-document.js';
import { formIn } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { FormsRow, withText } from './FormsRow.js';

interface Props {
  readonly sense: Sense;
  readonly index: number;
  /** Writing systems to offer for glosses and definitions (present ones and the dictionary's analysis languages). */
  readonly langs: readonly string[];
  /** Writing systems the entry never had: not shown as empty rows, offered by "Add…". */
  readonly offered: readonly string[];
  readonly version: string;
  readonly partsOfSpeech: readonly string[];
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
}

/** One sense: part of speech, glosses and definitions per writing system (editable), and the rest read-only. */
export function SenseView({ sense, index, langs, offered, version, partsOfSpeech, onSave }: Props) {
  const n = index + 1;
  const [adding, setAdding] = useState<{ field: 'gloss' | 'definition'; lang: string } | null>(null);
  const additions = offered.flatMap((lang) => [
    { field: 'gloss' as const, lang, label: `Gloss (${lang})` },
    { field: 'definition' as const, lang, label: `Definition (${lang})` },
  ]);
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
              <EditableText label={`Gloss ${lang}, sense ${n}`} lang={lang} value={formIn(sense.glosses, lang)} version={version} onSave={(value, from) => onSave({ field: 'gloss', sense: index, lang }, value, from)} />
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
                lang={lang}
                value={formIn(sense.definitions, lang)}
                version={version}
                multiline
                onSave={(value, from) => onSave({ field: 'definition', sense: index, lang }, value, from)}
              />
            </dd>
          </div>
        ))}
        {adding && (
          <div className="form-row" key={`add-${adding.field}-${adding.lang}`}>
            <dt>
              {adding.field === 'gloss' ? 'Gloss' : 'Definition'} <span className="lang-tag">{adding.lang}</span>
            </dt>
            <dd>
              <EditableText
                label={`${adding.field === 'gloss' ? 'Gloss' : 'Definition'} ${adding.lang}, sense ${n}`}
                lang={adding.lang}
                value=""
                version={version}
                multiline={adding.field === 'definition'}
                startEditing
                onCancel={() => setAdding(null)}
                onSave={async (value, from) => {
                  await onSave({ field: adding.field, sense: index, lang: adding.lang }, value, from);
                  setAdding(null);
                }}
              />
            </dd>
          </div>
        )}
      </dl>
      {additions.length > 0 && !adding && (
        <select className="add-form small" aria-label={`Add to sense ${n}`} value="" onChange={(event) => setAdding(additions[Number(event.target.value)] ?? null)}>
          <option value="">Add…</option>
          {additions.map((a, i) => (
            <option key={`${a.field}-${a.lang}`} value={i}>
              {a.label}
            </option>
          ))}
        </select>
      )}
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
      {sense.notes.filter((note) => withText(note.forms).length > 0).map((note, i) => (
        <p key={i} className="note">
          <span className="label">{note.type ?? 'Note'}:</span> <FormsRow forms={note.forms} />
        </p>
      ))}
      {sense.traits.some((t) => t.value !== '') && (
        <p className="traits">
          {sense.traits.filter((t) => t.value !== '').map((t, i) => (
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
