import type { WorksetSummary } from '../api/contract.js';
import { formatCount, formatDateTime } from '../ui/format.js';
import { PeopleProgress } from './PeopleProgress.js';
import { WorksetProgress } from './WorksetProgress.js';

interface Props {
  readonly workset: WorksetSummary;
  /** Who else has it open now ("Ana and Ben"), or ''. */
  readonly present: string;
  readonly onOpen: () => void;
  readonly onOpenWindow: () => void;
  readonly onRename: () => void;
  readonly onDuplicate: () => void;
  readonly onDelete: () => void;
}

/** One workset in the list: its name opens it; the actions are named for screen readers. */
export function WorksetListRow({ workset, present, onOpen, onOpenWindow, onRename, onDuplicate, onDelete }: Props) {
  return (
    <tr data-testid="workset-item" data-id={workset.id} data-name={workset.name}>
      <td className="workset-name-cell">
        <button type="button" className="link-button workset-open" onClick={onOpen}>
          {workset.name}
        </button>
        {workset.description && <div className="muted small">{workset.description}</div>}
        {present && (
          <div className="presence small" data-testid="workset-presence">
            {present} {present.includes(' and ') ? 'have' : 'has'} it open
          </div>
        )}
      </td>
      <td className="num">{formatCount(workset.counts.total, 'entry', 'entries')}</td>
      <td>
        <WorksetProgress counts={workset.counts} compact />
        <PeopleProgress people={workset.people} />
      </td>
      <td className="muted nowrap">{formatDateTime(workset.lastChange ?? workset.updated)}</td>
      <td className="row-actions">
        <button type="button" className="button small" onClick={onOpenWindow} aria-label={`Open ${workset.name} in new window`} >
          New window
        </button>
        <button type="button" className="button small" onClick={onRename} aria-label={`Rename ${workset.name}`}>
          Rename
        </button>
        <button type="button" className="button small" onClick={onDuplicate} aria-label={`Duplicate ${workset.name}`} title="A copy with the same query and work list">
          Duplicate
        </button>
        <button type="button" className="button small danger-text" onClick={onDelete} aria-label={`Delete ${workset.name}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
