import type { Binding } from '../../basex/client-session.js';
import { LIFT_PROLOG } from '../../lift/documents.js';
import { DATE_ONLY } from '../../domain/condition-rules.js';
import { FIELD_SPECS } from '../../domain/fields.js';
import { isGroup, type Condition, type Filter, type WorksetQuery } from '../../domain/query-model.js';
import { FIELD_FUNCTIONS, FIELD_VALUES, type FieldVars } from './fields.js';

/**
 * Compiles a workset query to an XQuery test of one entry `$e`.
 *
 * Every value, writing system, name and type of the query is bound as an external variable
 * (`$v1`, `$l1`, `$k1`…); the query text is built only from this file's templates, chosen by the
 * schema's enums. So no user input can become XQuery syntax, and the same query shape is
 * compiled the same way whatever its values.
 */

export interface CompiledQuery {
  /** LIFT and field helpers, then one declaration per bound or derived variable. */
  readonly prolog: string;
  /** A boolean expression over `$e`: does this entry match? */
  readonly test: string;
  /** Values of the external variables (`$db` is no binding: run it through onDatabase). */
  readonly bindings: Record<string, Binding>;
  /** `matches` patterns with their filters' paths, for checking before running. */
  readonly patterns: readonly Pattern[];
}

export interface Pattern {
  readonly path: string;
  /** The filter's field, to name it in a message. */
  readonly field: Condition['field'];
  readonly pattern: string;
  readonly flags: string;
}

/** Live entries of the dictionary: tombstones (`dateDeleted`) never match anything. */
export const LIVE_ENTRIES = '$doc/lift/entry[empty(@dateDeleted)]';

class Compiler {
  private count = 0;
  readonly declarations: string[] = [];
  readonly bindings: Record<string, Binding> = {};
  readonly patterns: Pattern[] = [];

  filters(match: 'all' | 'any', filters: readonly Filter[], path: string): string {
    if (filters.length === 0) return match === 'all' ? 'true()' : 'false()';
    const tests = filters.map((filter, i) => this.filter(filter, `${path}[${i}]`));
    return tests.length === 1 ? tests[0] : `(${tests.join(match === 'all' ? '\n  and ' : '\n  or ')})`;
  }

  filter(filter: Filter, path: string): string {
    return isGroup(filter) ? this.filters(filter.match, filter.filters, `${path}.filters`) : this.condition(filter, path);
  }

  private condition(c: Condition, path: string): string {
    const n = ++this.count;
    const key = c.name ?? c.type;
    const vars: FieldVars = {
      lang: c.lang === undefined ? undefined : this.bind(`l${n}`, c.lang),
      // Names and types are compared as written in the entries, which FLEx writes in NFC.
      key: key === undefined ? undefined : this.bind(`k${n}`, key.normalize('NFC')),
    };
    const values = `(${FIELD_VALUES[c.field](vars)})`;
    switch (FIELD_SPECS[c.field].kind) {
      case 'text':
        return this.text(values, c, n, path);
      case 'date':
        return this.date(values, c, n);
      case 'number':
        return this.number(values, c, n);
    }
  }

  private text(values: string, c: Condition, n: number, path: string): string {
    const norm = c.case ? 'local:exact' : 'local:folded';
    const v = `$v${n}`;
    switch (c.op) {
      case 'exists':
        return `exists(${values}[normalize-space(.)])`;
      case 'missing':
        return `empty(${values}[normalize-space(.)])`;
      case 'equals':
      case 'in':
      case 'not-equals':
      case 'not-in': {
        this.bind(`v${n}`, c.value as string | string[]);
        const normalised = this.derive(`n${n}`, `${v} ! ${norm}(.)`);
        const test = `(${values} ! ${norm}(.)) = ${normalised}`;
        return c.op === 'equals' || c.op === 'in' ? test : `not(${test})`;
      }
      case 'contains':
      case 'starts-with':
      case 'ends-with': {
        this.bind(`v${n}`, c.value as string);
        const needle = this.derive(`n${n}`, `${norm}(${v})`);
        return `(some $x in ${values} satisfies ${c.op}(${norm}($x), ${needle}))`;
      }
      case 'matches': {
        const pattern = (c.value as string).normalize('NFC');
        const flags = c.case ? '' : 'i';
        this.bind(`v${n}`, pattern);
        this.patterns.push({ path: `${path}.value`, field: c.field, pattern, flags });
        return `(some $x in ${values} satisfies (let $s := local:exact($x) return $s != '' and matches($s, ${v}, '${flags}')))`;
      }
      default:
        throw new Error(`op ${c.op} is not a text op (the schema should have rejected it)`);
    }
  }

  private date(values: string, c: Condition, n: number): string {
    if (c.op === 'exists') return `exists(${values}[normalize-space(.)])`;
    if (c.op === 'missing') return `empty(${values}[normalize-space(.)])`;
    const value = (c.value as string).trim();
    const op = { equals: '=', 'not-equals': '=', before: '<', after: '>' }[c.op as 'equals' | 'not-equals' | 'before' | 'after'];
    let test: string;
    if (DATE_ONLY.test(value)) {
      // The date part as written: "2012-03-01T23:30:00-05:00" is on 2012-03-01.
      this.bind(`v${n}`, value);
      test = `(some $x in ${values} satisfies (let $s := normalize-space($x) return matches($s, '^\\d{4}-\\d{2}-\\d{2}') and substring($s, 1, 10) ${op} $v${n}))`;
    } else {
      this.bind(`v${n}`, utcDateTime(value));
      const instant = this.derive(`d${n}`, `xs:dateTime($v${n})`);
      test = `(some $x in ${values} satisfies local:instant($x) ${op} ${instant})`;
    }
    return c.op === 'not-equals' ? `not(${test})` : test;
  }

  private number(values: string, c: Condition, n: number): string {
    const op = { equals: '=', 'not-equals': '!=', gt: '>', lt: '<' }[c.op as 'equals' | 'not-equals' | 'gt' | 'lt'];
    this.bind(`v${n}`, Number(c.value));
    return `(${values} ${op} $v${n})`;
  }

  /** Declares an external variable and records its value; returns its reference. */
  private bind(name: string, value: Binding): string {
    const type = typeof value === 'number' ? 'xs:anyAtomicType' : Array.isArray(value) ? 'xs:string*' : 'xs:string';
    this.declarations.push(`declare variable $${name} as ${type} external;`);
    this.bindings[name] = value;
    return `$${name}`;
  }

  /** Declares a variable computed once from bound ones (a normalised value, a parsed date). */
  private derive(name: string, expression: string): string {
    this.declarations.push(`declare variable $${name} := ${expression};`);
    return `$${name}`;
  }
}

/** A dateTime as BaseX reads it, in UTC; a value without a zone is taken as UTC. */
function utcDateTime(value: string): string {
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
  return new Date(zoned).toISOString();
}

export function compileQuery(query: Pick<WorksetQuery, 'match' | 'filters'>): CompiledQuery {
  const compiler = new Compiler();
  const test = compiler.filters(query.match, query.filters, 'filters');
  return {
    prolog: [LIFT_PROLOG, FIELD_FUNCTIONS, ...compiler.declarations].join('\n'),
    test,
    bindings: compiler.bindings,
    patterns: compiler.patterns,
  };
}
