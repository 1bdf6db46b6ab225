import type { RangeValue } from './dictionaries.js';

/**
 * Values of a range compared as the pickers and the edit query compare them: after NFC, since
 * FLEx writes range ids decomposed (NFD) while entries and keyboards mostly give composed text.
 */
export function sameRangeValue(a: string, b: string): boolean {
  return a.normalize('NFC') === b.normalize('NFC');
}

/**
 * The range value a person means by what they typed or what an entry holds: its id, else its
 * abbreviation or label (in any case), each compared after NFC; undefined when it is none of them.
 */
export function findRangeValue(values: readonly RangeValue[], typed: string): RangeValue | undefined {
  const text = typed.trim().normalize('NFC');
  if (text === '') return undefined;
  const lower = text.toLocaleLowerCase();
  return (
    values.find((v) => v.id.normalize('NFC') === text) ??
    values.find((v) => v.abbreviation?.normalize('NFC') === text || v.label.normalize('NFC') === text) ??
    values.find((v) => v.label.normalize('NFC').toLocaleLowerCase() === lower)
  );
}

/** How a picker names a value: its label, with its abbreviation, and its id where the label differs ("n — Noun"). */
export function rangeValueCaption(value: RangeValue): string {
  const label = value.label === value.id ? value.id : `${value.label} (${value.id})`;
  return value.abbreviation && value.abbreviation !== value.label ? `${value.abbreviation} — ${label}` : label;
}
