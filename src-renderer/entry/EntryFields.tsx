import type { DictionaryVocabulary } from '../api/contract.js';
import { CustomFieldsView } from './CustomFieldsView.js';
import type { EntryDocument } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import type { ShapeChange } from './shape-edit.js';
import { TraitsEditor } from './TraitsEditor.js';

interface Props {
  readonly doc: EntryDocument;
  readonly vocabulary: DictionaryVocabulary | undefined;
  readonly vernacular: readonly string[];
  readonly analysis: readonly string[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
  readonly onShape: ShapeChange;
}

/** The entry's own traits (morph type, …) from the ranges, and the custom fields the header declares for entries. */
export function EntryFields({ doc, vocabulary, vernacular, analysis, version, onSave, onShape }: Props) {
  return (
    <section className="entry-section" aria-label="Entry fields">
      <TraitsEditor traits={doc.traits} owner={{ onEntry: true }} where="the entry" traitValues={vocabulary?.traitValues ?? {}} traitNames={vocabulary?.traitNames ?? []} onShape={onShape} />
      <CustomFieldsView fields={doc.fields} definitions={vocabulary?.customFieldDefinitions ?? []} where="entry" vernacular={vernacular} analysis={analysis} version={version} onSave={onSave} />
    </section>
  );
}
