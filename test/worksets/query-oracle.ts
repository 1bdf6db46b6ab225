import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { EntryViewModel } from '../../src-main/domain/entries.js';
import { isGroup, type Condition, type Filter, type Sort, type WorksetQuery } from '../../src-main/domain/query-model.js';

/**
 * An independent reading of a LIFT file in plain JS, to check the XQuery against.
 *
 * It walks the DOM by hand and implements the query semantics from their description (see the
 * contract), sharing no code or paths with the compiler: if both agree on every field and op of
 * the real dictionaries, the XQuery says what it means.
 */

export interface OracleEntry {
  readonly guid: string;
  readonly id: string;
  readonly deleted: boolean;
  readonly element: Element;
}

const XML_SPACE = /[ \t\n\r]+/g;
/** Remembers a string function's results: the tests compare the same values many times. */
function memo(f: (s: string) => string): (s: string) => string {
  const results = new Map<string, string>();
  return (s) => {
    let result = results.get(s);
    if (result === undefined) results.set(s, (result = f(s)));
    return result;
  };
}
export const normalizeSpace = memo((s) => s.replace(XML_SPACE, ' ').replace(/^ | $/g, ''));
export const exact = memo((s) => normalizeSpace(s).normalize('NFC'));
export const folded = memo((s) => normalizeSpace(s).toLowerCase().normalize('NFC'));

export function children(parent: Element, ...names: string[]): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && names.includes((node as Element).nodeName)) found.push(node as Element);
  }
  return found;
}

const textOf = (element: Element): string => element.textContent ?? '';
const attr = (element: Element, name: string): string | undefined => (element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined);

export class LiftOracle {
  readonly entries: OracleEntry[];
  /** Every writing system used in the entries. */
  readonly langs: string[];
  /** Live entries by the id of the entry or of any element inside it (senses, subsenses). */
  private readonly targets = new Map<string, OracleEntry[]>();

  constructor(file: string) {
    const xml = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lift = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
    if (!lift) throw new Error(`${file} has no root element`);
    this.entries = children(lift, 'entry').map((element) => ({
      guid: attr(element, 'guid') ?? '',
      id: attr(element, 'id') ?? '',
      deleted: element.hasAttribute('dateDeleted'),
      element,
    }));
    for (const entry of this.live()) this.indexIds(entry.element, entry);
    const langs = new Set<string>();
    for (const element of Array.from(lift.getElementsByTagName('*'))) if (element.hasAttribute('lang')) langs.add(element.getAttribute('lang') ?? '');
    this.langs = [...langs];
  }

  live(): OracleEntry[] {
    return this.entries.filter((entry) => !entry.deleted);
  }

  byGuid(guid: string): OracleEntry | undefined {
    return this.entries.find((entry) => entry.guid === guid && !entry.deleted);
  }

  /** Guids of live entries matching the query, in document order. */
  expected(query: Pick<WorksetQuery, 'match' | 'filters'>): string[] {
    return this.live()
      .filter((entry) => this.group(entry, query.match, query.filters))
      .map((entry) => entry.guid);
  }

  /** Guids of the matches in the query's sort order. */
  expectedSorted(query: WorksetQuery): string[] {
    const matches = this.live().filter((entry) => this.group(entry, query.match, query.filters));
    return sortEntries(matches.map((entry) => this.keys(entry)), query.sort).map((keys) => keys.guid);
  }

  private indexIds(element: Element, entry: OracleEntry): void {
    const id = attr(element, 'id');
    if (id !== undefined) this.targets.set(id, [...(this.targets.get(id) ?? []), entry]);
    for (const child of children(element, ...childNames(element))) this.indexIds(child, entry);
  }

  private group(entry: OracleEntry, match: 'all' | 'any', filters: readonly Filter[]): boolean {
    const test = (filter: Filter): boolean => (isGroup(filter) ? this.group(entry, filter.match, filter.filters) : this.condition(entry, filter));
    return match === 'all' ? filters.every(test) : filters.some(test);
  }

