import type { DictionaryVocabulary, QueryIssue } from '../api/contract.js';
import { MAX_DEPTH } from '../api/contract.js';
import { ConditionRow } from './ConditionRow.js';
import { childPath, newCondition, newGroup, type DraftGroup, type DraftNode } from './draft.js';
import { IssueList } from './IssueList.js';
import { conditionIssues, groupIssues } from './issues.js';

interface Props {
  readonly group: DraftGroup;
  readonly path: string;
  readonly depth: number;
  readonly issues: readonly QueryIssue[];
  readonly vocabulary: DictionaryVocabulary | undefined;
  readonly onChange: (next: DraftGroup) => void;
  readonly onRemove?: () => void;
}

/** "Match all/any of" a list of conditions and nested groups. */
export function GroupEditor({ group, path, depth, issues, vocabulary, onChange, onRemove }: Props) {
  const setChild = (index: number, child: DraftNode | null): void => {
    const children = group.children.flatMap((c, i) => (i === index ? (child ? [child] : []) : [c]));
    onChange({ ...group, children });
  };
  return (
    <fieldset className={depth === 0 ? 'group group-root' : 'group'} data-testid="filter-group" data-path={path}>
      <legend className="group-legend">
        <label>
          Match
          <select aria-label="Match" value={group.match} onChange={(event) => onChange({ ...group, match: event.target.value as 'all' | 'any' })}>
            <option value="all">all</option>
            <option value="any">any</option>
          </select>
          of
        </label>
        {onRemove && (
          <button type="button" className="icon-button" aria-label="Remove group" onClick={onRemove}>
            ×
          </button>
        )}
      </legend>
      <IssueList issues={groupIssues(issues, path)} />
      {group.children.length === 0 && depth === 0 && <p className="muted small">No conditions: every entry of the dictionary.</p>}
      <ul className="conditions">
        {group.children.map((child, index) =>
          child.kind === 'condition' ? (
            <ConditionRow
              key={child.id}
              condition={child}
              path={childPath(path, index)}
              issues={conditionIssues(issues, childPath(path, index))}
              vocabulary={vocabulary}
              onChange={(next) => setChild(index, next)}
              onRemove={() => setChild(index, null)}
            />
          ) : (
            <li key={child.id}>
              <GroupEditor
                group={child}
                path={childPath(path, index)}
                depth={depth + 1}
                issues={issues}
                vocabulary={vocabulary}
                onChange={(next) => setChild(index, next)}
                onRemove={() => setChild(index, null)}
              />
            </li>
          ),
        )}
      </ul>
      <div className="group-actions">
        <button type="button" className="button small" onClick={() => onChange({ ...group, children: [...group.children, newCondition()] })}>
          + Condition
        </button>
        {depth + 1 < MAX_DEPTH && (
          <button type="button" className="button small" onClick={() => onChange({ ...group, children: [...group.children, newGroup(group.match === 'all' ? 'any' : 'all')] })}>
            + Group
          </button>
        )}
      </div>
    </fieldset>
  );
}
