import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { PageSortKey, WorksetEntry } from '../api/contract.js';
import { firstForm, firstFormLang } from '../entry/view-text.js';
import { shortDate } from '../ui/format.js';
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
export const SORTABLE: readonly PageSortKey[] = ['headword', 'pos', 'gloss', 'date-modified'];

const view = (slot: Slot) => slot.row?.entry ?? null;

export const columns = helper.columns([
  helper.display({ id: 'status', header: 'Status', cell: ({ row }) => (row.original.row ? <StatusBadge status={row.original.row.status} /> : null) }),
  helper.display({
    id: 'favourite',
    header: () => <span aria-label="Favourite">★</span>,
    cell: ({ row }) => (row.original.row?.favourite ? <span className="star on" aria-label="favourite">★</span> : null),
  }),
  helper.accessor((slot) => (view(slot) ? firstForm(view(slot)?.headword ?? {}) : ''), {
    id: 'headword',
    header: 'Headword',
    cell: ({ row, getValue }) =>
      row.original.row && !row.original.row.entry ? (
        <span className="muted">(deleted from the dictionary)</span>
      ) : (
        <TextIn lang={firstFormLang(row.original.row?.entry?.headword ?? {})} className="headword" text={getValue()} />
      ),
  }),
  helper.accessor((slot) => view(slot)?.pos.join(', ') ?? '', { id: 'pos', header: 'Part of speech' }),
  helper.accessor((slot) => firstForm(view(slot)?.glosses ?? {}, '; '), {
    id: 'gloss',
    header: 'Gloss',
    cell: ({ row, getValue }) => <TextIn lang={firstFormLang(row.original.row?.entry?.glosses ?? {})} text={getValue()} />,
  }),
  helper.accessor((slot) => view(slot)?.dateModified ?? '', { id: 'date-modified', header: 'Modified', cell: ({ getValue }) => shortDate(getValue()), sortDescFirst: true }),
]);

/** Column widths, in the order above (rows are CSS grids so the virtual rows line up with the header). */
export const GRID_COLUMNS = '82px 26px minmax(110px, 1.1fr) minmax(104px, 0.8fr) minmax(140px, 2fr) 100px';

/** A cell's text in its writing system (font, direction), with the whole of it on hover when cut short. */
function TextIn({ text, lang, className }: { text: string; lang: string | undefined; className?: string }) {
  return (
    <span className={className} lang={lang} dir="auto" title={text || undefined}>
      {text}
    </span>
  );
}
