import { useState } from 'react';
import type { Form } from './entry-document.js';
import { EditableText } from './EditableText.js';
import { FormRow } from './FormRow.js';
import { withText } from './FormsRow.js';
import type { PartChange } from './part-change.js';

interface Props {
  readonly kind: 'pronunciation' | 'variant';
  /** Every part of the kind, in order (an edit names its place among them). */
  readonly parts: readonly (readonly Form[])[];
  /** Writing systems a new form may be in. */
  readonly langs: readonly string[];
  readonly version: string;
  readonly onChange: PartChange;
}

const TITLES = { pronunciation: 'Pronunciations', variant: 'Variants' } as const;
const NAMES = { pronunciation: 'Pronunciation', variant: 'Variant' } as const;

/** Where a form is being added: to part `index` (null: a new part) in `lang`. */
type Adding = { readonly index: number | null; readonly lang: string };

/**
 * The entry's pronunciations or variants: each one's forms per writing system, editable
 * (emptying a form clears it), a form added in another writing system, the part deleted, and a
 * new one added. A part with no text (Pumi's variants hold only a morph type) shows no label.
 */
export function FormPartsView({ kind, parts, langs, version, onChange }: Props) {
  const [adding, setAdding] = useState<Adding | null>(null);
  const name = NAMES[kind];
  const shown = parts.map((forms, index) => ({ forms: withText(forms), index })).filter((part) => part.forms.length > 0);
  const editor = (target: Adding, label: string) => (
    <FormRow name={name} lang={target.lang}>
      <EditableText
        label={label}
        lang={target.lang}
        value=""
        version={version}
        startEditing
        onCancel={() => setAdding(null)}
        onSave={async (value, from) => {
          const text = value.trim();
          if (text !== '') {
            if (target.index === null) await onChange({ action: 'add', field: kind, lang: target.lang, value: text }, `add a ${kind}`, from);
            else await onChange({ action: 'set', field: kind, index: target.index, lang: target.lang, value: text }, `${name} ${target.lang} ${target.index + 1}`, from);
          }
          setAdding(null);
        }}
      />
    </FormRow>
  );
  return (
    <section className="entry-section entry-parts" aria-label={TITLES[kind]} data-testid={`${kind}s`}>
      {shown.map(({ forms, index }) => {
        const n = index + 1;
        const others = langs.filter((lang) => !forms.some((f) => f.lang === lang));
        return (
          <div key={index} className="entry-part" data-testid={kind}>
            <dl className="forms-grid">
              {forms.map((form) => (
                <FormRow key={form.lang} name={`${name} ${n}`} lang={form.lang}>
                  <EditableText
                    label={`${name} ${form.lang}, ${n}`}
                    lang={form.lang}
                    value={form.text}
                    version={version}
                    onSave={(value, from) =>
                      onChange(
                        value.trim() === '' ? { action: 'clear', field: kind, index, lang: form.lang } : { action: 'set', field: kind, index, lang: form.lang, value: value.trim() },
                        `${name} ${form.lang} ${n}`,
                        from,
                      )
                    }
                  />
                </FormRow>
              ))}
              {adding?.index === index && editor(adding, `${name} ${adding.lang}, ${n}, new form`)}
            </dl>
            <p className="part-actions">
              {others.length > 0 && adding?.index !== index && (
                <select className="small" aria-label={`Add a writing system to ${kind} ${n}`} value="" onChange={(event) => event.target.value && setAdding({ index, lang: event.target.value })}>
                  <option value="">Add a form…</option>
                  {others.map((lang) => (
                    <option key={lang} value={lang}>
                      {lang}
                    </option>
                  ))}
                </select>
              )}
              <button type="button" className="link-button small" onClick={() => void onChange({ action: 'delete', field: kind, index }, `delete ${kind} ${n}`)}>
                Delete {kind} {n}
              </button>
            </p>
          </div>
        );
      })}
      {adding?.index === null && <dl className="forms-grid">{editor(adding, `New ${kind} ${adding.lang}`)}</dl>}
      {adding?.index !== null && langs.length > 0 && (
        <select className="add-form small" aria-label={`Add ${kind}`} value="" onChange={(event) => event.target.value && setAdding({ index: null, lang: event.target.value })}>
          <option value="">Add {kind}…</option>
          {langs.map((lang) => (
            <option key={lang} value={lang}>
              in {lang}
            </option>
          ))}
        </select>
      )}
    </section>
  );
}
