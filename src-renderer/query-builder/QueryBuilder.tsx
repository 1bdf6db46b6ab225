import type { DictionaryVocabulary, QueryIssue } from '../api/contract.js';
import type { DraftQuery } from './draft.js';
import { GroupEditor } from './GroupEditor.js';
import { SortPicker } from './SortPicker.js';

interface Props {
  readonly draft: DraftQuery;
  readonly onChange: (draft: DraftQuery) => void;
  readonly issues: readonly QueryIssue[];
  readonly vocabulary: DictionaryVocabulary | undefined;
}

/** The filter editor: nested groups of field/op/value rows, and the order. */
export function QueryBuilder({ draft, onChange, issues, vocabulary }: Props) {
  return (
    <div className="query-builder" data-testid="query-builder">
      <GroupEditor group={draft.root} path="" depth={0} issues={issues} vocabulary={vocabulary} onChange={(root) => onChange({ ...draft, root })} />
      <SortPicker sort={draft.sort} onChange={(sort) => onChange({ ...draft, sort })} />
    </div>
  );
}