  /** Senses with their subsenses at any depth, in document order. */
  senses(entry: OracleEntry): Element[] {
    const withSubsenses = (sense: Element): Element[] => [sense, ...children(sense, 'subsense').flatMap(withSubsenses)];
    return children(entry.element, 'sense').flatMap(withSubsenses);
  }

  headwordForms(entry: OracleEntry): Element[] {
    const filled = (container: string): Element[] =>
      children(entry.element, container)
        .flatMap((c) => children(c, 'form'))
        .filter((form) => children(form, 'text').some((t) => normalizeSpace(textOf(t)) !== ''));
    const lexeme = filled('lexical-unit');
    return lexeme.length > 0 ? lexeme : filled('citation');
  }

  posValues(entry: OracleEntry): string[] {
    const owners = [...this.senses(entry), entry.element];
    return owners.flatMap((owner) => children(owner, 'grammatical-info')).map((g) => attr(g, 'value')).filter((v): v is string => v !== undefined);
  }

  private readonly cache = new Map<OracleEntry, Map<string, string[]>>();

  /** The raw values a condition's field has in an entry (memoised: tests ask many times). */
  values(entry: OracleEntry, c: Pick<Condition, 'field' | 'lang' | 'name' | 'type'>): string[] {
    const key = `${c.field}\u0000${c.lang ?? ''}\u0000${c.name ?? ''}\u0000${c.type ?? ''}`;
    let cached = this.cache.get(entry);
    if (!cached) this.cache.set(entry, (cached = new Map()));
    let values = cached.get(key);
    if (!values) cached.set(key, (values = this.read(entry, c)));
    return values;
  }

  private read(entry: OracleEntry, c: Pick<Condition, 'field' | 'lang' | 'name' | 'type'>): string[] {
    const e = entry.element;
    const senses = this.senses(entry);
    const texts = (forms: Element[]): string[] =>
      forms.filter((f) => c.lang === undefined || attr(f, 'lang') === c.lang).flatMap((f) => children(f, 'text')).map(textOf);
    const formsOf = (owners: Element[], ...path: string[]): Element[] =>
      path.reduce((nodes, name) => nodes.flatMap((node) => children(node, name)), owners);
    const attrs = (elements: Element[], name: string): string[] => elements.map((el) => attr(el, name)).filter((v): v is string => v !== undefined);
    const key = (c.name ?? c.type ?? '').normalize('NFC');
    switch (c.field) {
      case 'headword': return texts(this.headwordForms(entry));
      case 'lexeme': return texts(formsOf([e], 'lexical-unit', 'form'));
      case 'citation': return texts(formsOf([e], 'citation', 'form'));
      case 'pos': return this.posValues(entry);
      case 'gloss': return texts(formsOf(senses, 'gloss'));
      case 'definition': return texts(formsOf(senses, 'definition', 'form'));
      case 'example': return texts(formsOf(senses, 'example', 'form'));
      case 'translation': return texts(formsOf(senses, 'example', 'translation', 'form'));
      case 'note': {
        const notes = [e, ...senses].flatMap((owner) => children(owner, 'note')).filter((n) => c.name === undefined || attr(n, 'type') === key);
        return texts(formsOf(notes, 'form'));
      }
      case 'pronunciation': return texts(formsOf([e], 'pronunciation', 'form'));
      case 'variant': return texts(formsOf([e], 'variant', 'form'));
      case 'semantic-domain':
        return attrs(formsOf(senses, 'trait').filter((t) => ['semantic-domain-ddp4', 'semantic-domain'].includes(attr(t, 'name') ?? '')), 'value');
      case 'trait': return attrs([e, ...senses].flatMap((o) => children(o, 'trait')).filter((t) => attr(t, 'name') === key), 'value');
      case 'morph-type': return attrs(children(e, 'trait').filter((t) => attr(t, 'name') === 'morph-type'), 'value');
      case 'custom': {
        const fields = [e, ...senses].flatMap((o) => children(o, 'field')).filter((f) => attr(f, 'type') === key);
        return texts(formsOf(fields, 'form'));
      }
      case 'relation': {
        const relations = [e, ...senses].flatMap((o) => children(o, 'relation')).filter((r) => attr(r, 'type') === key);
        return relations.flatMap((r) => {
          const ref = attr(r, 'ref') ?? '';
          if (normalizeSpace(ref) === '') return [];
          const targets = this.targets.get(ref) ?? [];
          return [ref, ...targets.flatMap((t) => this.headwordForms(t).flatMap((f) => children(f, 'text')).map(textOf))];
        });
      }
      case 'date-created': return attrs([e], 'dateCreated');
      case 'date-modified': return attrs([e], 'dateModified');
      case 'senses': return [String(children(e, 'sense').length)];
      case 'id': return attrs([e], 'id');
      case 'guid': return attrs([e], 'guid');
    }
  }

