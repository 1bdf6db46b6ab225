import { useCallback, useState } from 'react';

/** Every column the work list can show, in the order it shows them. */
export const COLUMN_IDS = ['status', 'favourite', 'headword', 'pos', 'gloss', 'definition', 'assigned', 'date-created', 'date-modified'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Columns of text in a writing system: each may show one chosen writing system. */
export const TEXT_COLUMNS = ['headword', 'gloss', 'definition'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  status: 'Status',
  favourite: 'Favourite',
  headword: 'Headword',
  pos: 'Part of speech',
  gloss: 'Gloss',
  definition: 'Definition',
  assigned: 'Assigned to',
  'date-created': 'Created',
  'date-modified': 'Modified',
};

/** Which columns show, and the writing system of each text column ('' or absent: the entry's first). */
export interface ColumnChoice {
  readonly shown: readonly ColumnId[];
  readonly langs: Partial<Record<TextColumn, string>>;
}

export const DEFAULT_CHOICE: ColumnChoice = { shown: ['status', 'favourite', 'headword', 'pos', 'gloss', 'date-modified'], langs: {} };

/** A stored choice, read defensively: another version may have written it. */
export function parseChoice(text: string | null): ColumnChoice {
  if (!text) return DEFAULT_CHOICE;
  try {
    const raw = JSON.parse(text) as { shown?: unknown; langs?: unknown };
    const shown = Array.isArray(raw.shown) ? COLUMN_IDS.filter((id) => (raw.shown as unknown[]).includes(id)) : DEFAULT_CHOICE.shown;
    const langs: Partial<Record<TextColumn, string>> = {};
    if (raw.langs && typeof raw.langs === 'object') {
      for (const column of TEXT_COLUMNS) {
        const lang = (raw.langs as Record<string, unknown>)[column];
        if (typeof lang === 'string' && lang !== '') langs[column] = lang;
      }
    }
    // The headword is how a row is known: it always shows.
    return { shown: shown.includes('headword') ? shown : COLUMN_IDS.filter((id) => id === 'headword' || shown.includes(id)), langs };
  } catch {
    return DEFAULT_CHOICE;
  }
}

/** The work list's columns for one dictionary, kept per browser profile. */
export function useColumnChoice(dictionary: string | null): [ColumnChoice, (choice: ColumnChoice) => void] {
  const key = `workset-browser:columns:${dictionary ?? ''}`;
  const [held, setHeld] = useState(() => ({ key, choice: readChoice(key) }));
  // Another dictionary's workset (or the workset loaded): its own choice.
  if (held.key !== key) setHeld({ key, choice: readChoice(key) });
  const set = useCallback(
    (choice: ColumnChoice) => {
      setHeld({ key, choice });
      try {
        window.localStorage.setItem(key, JSON.stringify(choice));
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
    },
    [key],
  );
  return [held.key === key ? held.choice : readChoice(key), set];
}

function readChoice(key: string): ColumnChoice {
  try {
    return parseChoice(window.localStorage.getItem(key));
  } catch {
    return DEFAULT_CHOICE;
  }
}
