import { useState } from 'react';
import type { RangeValue } from '../api/contract.js';
import { RangePicker, RangeValueText } from './RangePicker.js';
import type { ShapeChange } from './shape-edit.js';

/** A sense's grammatical info, picked from the dictionary's grammatical-info range (by id, abbreviation or label). */
export function PartOfSpeechPicker({ pos, sense, values, onShape }: { pos: string | null; sense: number; values: readonly RangeValue[]; onShape: ShapeChange }) {
  const [picking, setPicking] = useState(false);
  const n = sense + 1;
  const label = `Part of speech, sense ${n}`;
  if (picking) {
    return (
      <RangePicker
        label={label}
        values={values}
        initial={pos ?? ''}
        onCancel={() => setPicking(false)}
        onPick={async (value) => {
          await onShape({ action: 'set', field: 'pos', sense, value }, `set the part of speech of sense ${n}`);
          setPicking(false);
        }}
      />
    );
  }
  return (
    <span className="editable pos" data-testid="pos">
      {pos ? <RangeValueText value={pos} values={values} /> : <span className="muted">no part of speech</span>}
      <button type="button" className="edit-button" aria-label={`Edit ${label}`} title={`Edit ${label}`} onClick={() => setPicking(true)}>
        ✎
      </button>
      {pos && (
        <button type="button" className="edit-button" aria-label={`Remove ${label}`} title="Remove" onClick={() => void onShape({ action: 'clear', field: 'pos', sense }, `remove the part of speech of sense ${n}`)}>
          ×
        </button>
      )}
    </span>
  );
}
