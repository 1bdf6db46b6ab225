import { useState } from 'react';
import type { RangeValue } from '../api/contract.js';
import type { Trait } from './entry-document.js';
import { RangePicker, RangeValueText } from './RangePicker.js';
import type { ShapeChange } from './shape-edit.js';
import { isDomainTrait } from './value-lists.js';

interface Props {
  readonly traits: readonly Trait[];
  readonly sense: number;
  readonly domains: readonly RangeValue[];
  readonly onShape: ShapeChange;
}

/** A sense's semantic domains (it may have several): each removed alone, one added from the range. */
export function SemanticDomainsEditor({ traits, sense, domains, onShape }: Props) {
  const [adding, setAdding] = useState(false);
  const n = sense + 1;
  const held = traits.filter((t) => isDomainTrait(t.name) && t.value !== '');
  // A sense that names its domains the older way keeps that name for the one added.
  const name = held[0]?.name;
  return (
    <div className="domains-editor" role="group" aria-label={`Semantic domains, sense ${n}`}>
      {held.map((t) => (
        <span key={`${t.name}-${t.value}`} className="chip domain" data-testid="semantic-domain">
          ◈ <RangeValueText value={t.value} values={domains} />
          <button
            type="button"
            className="chip-button"
            aria-label={`Remove semantic domain ${t.value} from sense ${n}`}
            title="Remove"
            onClick={() => void onShape({ action: 'delete', field: 'semantic-domain', name: t.name, sense, value: t.value }, `remove a semantic domain from sense ${n}`)}
          >
            ×
          </button>
        </span>
      ))}
      {adding ? (
        <RangePicker
          label={`Semantic domain, sense ${n}`}
          values={domains}
          placeholder="number or name of a domain"
          onCancel={() => setAdding(false)}
          onPick={async (value) => {
            await onShape({ action: 'add', field: 'semantic-domain', sense, value, ...(name ? { name } : {}) }, `add a semantic domain to sense ${n}`);
            setAdding(false);
          }}
        />
      ) : (
        <button type="button" className="button small" onClick={() => setAdding(true)}>
          Add semantic domain
        </button>
      )}
    </div>
  );
}
