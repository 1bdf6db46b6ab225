/**
 * A labelled progress bar. `segments` draws done/review stacked (a workset's curation); without
 * them it is a plain task bar. role=progressbar carries the numbers for screen readers and tests.
 */
export interface ProgressSegment {
  readonly value: number;
  readonly className: string;
  readonly label: string;
}

interface Props {
  readonly value: number;
  readonly max: number;
  readonly label: string;
  readonly segments?: readonly ProgressSegment[];
  readonly testId?: string;
  readonly compact?: boolean;
}

export function ProgressBar({ value, max, label, segments, testId, compact }: Props) {
  const percent = (n: number): number => (max > 0 ? Math.min(100, (n / max) * 100) : 0);
  const parts = segments ?? [{ value, className: 'progress-fill', label }];
  return (
    <div
      className={compact ? 'progress progress-compact' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${value} of ${max}`}
      data-testid={testId}
      title={parts.map((p) => `${p.label}: ${p.value}`).join(' · ')}
    >
      {parts.map((part) => (
        <span key={part.className} className={part.className} style={{ width: `${percent(part.value)}%` }} />
      ))}
    </div>
  );
}
