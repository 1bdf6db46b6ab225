import type { StatusCounts } from '../api/contract.js';
import { ProgressBar } from '../ui/ProgressBar.js';

/** Done (and in review) out of the total: how far through the work list someone is. */
export function WorksetProgress({ counts, testId, compact }: { counts: StatusCounts; testId?: string; compact?: boolean }) {
  return (
    <div className="workset-progress" data-testid={testId} data-done={counts.done} data-review={counts.review} data-total={counts.total}>
      <ProgressBar
        value={counts.done}
        max={counts.total}
        label="Done"
        compact={compact}
        segments={[
          { value: counts.done, className: 'progress-done', label: 'Done' },
          { value: counts.review, className: 'progress-review', label: 'Review' },
        ]}
      />
      <span className="progress-text">
        {counts.done}/{counts.total} done{counts.review > 0 ? ` · ${counts.review} review` : ''}
      </span>
    </div>
  );
}
