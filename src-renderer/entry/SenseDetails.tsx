import type { DictionaryVocabulary } from '../api/contract.js';
import { CustomFieldsView } from './CustomFieldsView.js';
import type { Sense } from './entry-document.js';
import type { FieldRef } from './field-ref.js';
import { NotesEditor } from './NotesEditor.js';
import { SemanticDomainsEditor } from './SemanticDomainsEditor.js';
import type { ShapeChange } from './shape-edit.js';
import { TraitsEditor } from './TraitsEditor.js';

interface Props {
  readonly sense: Sense;
  readonly index: number;
  readonly vocabulary: DictionaryVocabulary | undefined;
  readonly vernacular: readonly string[];
  readonly analysis: readonly string[];
  readonly version: string;
  readonly onSave: (ref: FieldRef, value: string, startedFrom: string) => Promise<unknown>;
  readonly onShape: ShapeChange;
}

/** A sense's semantic domains and traits (from the ranges), custom fields and notes, all editable. */
export function SenseDetails({ sense, index, vocabulary, vernacular, analysis, version, onSave, onShape }: Props) {
  const where = `sense ${index + 1}`;
  return (
    <div className="sense-details">
      <SemanticDomainsEditor traits={sense.traits} sense={index} domains={vocabulary?.semanticDomains ?? []} onShape={onShape} />
      <TraitsEditor traits={sense.traits} owner={{ sense: index }} where={where} traitValues={vocabulary?.traitValues ?? {}} traitNames={vocabulary?.traitNames ?? []} onShape={onShape} />
      <CustomFieldsView fields={sense.fields} definitions={vocabulary?.customFieldDefinitions ?? []} sense={index} where={where} vernacular={vernacular} analysis={analysis} version={version} onSave={onSave} />
      <NotesEditor notes={sense.notes} sense={index} where={where} langs={analysis.slice(0, 2)} noteTypes={vocabulary?.noteTypes ?? []} version={version} onSave={onSave} />
    </div>
  );
}
