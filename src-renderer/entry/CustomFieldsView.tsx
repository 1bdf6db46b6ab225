import type { CustomFieldDefinition } from '../api/contract.js';
import type { CustomField } from './entry-document.js';
import { formIn } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { EditableText } from './EditableText.js';
import { FormRow } from './FormRow.js';

interface Props {
  /** The custom fields the entry or sense has. */
  readonly fields: readonly CustomField[];
  /** The header's declarations: those of this owner are shown even where empty, to be filled in. */
  readonly definitions: readonly CustomFieldDefinition[];
  readonly sense?: number;
  /** "entry", "sense 2". */
  readonly where: string;
  readonly vernacular: readonly string[];
  readonly analysis: readonly string[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
}

/**
 * The custom fields of the entry or a sense, per writing system: the forms each has, and a row
 * to fill in, in its writing system, for every field the header declares here.
 */
export function CustomFieldsView({ fields, definitions, sense, where, vernacular, analysis, version, onSave }: Props) {
  const owner = sense === undefined ? 'entry' : 'sense';
  const declared = definitions.filter((d) => d.owner === owner || d.owner === 'entry-or-sense');
  const tags = [...new Set([...declared.map((d) => d.tag), ...fields.map((f) => f.type)])];
  if (tags.length === 0) return null;
  return (
    <dl className="forms-grid custom-fields" aria-label={`Custom fields, ${where}`}>
      {tags.flatMap((tag) => {
        const definition = declared.find((d) => d.tag === tag);
        const forms = fields.filter((f) => f.type === tag).flatMap((f) => f.forms);
        const home = (definition?.langs === 'vernacular' ? vernacular : analysis)[0] ?? analysis[0] ?? vernacular[0];
        const langs = [...new Set([...forms.filter((f) => f.text !== '').map((f) => f.lang), ...(home ? [home] : [])])];
        return langs.map((lang) => (
          <FormRow key={`${tag}-${lang}`} name={tag} lang={lang}>
            <span title={definition?.description}>
              <EditableText
                label={`${tag} ${lang}, ${where}`}
                lang={lang}
                value={formIn(forms, lang)}
                version={version}
                multiline
                onSave={(value, from) => onSave({ field: 'custom', name: tag, lang, ...(sense !== undefined ? { sense } : {}) }, value, from)}
              />
            </span>
          </FormRow>
        ));
      })}
    </dl>
  );
}