  condition(entry: OracleEntry, c: Condition): boolean {
    const values = this.values(entry, c);
    const present = values.filter((v) => normalizeSpace(v) !== '');
    if (c.op === 'exists') return present.length > 0;
    if (c.op === 'missing') return present.length === 0;
    if (c.field === 'senses') return compareNumber(Number(values[0]), c.op, Number(c.value));
    if (c.field === 'date-created' || c.field === 'date-modified') return dateMatches(values, c.op, String(c.value).trim());
    const norm = c.case ? exact : folded;
    const normalised = values.map(norm);
    switch (c.op) {
      case 'equals': return normalised.includes(norm(c.value as string));
      case 'not-equals': return !normalised.includes(norm(c.value as string));
      case 'in': return (c.value as string[]).map(norm).some((v) => normalised.includes(v));
      case 'not-in': return !(c.value as string[]).map(norm).some((v) => normalised.includes(v));
      case 'contains': return normalised.some((v) => v.includes(norm(c.value as string)));
      case 'starts-with': return normalised.some((v) => v.startsWith(norm(c.value as string)));
      case 'ends-with': return normalised.some((v) => v.endsWith(norm(c.value as string)));
      case 'matches': {
        const regex = new RegExp((c.value as string).normalize('NFC'), c.case ? 'u' : 'iu');
        return values.map(exact).some((v) => v !== '' && regex.test(v));
      }
      default: throw new Error(`the oracle has no ${c.op} for ${c.field}`);
    }
  }

  /** An entry's sort keys, as the contract defines them. */
  keys(entry: OracleEntry): OracleKeys {
    const firstText = (texts: string[]): string => exact(texts.find((t) => normalizeSpace(t) !== '') ?? '');
    const form = this.headwordForms(entry)[0];
    return {
      guid: entry.guid,
      headword: form ? exact(children(form, 'text').map(textOf)[0] ?? '') : '',
      pos: firstText(this.posValues(entry)),
      gloss: firstText(this.senses(entry).flatMap((s) => children(s, 'gloss')).flatMap((g) => children(g, 'text')).map(textOf)),
      dateCreated: normalizeSpace(attr(entry.element, 'dateCreated') ?? ''),
      dateModified: normalizeSpace(attr(entry.element, 'dateModified') ?? ''),
    };
  }

