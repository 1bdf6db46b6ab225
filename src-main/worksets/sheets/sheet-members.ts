import type { Queryable } from '../../basex/queryable.js';
import { sheetCells } from '../../lift/sheet-cells.js';
import type { Store } from '../store/index.js';
import { MAX_PAGE_SIZE } from '../store/types.js';
import type { WorksetService } from '../workset-service.js';
import type { EntryCells, MemberCells } from './columns.js';

/** A workset as a sheet sees it: each member's curation and its entry's cells, in place order. */
export interface SheetMembers {
  readonly dictionary: string;
  readonly name: string;
  /** Members whose entry still exists, in place order. */
  readonly entries: readonly EntryCells[];
  readonly curation: ReadonlyMap<string, MemberCells>;
}

/** Entries read from BaseX per query: one page's worth. */
const BATCH = MAX_PAGE_SIZE;

export async function sheetMembers(session: Queryable, store: Store, worksets: WorksetService, id: number): Promise<SheetMembers> {
  const summary = await worksets.get(session, id);
  const { localId } = await worksets.copy(session, id);
  const curation = new Map<string, MemberCells>();
  for (let offset = 0; ; offset += BATCH) {
    const page = store.entries.page(localId, { offset, limit: BATCH });
    for (const row of page.rows) curation.set(row.guid, { status: row.status, favourite: row.favourite, notes: row.notes });
    if (offset + BATCH >= page.total) break;
  }
  const guids = [...curation.keys()];
  const entries: EntryCells[] = [];
  for (let i = 0; i < guids.length; i += BATCH) entries.push(...(await sheetCells(session, summary.dictionary, guids.slice(i, i + BATCH))));
  return { dictionary: summary.dictionary, name: summary.name, entries, curation };
}
