import { useMemo, useState } from 'react';
import type { RangeValue, RelationTarget } from '../api/contract.js';
import { routeHash } from '../hooks/use-route.js';
import { parseRelations, type Relation } from './entry-parts.js';
import type { PartChange } from './part-change.js';
import { RelationTargetSearch } from './RelationTargetSearch.js';
import { useRelationTargets } from './use-relation-targets.js';

interface Props {
  readonly dictionary: string;
  readonly guid: string;
  readonly xml: string;
  readonly senseCount: number;
  /** The dictionary's relation types (its lexical-relation range, and types in use). */
  readonly types: readonly RangeValue[];
  readonly onChange: PartChange;
}

const where = (r: Pick<Relation, 'sense'>): string => (r.sense === null ? '' : `, sense ${r.sense + 1}`);

/**
 * The relations of the entry and of its senses: each one's type (changed from the list), its
 * target shown by headword and opened by a click, deleted with its button; a new one's target
 * is found by searching the dictionary.
 */
export function RelationsView({ dictionary, guid, xml, senseCount, types, onChange }: Props) {
  const relations = useMemo(() => parseRelations(xml), [xml]);
  const targets = useRelationTargets(dictionary, guid, relations.map((r) => r.ref));
  const [adding, setAdding] = useState(false);
  const typeIds = [...new Set([...types.map((t) => t.id), ...relations.map((r) => r.type)])].filter(Boolean);
  const label = (id: string): string => types.find((t) => t.id === id)?.label ?? id;
  return (
    <section className="entry-section relations" aria-label="Relations" data-testid="relations">
      {relations.length > 0 && (
        <ul className="relation-list">
          {relations.map((r) => {
            const n = `relation ${r.index + 1}${where(r)}`;
            return (
              <li key={`${r.sense ?? 'e'}-${r.index}`} data-testid="relation">
                <select className="small" aria-label={`Type of ${n}`} value={r.type} onChange={(event) => void onChange({ action: 'set', field: 'relation', index: r.index, ...(r.sense === null ? {} : { sense: r.sense }), value: event.target.value }, `the type of ${n}`)}>
                  {(typeIds.includes(r.type) ? typeIds : [r.type, ...typeIds]).map((id) => (
                    <option key={id} value={id}>
                      {label(id) || '(no type)'}
                    </option>
                  ))}
                </select>{' '}
                {r.sense !== null && <span className="muted small">(sense {r.sense + 1}) </span>}
                <TargetLink dictionary={dictionary} target={targets.get(r.ref)} reference={r.ref} />{' '}
                <button type="button" className="link-button small" onClick={() => void onChange({ action: 'delete', field: 'relation', index: r.index, ...(r.sense === null ? {} : { sense: r.sense }) }, `delete ${n}`)}>
                  Delete {n}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <NewRelation dictionary={dictionary} guid={guid} senseCount={senseCount} typeIds={typeIds} label={label} onChange={onChange} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button small" onClick={() => setAdding(true)}>
          Add relation
        </button>
      )}
    </section>
  );
}

function TargetLink({ dictionary, target, reference }: { dictionary: string; target: RelationTarget | undefined; reference: string }) {
  if (!target) {
    return (
      <span className="muted" title="Not an entry or sense of this dictionary">
        <code className="small">{reference || '(no target)'}</code>
      </span>
    );
  }
  return (
    <a href={routeHash({ view: 'entry', dictionary, guid: target.guid })} data-testid="relation-target" title={reference}>
      <span lang={target.lang || undefined} dir="auto">
        {target.headword || reference}
      </span>
      {target.gloss !== undefined && <span className="muted"> ‘{target.gloss}’</span>}
    </a>
  );
}

interface NewRelationProps {
  readonly dictionary: string;
  readonly guid: string;
  readonly senseCount: number;
  readonly typeIds: readonly string[];
  readonly label: (id: string) => string;
  readonly onChange: PartChange;
  readonly onDone: () => void;
}

/** A new relation: of the entry or a sense, its type (from the list, or typed), then its target, searched for. */
function NewRelation({ dictionary, guid, senseCount, typeIds, label, onChange, onDone }: NewRelationProps) {
  const [type, setType] = useState(typeIds[0] ?? '');
  const [sense, setSense] = useState(-1);
  const listId = `relation-types-${guid}`;
  return (
    <div className="new-relation" data-testid="new-relation">
      {senseCount > 0 && (
        <select className="small" aria-label="Relation of" value={sense} onChange={(event) => setSense(Number(event.target.value))}>
          <option value={-1}>the entry</option>
          {Array.from({ length: senseCount }, (_, i) => (
            <option key={i} value={i}>
              sense {i + 1}
            </option>
          ))}
        </select>
      )}
      {/* The focus starts where something is still to be said: the type when the dictionary offers none, else the search. */}
      <input
        type="text"
        className="small"
        aria-label="Relation type"
        list={listId}
        value={type}
        placeholder="Relation type"
        autoFocus={typeIds.length === 0}
        onChange={(event) => setType(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onDone();
          }
        }}
      />
      <datalist id={listId}>
        {typeIds.map((id) => (
          <option key={id} value={id}>
            {label(id)}
          </option>
        ))}
      </datalist>
      {type.trim() === '' && <span className="warning small">Give the relation a type first.</span>}
      <RelationTargetSearch
        dictionary={dictionary}
        guid={guid}
        autoFocus={typeIds.length > 0}
        onCancel={onDone}
        onChoose={(entry) => {
          if (type.trim() === '') return;
          onDone();
          void onChange({ action: 'add', field: 'relation', value: type.trim(), ref: entry.id || entry.guid, ...(sense >= 0 ? { sense } : {}) }, `add a ${type.trim()} relation`);
        }}
      />
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
