import { AppError } from '../../domain/app-error.js';
import type { MergeConflict, MergePreview } from '../../domain/duplicates.js';

/**
 * What a merge is asked to do, checked before BaseX sees it, and its preview in words: the
 * CLI's `merge --dry-run` and the outcome of a merge print these lines.
 */

export interface MergeRequest {
  readonly keep: string;
  readonly merged: readonly string[];
  /** `KEY=GUID`: whose value a conflicting single value takes (`lexeme:seh=GUID`). */
  readonly choices: readonly string[];
}

export function checkMergeRequest(request: MergeRequest): void {
  if (request.merged.length === 0) throw new AppError('Invalid', 'a merge needs the entry to keep and at least one entry to merge into it');
  const all = [request.keep, ...request.merged];
  const twice = all.find((guid, i) => all.indexOf(guid) !== i);
  if (twice !== undefined) throw new AppError('Invalid', `entry ${twice} is named twice: name the kept entry once, then each entry to merge into it`);
  for (const choice of request.choices) {
    const [key, guid] = splitChoice(choice);
    if (!/^(lexeme|citation|trait):./u.test(key) || guid === '') {
      throw new AppError('Invalid', `--choose ${choice}: say FIELD=GUID, where FIELD is lexeme:LANG, citation:LANG or trait:NAME`);
    }
    if (!all.includes(guid)) throw new AppError('Invalid', `--choose ${choice}: ${guid} is not one of the entries merged`);
  }
}

/** Refuses a choice of a value that is not in conflict, or of an entry that has no value for it. */
export function checkChoices(preview: MergePreview, choices: readonly string[]): void {
  for (const choice of choices) {
    const [key, guid] = splitChoice(choice);
    const conflict = preview.conflicts.find((c) => c.key === key);
    if (!conflict) {
      const keys = preview.conflicts.map((c) => c.key).join(', ') || 'none';
      throw new AppError('Invalid', `--choose ${choice}: ${key} is not a value these entries hold differently (those are: ${keys})`);
    }
    if (!conflict.values.some((v) => v.guid === guid)) throw new AppError('Invalid', `--choose ${choice}: entry ${guid} has no ${key}`);
  }
}

function splitChoice(choice: string): [string, string] {
  const at = choice.lastIndexOf('=');
  return at < 0 ? [choice, ''] : [choice.slice(0, at), choice.slice(at + 1)];
}

/** The preview as lines for a terminal, field by field. */
export function previewLines(preview: MergePreview): string[] {
  const name = (guid: string): string =>
    guid === preview.keep.guid ? `${preview.keep.headword} (kept)` : (preview.merged.find((m) => m.guid === guid)?.headword ?? guid);
  const lines = [
    `keep ${preview.keep.headword} ${preview.keep.guid}; merge into it: ${preview.merged.map((m) => `${m.headword} ${m.guid}`).join(', ')}`,
    `headword after the merge: ${preview.headword}`,
  ];
  for (const s of preview.senses) lines.push(`  sense "${s.gloss}" from ${name(s.from)}${s.kept ? '' : ': the same glosses and definitions as an earlier sense, kept once'}`);
  for (const c of preview.conflicts) lines.push(`  ${conflictLine(c, name)}`);
  for (const a of preview.added) lines.push(`  adds ${a}`);
  for (const r of preview.relations) lines.push(`  relation ${r.type} of ${r.headword} ${r.guid}: re-pointed from ${r.from} to the kept entry`);
  for (const m of preview.merged) lines.push(`  ${m.headword} ${m.guid} becomes a deleted entry (tombstone)`);
  return lines;
}

function conflictLine(c: MergeConflict, name: (guid: string) => string): string {
  const values = c.values.map((v) => `"${v.value}" (${name(v.guid)})`).join(' / ');
  const chosen = c.values.find((v) => v.guid === c.chosen);
  const how = c.byDefault ? `by default; --choose ${c.key}=GUID for another` : 'as chosen';
  return `${c.key}: ${values} → "${chosen?.value ?? ''}" from ${name(c.chosen)} (${how})`;
}
