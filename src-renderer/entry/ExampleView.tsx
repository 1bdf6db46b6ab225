import type { Example } from './entry-document.js';
import { formIn } from './entry-document.js';
import { EditableText } from './EditableText.js';
import { FormRow } from './FormRow.js';
import type { FieldRef } from './field-ref.js';
import type { ShapeChange } from './shape-edit.js';

interface Props {
  readonly example: Example;
  readonly sense: number;
  readonly index: number;
  /** The writing systems of the example sentence (its own, else the headword's). */
  readonly vernacular: readonly string[];
  /** The writing systems of its translation (its own, else the entry's analysis ones). */
  readonly analysis: readonly string[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
  readonly onShape: ShapeChange;
}

/** One example of a sense: its sentence and its (first) translation per writing system, editable; deleted with its button. */
export function ExampleView({ example, sense, index, vernacular, analysis, version, onSave, onShape }: Props) {
  const where = `sense ${sense + 1}, example ${index + 1}`;
  const sentenceLangs = unique([...example.forms.map((f) => f.lang), ...vernacular]);
  const translation = example.translations[0]?.forms ?? [];
  const translationLangs = unique([...translation.map((f) => f.lang), ...analysis]);
  return (
    <li className="example-item" data-testid="example">
      <dl className="forms-grid">
        {sentenceLangs.map((lang) => (
          <FormRow key={`e-${lang}`} name="Example" lang={lang}>
              <EditableText label={`Example ${lang}, ${where}`} lang={lang} className="example" value={formIn(example.forms, lang)} version={version} multiline onSave={(value, from) => onSave({ field: 'example', sense, example: index, lang }, value, from)} />
            </FormRow>
        ))}
        {translationLangs.map((lang) => (
          <FormRow key={`t-${lang}`} name="Translation" lang={lang}>
              <EditableText label={`Translation ${lang}, ${where}`} lang={lang} className="translation" value={formIn(translation, lang)} version={version} multiline onSave={(value, from) => onSave({ field: 'translation', sense, example: index, lang }, value, from)} />
            </FormRow>
        ))}
      </dl>
      <button type="button" className="link-button small" onClick={() => void onShape({ action: 'delete', field: 'example', sense, example: index }, `delete example ${index + 1} of sense ${sense + 1}`)}>
        Delete example {index + 1}
      </button>
    </li>
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
