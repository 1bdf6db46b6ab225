/**
 * A LIFT <entry> read for display: everything the pane shows, from the entry's own XML (the
 * view model only covers what a list needs). Parsed with the browser's DOMParser; LIFT has no
 * namespace, and <text> may hold <span>s, so text is read with textContent.
 */
export interface Form {
  readonly lang: string;
  readonly text: string;
}

export interface Note {
  readonly type: string | null;
  readonly forms: readonly Form[];
}

export interface Trait {
  readonly name: string;
  readonly value: string;
}

export interface Example {
  readonly forms: readonly Form[];
  readonly translations: readonly { readonly type: string | null; readonly forms: readonly Form[] }[];
}

export interface Sense {
  readonly id: string | null;
  readonly pos: string | null;
  readonly glosses: readonly Form[];
  readonly definitions: readonly Form[];
  readonly examples: readonly Example[];
  readonly notes: readonly Note[];
  readonly traits: readonly Trait[];
  readonly fields: readonly CustomField[];
  readonly subsenses: readonly Sense[];
}

/** A custom field (`<field type>`): its forms per writing system. */
export interface CustomField {
  readonly type: string;
  readonly forms: readonly Form[];
}

export interface EntryDocument {
  readonly lexeme: readonly Form[];
  readonly citation: readonly Form[];
  readonly pronunciations: readonly (readonly Form[])[];
  readonly variants: readonly (readonly Form[])[];
  readonly notes: readonly Note[];
  readonly traits: readonly Trait[];
  readonly fields: readonly CustomField[];
  readonly relations: readonly { readonly type: string; readonly ref: string }[];
  readonly senses: readonly Sense[];
  readonly dateCreated: string | null;
  readonly dateModified: string | null;
}

const children = (parent: Element, name: string): Element[] => [...parent.children].filter((child) => child.localName === name);
const child = (parent: Element, name: string): Element | undefined => children(parent, name)[0];

function forms(container: Element | undefined): Form[] {
  if (!container) return [];
  return children(container, 'form').map((form) => ({ lang: form.getAttribute('lang') ?? '', text: (child(form, 'text')?.textContent ?? '').trim() }));
}

/** Glosses are forms without a container: <gloss lang="en"><text>…</text></gloss>. */
function glosses(sense: Element): Form[] {
  return children(sense, 'gloss').map((g) => ({ lang: g.getAttribute('lang') ?? '', text: (child(g, 'text')?.textContent ?? '').trim() }));
}

function notes(owner: Element): Note[] {
  return children(owner, 'note').map((note) => ({ type: note.getAttribute('type'), forms: forms(note) }));
}

function traits(owner: Element): Trait[] {
  return children(owner, 'trait').map((trait) => ({ name: trait.getAttribute('name') ?? '', value: trait.getAttribute('value') ?? '' }));
}

function fields(owner: Element): CustomField[] {
  return children(owner, 'field').map((field) => ({ type: field.getAttribute('type') ?? '', forms: forms(field) }));
}

function sense(element: Element): Sense {
  return {
    id: element.getAttribute('id'),
    pos: child(element, 'grammatical-info')?.getAttribute('value') ?? null,
    glosses: glosses(element),
    definitions: forms(child(element, 'definition')),
    examples: children(element, 'example').map((example) => ({
      forms: forms(example),
      translations: children(example, 'translation').map((t) => ({ type: t.getAttribute('type'), forms: forms(t) })),
    })),
    notes: notes(element),
    traits: traits(element),
    fields: fields(element),
    subsenses: children(element, 'subsense').map(sense),
  };
}

export function parseEntry(xml: string): EntryDocument {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const entry = doc.documentElement;
  if (entry.localName !== 'entry' || doc.getElementsByTagName('parsererror').length > 0) throw new Error('the entry XML could not be read');
  return {
    lexeme: forms(child(entry, 'lexical-unit')),
    citation: forms(child(entry, 'citation')),
    pronunciations: children(entry, 'pronunciation').map(forms),
    variants: children(entry, 'variant').map(forms),
    notes: notes(entry),
    traits: traits(entry),
    fields: fields(entry),
    relations: children(entry, 'relation').map((r) => ({ type: r.getAttribute('type') ?? '', ref: r.getAttribute('ref') ?? '' })),
    senses: children(entry, 'sense').map(sense),
    dateCreated: entry.getAttribute('dateCreated'),
    dateModified: entry.getAttribute('dateModified'),
  };
}

export function formIn(list: readonly Form[], lang: string): string {
  return list.find((form) => form.lang === lang)?.text ?? '';
}
