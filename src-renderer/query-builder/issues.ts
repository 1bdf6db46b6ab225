import type { QueryIssue } from '../api/contract.js';

/**
 * Validation issues name where they are (`filters[1].filters[0].value`); each row shows those
 * that point into it. A group owns only the issues about itself (its match or empty filters),
 * the root also those about the query as a whole (sort).
 */
export function conditionIssues(issues: readonly QueryIssue[], path: string): QueryIssue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}

export function groupIssues(issues: readonly QueryIssue[], path: string): QueryIssue[] {
  const own = path === '' ? ['', 'match', 'filters'] : [path, `${path}.match`, `${path}.filters`];
  return issues.filter((i) => own.includes(i.path) || (path === '' && i.path.startsWith('sort')));
}
