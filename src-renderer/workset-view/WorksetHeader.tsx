import type { WorksetSummary } from '../api/contract.js';
import { PeopleProgress } from '../worksets/PeopleProgress.js';
import { WorksetProgress } from '../worksets/WorksetProgress.js';

interface Props {
  readonly workset: WorksetSummary;
  readonly onBack: () => void;
  readonly onBulk: () => void;
  /** Export to a spreadsheet and import edits from one. */
  readonly onSheet: () => void;
  readonly onAssign: () => void;
  readonly onRefresh: () => void;
  readonly onEditQuery: () => void;
  readonly onOpenWindow: () => void;
  readonly refreshing: boolean;
}

/** Where we are, how far along, and the workset-wide actions. */
export function WorksetHeader({ workset, onBack, onBulk, onSheet, onAssign, onRefresh, onEditQuery, onOpenWindow, refreshing }: Props) {
  return (
    <div className="workset-header">
      <button type="button" className="link-button back" onClick={onBack}>
        ‹ {workset.dictionary}
      </button>
      <h1 className="workset-title" data-testid="workset-title">
        {workset.name}
      </h1>
      <WorksetProgress counts={workset.counts} testId="workset-progress" />
      <PeopleProgress people={workset.people} />
      <div className="header-actions">
        <button type="button" className="button" onClick={onRefresh} disabled={refreshing} title="Run the query again: new matches are added, curation is kept">
          {refreshing ? 'Refreshing…' : 'Re-run query'}
        </button>
        <button type="button" className="button" onClick={onEditQuery} title="Change which entries the workset holds; the work on entries that still match is kept">
          Edit query…
        </button>
        <button type="button" className="button" onClick={onOpenWindow}>
          Open in new window
        </button>
        <button type="button" className="button" onClick={onAssign} title="Give entries to people: all, split evenly, or the next ones nobody has">
          Assign…
        </button>
        <button type="button" className="button" onClick={onSheet} title="Export to CSV or Excel, and import edits back">
          Spreadsheet…
        </button>
        <button type="button" className="button primary" onClick={onBulk}>
          Bulk edit…
        </button>
      </div>
    </div>
  );
}
