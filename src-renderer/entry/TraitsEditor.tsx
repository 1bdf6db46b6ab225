import { useState } from 'react';
import type { RangeValue } from '../api/contract.js';
import type { Trait } from './entry-document.js';
import { RangePicker, RangeValueText } from './RangePicker.js';
import type { ShapeChange } from './shape-edit.js';
import { isDomainTrait, traitCounts, traitEdit, type TraitOwner } from './value-lists.js';

interface Props {
  readonly traits: readonly Trait[];
  readonly owner: TraitOwner;
  /** "the entry", "sense 2": how labels and the undo list name the owner. */
  readonly where: string;
  readonly traitValues: Readonly<Record<string, readonly RangeValue[]>>;
  /** Trait names the dictionary uses, offered to add besides those with a range. */
  readonly traitNames: readonly string[];
  readonly onShape: ShapeChange;
}

type Picking = { readonly name: string; readonly mode: 'change' | 'add' };

/**
 * The traits of the entry or a sense (morph type, usage type, …), each a chip: its value changed
 * from the trait's range, or removed; a trait added by name and value. Each is one undoable change.
 */
export function TraitsEditor({ traits, owner, where, traitValues, traitNames, onShape }: Props) {
  const [picking, setPicking] = useState<Picking | null>(null);
  const [adding, setAdding] = useState(false);
  const shown = traits.filter((t) => !isDomainTrait(t.name) && t.value !== '');
  const counts = traitCounts(shown);
  const names = [...new Set([...Object.keys(traitValues), ...traitNames])].filter((name) => !isDomainTrait(name)).sort();
  const pick = async (value: string): Promise<void> => {
    if (!picking) return;
    const { name, mode } = picking;
    const edit = mode === 'change' ? traitEdit(owner, { action: 'set', field: 'trait', name, value }) : traitEdit(owner, { action: 'add', field: 'trait', name, value });
    await onShape(edit, mode === 'change' ? `set ${name} of ${where}` : `add ${name} to ${where}`);
    setPicking(null);
  };
  return (
    <div className="traits-editor" aria-label={`Traits of ${where}`} role="group">
      {shown.map((t, i) => (
        <span key={`${t.name}-${t.value}-${i}`} className="chip trait" data-testid="trait" data-name={t.name}>
          <span className="muted">{t.name}:</span> <RangeValueText value={t.value} values={traitValues[t.name] ?? []} />
          {counts.get(t.name) === 1 && (
            <button type="button" className="chip-button" aria-label={`Change ${t.name} of ${where}`} title="Change" onClick={() => setPicking({ name: t.name, mode: 'change' })}>
              ✎
            </button>
          )}
          <button
            type="button"
            className="chip-button"
            aria-label={`Remove ${t.name} ${t.value} from ${where}`}
            title="Remove"
            onClick={() => void onShape(traitEdit(owner, { action: 'delete', field: 'trait', name: t.name, value: t.value }), `remove ${t.name} from ${where}`)}
          >
            ×
          </button>
        </span>
      ))}
      {picking && (
        <RangePicker
          label={`${picking.name}, ${where}`}
          values={traitValues[picking.name] ?? []}
          initial={picking.mode === 'change' ? (shown.find((t) => t.name === picking.name)?.value ?? '') : ''}
          onPick={pick}
          onCancel={() => setPicking(null)}
        />
      )}
      {!picking && adding && (
        <select
          className="small"
          aria-label={`Trait to add to ${where}`}
          autoFocus
          value=""
          onChange={(event) => {
            setAdding(false);
            if (event.target.value) setPicking({ name: event.target.value, mode: 'add' });
          }}
          onBlur={() => setAdding(false)}
        >
          <option value="">Which trait?</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {!picking && !adding && names.length > 0 && (
        <button type="button" className="button small" onClick={() => setAdding(true)}>
          Add trait
        </button>
      )}
    </div>
  );
}
