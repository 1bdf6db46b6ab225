import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { FieldEdit } from '../domain/edits.js';
import { replaceProblem } from '../lift/regex-check.js';

/**
 * Refuses a replace edit whose pattern, replacement or flags BaseX would refuse, before anything
 * is written or stored: an Invalid naming the field, instead of BaseX's error from inside the
 * edit. Inline edits and bulk operations both check here.
 */
export async function checkEdit(session: Queryable, edit: FieldEdit): Promise<void> {
  const problem = await replaceProblem(session, edit);
  if (problem) {
    throw new AppError('Invalid', `invalid request: ${problem.field}: ${problem.message}`, { issues: [{ path: problem.field, message: problem.message }] });
  }
}
