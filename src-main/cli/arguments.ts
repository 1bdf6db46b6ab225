import { InvalidArgumentError } from 'commander';
import { fieldEditSchema } from '../ipc/contract/edit.js';
import type { FieldEdit } from '../domain/edits.js';
import { formatIssuePath } from '../domain/query-issues.js';

/** Parsers of command-line arguments: each refuses bad input with a message naming it. */

export function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${option} is not JSON: ${(error as Error).message}`);
  }
}

export function parseOp(text: string): FieldEdit {
  const parsed = fieldEditSchema.safeParse(parseJson(text, '--op'));
  if (parsed.success) return parsed.data;
  throw new Error(`invalid op: ${parsed.error.issues.map((i) => `${formatIssuePath(i.path) || 'op'}: ${i.message}`).join('; ')}`);
}

export function parseId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) throw new InvalidArgumentError(`"${text}" is not an id (a positive whole number)`);
  return id;
}

export function parseCount(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`"${text}" is not a count (a whole number, 0 or more)`);
  return n;
}

/** A date (YYYY-MM-DD, midnight UTC) or an ISO 8601 time. */
export function parseDate(text: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`"${text}" is not a date: use YYYY-MM-DD or an ISO 8601 time`);
  return date;
}
