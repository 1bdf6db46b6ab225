import type { QueryIssue } from '../api/contract.js';

/** The app's words for what is wrong here, right under the row they are about. */
export function IssueList({ issues }: { issues: readonly QueryIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issues" data-testid="query-issues">
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
      ))}
    </ul>
  );
}
