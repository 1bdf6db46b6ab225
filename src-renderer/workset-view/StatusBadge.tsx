import type { Status } from '../api/contract.js';

/** The curation status as a coloured word (colour alone would not do for everyone). */
export function StatusBadge({ status }: { status: Status }) {
  return <span className={`status-badge status-${status}`}>{status}</span>;
}