  view(entry: OracleEntry): EntryViewModel {
    const senses = this.senses(entry);
    const byLang = (holders: Element[]): Record<string, string[]> => {
      const result: Record<string, string[]> = {};
      for (const holder of holders) {
        const text = exact(children(holder, 'text').map(textOf)[0] ?? '');
        if (text !== '') (result[attr(holder, 'lang') ?? ''] ??= []).push(text);
      }
      return result;
    };
    const headword: Record<string, string> = {};
    for (const form of this.headwordForms(entry)) headword[attr(form, 'lang') ?? ''] ??= exact(children(form, 'text').map(textOf)[0] ?? '');
    const view: EntryViewModel = {
      guid: entry.guid,
      id: entry.id,
      headword,
      pos: [...new Set(this.posValues(entry).map(exact).filter((p) => p !== ''))],
      glosses: byLang(senses.flatMap((s) => children(s, 'gloss'))),
      definitions: byLang(senses.flatMap((s) => children(s, 'definition')).flatMap((d) => children(d, 'form'))),
      senses: children(entry.element, 'sense').length,
      keyLangs: {},
    };
    // The writing systems of the forms the sort keys read.
    const headwordLang = this.headwordForms(entry)[0] && attr(this.headwordForms(entry)[0], 'lang');
    const keyGloss = senses.flatMap((s) => children(s, 'gloss')).find((g) => children(g, 'text').some((t) => normalizeSpace(textOf(t)) !== ''));
    const glossLang = keyGloss && attr(keyGloss, 'lang');
    view.keyLangs = { ...(headwordLang === undefined ? {} : { headword: headwordLang }), ...(glossLang === undefined ? {} : { gloss: glossLang }) };
    const created = attr(entry.element, 'dateCreated');
    const modified = attr(entry.element, 'dateModified');
    if (created) view.dateCreated = created;
    if (modified) view.dateModified = modified;
    return view;
  }
}

export interface OracleKeys {
  guid: string;
  headword: string;
  pos: string;
  gloss: string;
  dateCreated: string;
  dateModified: string;
}

const SORT_FIELD: Record<Sort['by'], keyof OracleKeys> = {
  headword: 'headword', pos: 'pos', gloss: 'gloss', 'date-created': 'dateCreated', 'date-modified': 'dateModified',
};

const codePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0) ?? 0);
function byCodePoint(a: string, b: string): number {
  const x = codePoints(a);
  const y = codePoints(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Blank keys last, then case-folded by code point in the sort's direction, then guid ascending. */
export function sortEntries(keys: OracleKeys[], sort: Sort): OracleKeys[] {
  const field = SORT_FIELD[sort.by];
  return [...keys].sort((a, b) => {
    const x = a[field].toLowerCase().normalize('NFC');
    const y = b[field].toLowerCase().normalize('NFC');
    if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
    const order = byCodePoint(x, y);
    if (order !== 0) return sort.dir === 'asc' ? order : -order;
    return byCodePoint(a.guid, b.guid);
  });
}

function compareNumber(actual: number, op: string, value: number): boolean {
  if (op === 'equals') return actual === value;
  if (op === 'not-equals') return actual !== value;
  if (op === 'gt') return actual > value;
  if (op === 'lt') return actual < value;
  throw new Error(`no number op ${op}`);
}

/** Dates: a date-only value compares the date part; a dateTime compares instants in UTC. */
function dateMatches(values: string[], op: string, value: string): boolean {
  if (op === 'not-equals') return !values.some((v) => dateTest(v, 'equals', value));
  return values.some((v) => dateTest(v, op, value));
}

function dateTest(v: string, op: string, value: string): boolean {
  const s = normalizeSpace(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return false;
    const part = s.slice(0, 10);
    return compareOrder(part < value ? -1 : part > value ? 1 : 0, op);
  }
  const instant = dataInstant(s);
  const wanted = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  return !Number.isNaN(instant) && compareOrder(Math.sign(instant - wanted), op);
}

function compareOrder(order: number, op: string): boolean {
  if (op === 'equals') return order === 0;
  if (op === 'before') return order < 0;
  if (op === 'after') return order > 0;
  throw new Error(`no date op ${op}`);
}

/** A date as stored: xs:dateTime needs seconds; a bare date is midnight; no zone means UTC. */
function dataInstant(s: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.parse(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s)) return Number.NaN;
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}Z`);
}

/** Element children worth descending into when collecting ids (all of them). */
function childNames(element: Element): string[] {
  const names = new Set<string>();
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) names.add(node.nodeName);
  return [...names];
}
