import type { Condition, Field, Filter, Op, Sort, WorksetQuery } from '../api/contract.js';
import { FIELD_SPECS, LIST_OPS, OPS_BY_KIND, VALUELESS_OPS } from '../api/contract.js';

/**
 * The query being edited: the domain's query model plus ids for React keys and every input's
 * raw text, so a half-typed value survives until it is valid. `toQuery` turns it into the JSON
 * `worksets.validate` and `worksets.create` take; the app decides what is wrong with it.
 */
export interface DraftCondition {
  readonly kind: 'condition';
  readonly id: number;
  readonly field: Field;
  readonly op: Op;
  /** Text of a single value, or a comma-separated list for in/not-in. */
  readonly value: string;
  /** Values picked from a range (pos, semantic domains) for in/not-in. */
  readonly values: readonly string[];
  readonly lang: string;
  readonly name: string;
  readonly type: string;
  readonly caseSensitive: boolean;
}

export interface DraftGroup {
  readonly kind: 'group';
  readonly id: number;
  readonly match: 'all' | 'any';
  readonly children: readonly DraftNode[];
}

export type DraftNode = DraftCondition | DraftGroup;

export interface DraftQuery {
  readonly root: DraftGroup;
  readonly sort: Sort;
}

let lastId = 0;
const nextId = (): number => ++lastId;

export function newCondition(field: Field = 'headword', op: Op = 'contains'): DraftCondition {
  return { kind: 'condition', id: nextId(), field, op, value: '', values: [], lang: '', name: '', type: '', caseSensitive: false };
}

export function newGroup(match: 'all' | 'any' = 'any'): DraftGroup {
  return { kind: 'group', id: nextId(), match, children: [newCondition()] };
}

export function newDraft(): DraftQuery {
  return { root: { kind: 'group', id: nextId(), match: 'all', children: [newCondition()] }, sort: { by: 'headword', dir: 'asc' } };
}

/** A new field keeps what still applies to it (the op, the writing system) and drops the rest. */
export function withField(c: DraftCondition, field: Field): DraftCondition {
  const spec = FIELD_SPECS[field];
  const ops = OPS_BY_KIND[spec.kind];
  const sameKind = FIELD_SPECS[c.field].kind === spec.kind;
  return {
    ...c,
    field,
    op: ops.includes(c.op) ? c.op : ops[0],
    value: sameKind ? c.value : '',
    values: [],
    lang: spec.multilingual ? c.lang : '',
    name: spec.key === 'name' ? c.name : '',
    type: spec.key === 'type' ? c.type : '',
    caseSensitive: spec.kind === 'text' && c.caseSensitive,
  };
}

export function toQuery(draft: DraftQuery): WorksetQuery {
  return { match: draft.root.match, filters: draft.root.children.map(toFilter), sort: draft.sort };
}

function toFilter(node: DraftNode): Filter {
  if (node.kind === 'group') return { match: node.match, filters: node.children.map(toFilter) };
  const spec = FIELD_SPECS[node.field];
  const condition: Condition = { field: node.field, op: node.op };
  if (!VALUELESS_OPS.includes(node.op)) condition.value = valueOf(node, spec.kind);
  if (node.lang && spec.multilingual) condition.lang = node.lang;
  if (spec.key === 'name' && node.name.trim()) condition.name = node.name.trim();
  if (spec.key === 'type' && node.type.trim()) condition.type = node.type.trim();
  if (node.caseSensitive && spec.kind === 'text') condition.case = true;
  return condition;
}

function valueOf(node: DraftCondition, kind: string): Condition['value'] {
  if (LIST_OPS.includes(node.op)) {
    if (node.values.length > 0) return [...node.values];
    return node.value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  }
  if (kind === 'number' && node.value.trim() !== '' && !Number.isNaN(Number(node.value))) return Number(node.value);
  return node.value;
}

/** A stored query as a draft to edit: `toQuery(fromQuery(q))` is `q`. */
export function fromQuery(query: WorksetQuery): DraftQuery {
  return { root: { kind: 'group', id: nextId(), match: query.match, children: query.filters.map(fromFilter) }, sort: query.sort };
}

function fromFilter(filter: Filter): DraftNode {
  if ('filters' in filter) return { kind: 'group', id: nextId(), match: filter.match, children: filter.filters.map(fromFilter) };
  const list = Array.isArray(filter.value) ? filter.value : undefined;
  return {
    kind: 'condition',
    id: nextId(),
    field: filter.field,
    op: filter.op,
    value: list ? list.join(', ') : filter.value === undefined ? '' : String(filter.value),
    values: list ?? [],
    lang: filter.lang ?? '',
    name: filter.name ?? '',
    type: filter.type ?? '',
    caseSensitive: filter.case === true,
  };
}

/** `filters[1].filters[0]`: the contract's path of each node, to match validation issues to rows. */
export function childPath(parentPath: string, index: number): string {
  return `${parentPath ? `${parentPath}.` : ''}filters[${index}]`;
}
