import type { FieldEdit } from '../api/contract.js';
import type { Trait } from './entry-document.js';

/** Where a trait lives: a sense by position, or the entry itself (never its senses'). */
export type TraitOwner = { readonly sense: number } | { readonly onEntry: true };

/** FLEx's names for semantic domain traits: shown by the domains editor, not among the traits. */
export const isDomainTrait = (name: string): boolean => name === 'semantic-domain-ddp4' || name === 'semantic-domain';

export function traitEdit(owner: TraitOwner, edit: Omit<FieldEdit, 'sense' | 'onEntry'>): FieldEdit {
  return { ...edit, ...owner };
}

/** How many traits of each name the owner has: a name held once is changed in place, several only added to or removed from. */
export function traitCounts(traits: readonly Trait[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const t of traits) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return counts;
}
