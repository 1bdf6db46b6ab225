import { useState } from 'react';
import type { DictionaryVocabulary } from '../api/contract.js';
import type { Sense } from './entry-document.js';
import { formIn } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { FormRow } from './FormRow.js';
import { ExampleView } from './ExampleView.js';
import { FormsRow, withText } from './FormsRow.js';
import { PartOfSpeechPicker } from './PartOfSpeechPicker.js';
import { SenseActions } from './SenseActions.js';
import { SenseDetails } from './SenseDetails.js';
import type { ShapeChange } from './shape-edit.js';

interface Props {
  readonly sense: Sense;
  readonly index: number;
  /** How many senses the entry has (the last cannot move down). */
  readonly count: number;
  /** The headword's writing systems: an example sentence is in them. */
  readonly vernacular: readonly string[];
  /** Writing systems to offer for glosses and definitions (present ones and the dictionary's analysis languages). */
  readonly langs: readonly string[];
  /** Writing systems the entry never had: not shown as empty rows, offered by "Add…". */
  readonly offered: readonly string[];
  readonly version: string;
  readonly vocabulary: DictionaryVocabulary | undefined;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
  readonly onShape: ShapeChange;
}

type Addition = { readonly field: 'gloss' | 'definition' | 'example' | 'subsense'; readonly lang: string; readonly label: string };

/** One sense: part of speech, glosses, definitions and examples per writing system (editable), moved or deleted from its head. */
export function SenseView({ sense, index, count, vernacular, langs, offered, version, vocabulary, onSave, onShape }: Props) {
  const n = index + 1;
  const [adding, setAdding] = useState<Addition | null>(null);
  const additions: Addition[] = [
    ...offered.flatMap((lang) => [
      { field: 'gloss' as const, lang, label: `Gloss (${lang})` },
      { field: 'definition' as const, lang, label: `Definition (${lang})` },
    ]),
    ...vernacular.map((lang) => ({ field: 'example' as const, lang, label: `Example (${lang})` })),
    ...[...langs, ...offered].slice(0, 1).map((lang) => ({ field: 'subsense' as const, lang, label: `Subsense (its gloss in ${lang})` })),
  ];
  const addingName = { gloss: 'Gloss', definition: 'Definition', example: 'Example', subsense: 'Subsense gloss' } as const;
  const saveAddition = async (addition: Addition, value: string, from: string): Promise<void> => {
    const text = value.trim();
    if (addition.field === 'gloss' || addition.field === 'definition') await onSave({ field: addition.field, sense: index, lang: addition.lang }, value, from);
    else if (text !== '' && addition.field === 'example') await onShape({ action: 'add', field: 'example', sense: index, lang: addition.lang, value: text }, `add an example to sense ${n}`);
    else if (text !== '') await onShape({ action: 'add', field: 'sense', sense: index, lang: addition.lang, value: text }, `add a subsense to sense ${n}`);
  };
  return (
    <li className="sense" data-testid="sense" aria-label={`Sense ${n}`}>
      <div className="sense-head">
        <span className="sense-number">{n}</span>
        <PartOfSpeechPicker pos={sense.pos} sense={index} values={vocabulary?.partsOfSpeech ?? []} onShape={onShape} />
        <SenseActions index={index} count={count} onShape={onShape} />
      </div>
      <dl className="forms-grid">
        {langs.map((lang) => (
          <FormRow key={`g-${lang}`} name="Gloss" lang={lang}>
              <EditableText label={`Gloss ${lang}, sense ${n}`} lang={lang} value={formIn(sense.glosses, lang)} version={version} onSave={(value, from) => onSave({ field: 'gloss', sense: index, lang }, value, from)} />
            </FormRow>
        ))}
        {langs.map((lang) => (
          <FormRow key={`d-${lang}`} name="Definition" lang={lang}>
              <EditableText
                label={`Definition ${lang}, sense ${n}`}
                lang={lang}
                value={formIn(sense.definitions, lang)}
                version={version}
                multiline
                onSave={(value, from) => onSave({ field: 'definition', sense: index, lang }, value, from)}
              />
            </FormRow>
        ))}
        {adding && (
          <FormRow key={`add-${adding.field}-${adding.lang}`} name={addingName[adding.field]} lang={adding.lang}>
              <EditableText
                label={`${addingName[adding.field]} ${adding.lang}, sense ${n}${adding.field === 'example' ? ', new example' : ''}${adding.field === 'subsense' ? ', new subsense' : ''}`}
                lang={adding.lang}
                value=""
                version={version}
                multiline={adding.field === 'definition' || adding.field === 'example'}
                startEditing
                onCancel={() => setAdding(null)}
                onSave={async (value, from) => {
                  await saveAddition(adding, value, from);
                  setAdding(null);
                }}
              />
            </FormRow>
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
            <ExampleView key={i} example={example} sense={index} index={i} vernacular={vernacular} analysis={langs} version={version} onSave={onSave} onShape={onShape} />
          ))}
        </ul>
      )}
      <SenseDetails sense={sense} index={index} vocabulary={vocabulary} vernacular={vernacular} analysis={[...langs, ...offered]} version={version} onSave={onSave} onShape={onShape} />
      {sense.subsenses.length > 0 && (
        <ol className="subsenses" aria-label={`Subsenses, sense ${n}`}>
          {sense.subsenses.map((sub, i) => (
            <li key={sub.id ?? i} data-testid="subsense">
              {sub.pos && <span className="muted">{sub.pos} </span>}
              <FormsRow forms={sub.glosses} />
              {withText(sub.glosses).length === 0 && <span className="muted">(no gloss)</span>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
