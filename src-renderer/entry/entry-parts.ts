/**
 * The relations of an entry and of its senses, read from the entry's XML beside entry-document.ts
 * (which reads the entry's own relations only). Each keeps its place among its owner's, the
 * `index` an edit of it names.
 */
export interface Relation {
  readonly type: string;
  readonly ref: string;
  /** The sense it belongs to (0-based), or null for the entry's own. */
  readonly sense: number | null;
  /** Its place among its owner's relations (0-based). */
  readonly index: number;
}

const elementChildren = (parent: Element, name: string): Element[] => [...parent.children].filter((child) => child.localName === name);

function relationsOf(owner: Element, sense: number | null): Relation[] {
  return elementChildren(owner, 'relation').map((r, index) => ({ type: r.getAttribute('type') ?? '', ref: r.getAttribute('ref') ?? '', sense, index }));
}

/** The entry's relations, then those of each sense in order. */
export function parseRelations(xml: string): Relation[] {
  const entry = new DOMParser().parseFromString(xml, 'application/xml').documentElement;
  if (entry.localName !== 'entry') return [];
  return [...relationsOf(entry, null), ...elementChildren(entry, 'sense').flatMap((sense, i) => relationsOf(sense, i))];
}
