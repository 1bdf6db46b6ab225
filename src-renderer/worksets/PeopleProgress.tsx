import type { PersonProgress } from '../api/contract.js';

/** Done out of assigned, per person the workset's entries are assigned to. */
export function PeopleProgress({ people }: { people: readonly PersonProgress[] }) {
  if (people.length === 0) return null;
  return (
    <ul className="people-progress muted small" aria-label="Progress per person" data-testid="people-progress">
      {people.map((p) => (
        <li key={p.who ?? ''} data-who={p.who ?? ''} data-done={p.counts.done} data-total={p.counts.total}>
          {p.who ?? 'nobody'} {p.counts.done}/{p.counts.total}
        </li>
      ))}
    </ul>
  );
}
