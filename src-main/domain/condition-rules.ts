import { FIELD_SPECS, type FieldKind } from './fields.js';
import { LIST_OPS, OPS_BY_KIND, VALUELESS_OPS } from './operators.js';
import { MAX_GUID_LIST_ITEMS, MAX_LIST_ITEMS, type Condition } from './query-model.js';

/**
 * What makes a condition meaningful beyond the shape of its keys: the op suits the field, the
 * keys the field takes are there, and the value fits the op. The query schema reports these per
 * key, so the filter editor can mark the one input that is wrong.
 */

/** `YYYY-MM-DD`: compares the date part of an entry's date. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** ISO dateTime; without a zone it is taken as UTC, like the dates FLEx and WeSay write. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

/** What is wrong with a condition whose keys each parsed: [key, message] pairs. */
export function conditionProblems(c: Condition): [keyof Condition, string][] {
  const spec = FIELD_SPECS[c.field];
  const problems: [keyof Condition, string][] = [];
  if (!OPS_BY_KIND[spec.kind].includes(c.op)) problems.push(['op', `${c.field} does not support ${c.op} (use ${OPS_BY_KIND[spec.kind].join(', ')})`]);
  if (c.lang !== undefined && !spec.multilingual) problems.push(['lang', `${c.field} has no writing systems, so lang does not apply`]);
  for (const key of ['name', 'type'] as const) {
    if (spec.key === key && spec.keyRequired && c[key] === undefined) problems.push([key, `${c.field} needs a ${key}`]);
    if (spec.key !== key && c[key] !== undefined) problems.push([key, `${c.field} takes no ${key}`]);
  }
  if (c.case !== undefined && spec.kind !== 'text') problems.push(['case', `${c.field} is not text, so case does not apply`]);
  const problem = valueProblem(c, spec.kind);
  if (problem) problems.push(['value', problem]);
  return problems;
}

function valueProblem(c: Condition, kind: FieldKind): string | undefined {
  const { op, value } = c;
  if (VALUELESS_OPS.includes(op)) return value === undefined ? undefined : `${op} takes no value`;
  if (value === undefined) return `${op} needs a value`;
  if (LIST_OPS.includes(op)) {
    if (!Array.isArray(value)) return `${op} needs a list of strings`;
    if (value.length === 0) return `${op} needs at least one value`;
    const most = c.field === 'guid' ? MAX_GUID_LIST_ITEMS : MAX_LIST_ITEMS;
    if (value.length > most) return `${op} takes at most ${most.toLocaleString('en')} values`;
    return value.some((item) => item.trim() === '') ? `${op} values must not be empty` : undefined;
  }
  if (Array.isArray(value)) return `only in and not-in take a list; ${op} needs a single value`;
  if (kind === 'number') return typeof value === 'number' || NUMBER.test(value) ? undefined : `${op} needs a number`;
  if (typeof value !== 'string') return `${op} needs text, not a number`;
  if (kind === 'date') return isIsoDate(value) ? undefined : 'value must be an ISO date (2012-03-01) or dateTime (2012-03-01T10:00:00Z)';
  if (op === 'matches') return value === '' ? 'matches needs a pattern' : undefined;
  return value.trim() === '' ? `${op} needs a non-empty value` : undefined;
}

/** A real calendar date and time in one of the two accepted shapes (2012-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = value.split(/[^\d]/, 6).map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(value);
  return (
    utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day &&
    hour < 24 && minute < 60 && second < 60 && (!zone || (Number(zone[2]) <= 14 && Number(zone[3]) < 60))
  );
}
