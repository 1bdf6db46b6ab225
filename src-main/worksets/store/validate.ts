import { invalid } from './errors.js';
import { MAX_PAGE_SIZE } from './types.js';

/**
 * Checks on what callers hand the store. The IPC contract validates the renderer's calls with
 * zod, but the CLI and the services call the store directly, and a bad value here would end up
 * in a file that outlives the bug.
 */

export function requireId(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid(`${what} must be a positive whole number, not ${String(value)}`);
  return value;
}

export function requireText(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${what} is empty`);
  return value;
}

/** JSON columns are stored exactly as given, but only if they parse. */
export function requireJson(value: string, what: string): string {
  if (typeof value !== 'string') throw invalid(`${what} must be JSON text`);
  try {
    JSON.parse(value);
  } catch (error) {
    throw invalid(`${what} is not valid JSON: ${(error as Error).message}`);
  }
  return value;
}

export function requireOneOf<T extends string>(value: T, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value)) throw invalid(`${what} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  return value;
}

export function requirePage(offset: number, limit: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalid(`offset must be a whole number ≥ 0, not ${String(offset)}`);
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw invalid(`limit must be a whole number from 0 to ${MAX_PAGE_SIZE}, not ${String(limit)}`, { max: MAX_PAGE_SIZE });
  }
}

/**
 * A text key folded for comparing and sorting: trimmed, NFC, lower-cased in every script (SQLite's
 * NOCASE folds ASCII only, and dictionaries are full of ŋ, ɛ, Ж). Blank is null, so it sorts last.
 */
export function foldKey(value: string | null | undefined): string | null {
  const text = blankToNull(value);
  return text === null ? null : text.normalize('NFC').toLowerCase();
}

/** A key as stored for display: trimmed, and blank is null (one way to say "none"). */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalid(`a sort key must be text or null, not ${typeof value}`);
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
