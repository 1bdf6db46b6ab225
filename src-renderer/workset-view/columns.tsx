import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { EntryViewModel, PageSortKey, WorksetEntry } from '../api/contract.js';
import { firstForm, firstFormLang } from '../entry/view-text.js';
import { shortDate } from '../ui/format.js';
import { COLUMN_LABELS, type ColumnChoice, type ColumnId, type TextColumn } from './column-choice.js';
import { StatusBadge } from './StatusBadge.js';

/** One row of the virtual list: its place, and the entry once its page has arrived. */
export interface Slot {
  readonly index: number;
  readonly row: WorksetEntry | undefined;
}

/** Sorting is done by the app (`worksets.page` sort), so only the feature's state is used here. */
export const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, Slot>();

/** Column ids that are also page sort keys: clicking their header asks the app to re-sort. */
const SORT_KEYS: readonly PageSortKey[] = ['status', 'headword', 'pos', 'gloss', 'date-created', 'date-modified'];

/**
 * The columns that sort, as chosen: a text column shown in a chosen writing system does not,
 * because the app sorts by the form each entry has first (the one shown when none is chosen).
 */
export function sortableColumns(choice: ColumnChoice): PageSortKey[] {
  return SORT_KEYS.filter((key) => !(key === 'headword' || key === 'gloss') || !choice.langs[key]);
}

const view = (slot: Slot): EntryViewModel | null => slot.row?.entry ?? null;

/** The forms a text column shows: the chosen writing system's, or the one the sort reads. */
function formsOf(entry: EntryViewModel | null, column: TextColumn, chosen: string | undefined): { text: string; lang: string | undefined } {
  if (!entry) return { text: '', lang: undefined };
  const forms = column === 'headword' ? entry.headword : column === 'gloss' ? entry.glosses : entry.definitions;
  const lang = chosen || (column === 'definition' ? undefined : entry.keyLangs?.[column]);
  if (chosen) return { text: firstForm({ [chosen]: forms[chosen] ?? '' }, '; '), lang: chosen };
  return { text: firstForm(forms, '; ', lang), lang: firstFormLang(forms, lang) };
}

function textColumn(column: TextColumn, choice: ColumnChoice) {
  const chosen = choice.langs[column];
  return helper.accessor((slot) => formsOf(view(slot), column, chosen).text, {
    id: column,
    header: chosen ? `${COLUMN_LABELS[column]} (${chosen})` : COLUMN_LABELS[column],
    cell: ({ row, getValue }) =>
      column === 'headword' && row.original.row && !row.original.row.entry ? (
        <span className="muted">(deleted from the dictionary)</span>
      ) : (
        <TextIn lang={formsOf(view(row.original), column, chosen).lang} className={column === 'headword' ? 'headword' : undefined} text={getValue()} />
      ),
  });
}

function column(id: ColumnId, choice: ColumnChoice) {
  switch (id) {
    case 'status':
      // An accessor, not a display column: only those sort.
      return helper.accessor((slot) => slot.row?.status ?? '', { id, header: 'Status', cell: ({ row }) => (row.original.row ? <StatusBadge status={row.original.row.status} /> : null) });
    case 'favourite':
      return helper.display({
        id,
        header: () => <span aria-label="Favourite">★</span>,
        cell: ({ row }) => (row.original.row?.favourite ? <span className="star on" aria-label="favourite">★</span> : null),
      });
    case 'headword':
    case 'gloss':
    case 'definition':
      return textColumn(id, choice);
    case 'pos':
      return helper.accessor((slot) => view(slot)?.pos.join(', ') ?? '', { id, header: COLUMN_LABELS.pos });
    case 'assigned':
      return helper.accessor((slot) => slot.row?.assignedTo ?? '', { id, header: COLUMN_LABELS.assigned });
    case 'date-created':
      return helper.accessor((slot) => view(slot)?.dateCreated ?? '', { id, header: COLUMN_LABELS[id], cell: ({ getValue }) => shortDate(getValue()), sortDescFirst: true });
    case 'date-modified':
      return helper.accessor((slot) => view(slot)?.dateModified ?? '', { id, header: COLUMN_LABELS[id], cell: ({ getValue }) => shortDate(getValue()), sortDescFirst: true });
  }
}

export function columnsFor(choice: ColumnChoice) {
  return helper.columns(choice.shown.map((id) => column(id, choice)));
}

const WIDTHS: Record<ColumnId, string> = {
  status: '82px',
  favourite: '26px',
  headword: 'minmax(110px, 1.1fr)',
  pos: 'minmax(104px, 0.8fr)',
  gloss: 'minmax(140px, 2fr)',
  definition: 'minmax(160px, 2.4fr)',
  assigned: 'minmax(90px, 0.7fr)',
  'date-created': '100px',
  'date-modified': '100px',
};

/** Column widths, in the order shown (rows are CSS grids so the virtual rows line up with the header). */
export function gridColumns(choice: ColumnChoice): string {
  return choice.shown.map((id) => WIDTHS[id]).join(' ');
}

/** A cell's text in its writing system (font, direction), with the whole of it on hover when cut short. */
function TextIn({ text, lang, className }: { text: string; lang: string | undefined; className?: string }) {
  return (
    <span className={className} lang={lang} dir="auto" title={text || undefined}>
      {text}
    </span>
  );
}
