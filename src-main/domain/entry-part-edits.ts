import type { EditField, FieldEdit } from './edits.js';

/**
 * Pronunciations, variants and relations: parts of an entry that come several to an owner, told
 * apart by their place (`index`). A pronunciation or variant holds forms per writing system; a
 * relation has a type and a target (`ref`: an entry's id or guid, or a sense's id). Relations
 * belong to the entry, or to the sense `sense` picks.
 */
export const PART_FIELDS = ['pronunciation', 'variant', 'relation'] as const satisfies readonly EditField[];
export type PartField = (typeof PART_FIELDS)[number];

export function isPartField(field: string): field is PartField {
  return (PART_FIELDS as readonly string[]).includes(field);
}

/** What each part field can have done to it (forms are set or cleared; a relation's type is set). */
const PART_ACTIONS: Readonly<Record<PartField, readonly FieldEdit['action'][]>> = {
  pronunciation: ['add', 'delete', 'set', 'clear'],
  variant: ['add', 'delete', 'set', 'clear'],
  relation: ['add', 'delete', 'set'],
};

/** What is wrong with an edit of a pronunciation, variant or relation, or with `index`/`ref` where they do not belong. */
export function partProblems(edit: FieldEdit): [keyof FieldEdit, string][] {
  if (!isPartField(edit.field)) {
    const stray: [keyof FieldEdit, string][] = [];
    if (edit.index !== undefined) stray.push(['index', `${edit.field} has no index: only pronunciations, variants and relations are picked by it`]);
    if (edit.ref !== undefined) stray.push(['ref', 'only a relation has a target (ref)']);
    return stray;
  }
  const field = edit.field;
  if (!PART_ACTIONS[field].includes(edit.action)) return [['action', `a ${field} is ${field === 'relation' ? 'added, deleted or given another type' : 'added, deleted, or has its forms set or cleared'}, not ${edit.action}`]];
  const problems: [keyof FieldEdit, string][] = [];
  if (edit.action !== 'add' && edit.index === undefined) problems.push(['index', `${edit.action} needs the ${field} (its position, index)`]);
  if (edit.action === 'add' && edit.index !== undefined) problems.push(['index', `a new ${field} goes after the others: it takes no index`]);
  if (field === 'relation') {
    if (edit.lang !== undefined) problems.push(['lang', 'a relation has no writing system']);
    if (edit.action === 'add' && !edit.ref) problems.push(['ref', 'a new relation needs its target (ref)']);
    if (edit.action !== 'add' && edit.ref !== undefined) problems.push(['ref', 'a relation keeps its target; delete it and add another to point elsewhere']);
    if ((edit.action === 'add' || edit.action === 'set') && !edit.value?.trim()) problems.push(['value', `${edit.action === 'add' ? 'a new relation' : 'setting a relation'} needs its type (value)`]);
  } else {
    if (edit.ref !== undefined) problems.push(['ref', 'only a relation has a target (ref)']);
    if (edit.sense !== undefined) problems.push(['sense', `a ${field} belongs to the entry, not to a sense`]);
    if ((edit.action === 'add' || edit.action === 'set') && (!edit.lang || edit.value === undefined)) problems.push(['value', `${edit.action === 'add' ? `a new ${field}` : `setting a ${field}'s form`} needs its text and writing system (value and lang)`]);
  }
  return problems;
}
