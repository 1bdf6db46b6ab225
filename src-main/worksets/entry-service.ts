import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { FieldEdit } from '../domain/edits.js';
import type { EntryDetail } from '../domain/entries.js';
import { entryViews } from '../lift/entry-view.js';
import { applyEdit, readEntries } from '../lift/entry-xml.js';
import { checkEdit } from './check-edit.js';
import type { Store } from './store/index.js';
import { updateSortKeys } from './sort-keys.js';

/**
 * One entry: read it, and edit one field of it with optimistic concurrency. The caller sends
 * the version it saw; if the entry changed since, the edit is refused with a Conflict carrying
 * the current entry, so the UI can show both versions — never a silent overwrite.
 */
export class EntryService {
  constructor(private readonly store: Store) {}

  async get(session: Queryable, dictionary: string, guid: string): Promise<EntryDetail> {
    const detail = await readDetail(session, dictionary, guid);
    if (!detail) throw new AppError('NotFound', `entry ${guid} is not in ${dictionary} (deleted or never there)`);
    return detail;
  }

  async edit(session: Queryable, dictionary: string, guid: string, version: string, edit: FieldEdit): Promise<EntryDetail> {
    await checkEdit(session, edit);
    const [outcome] = await applyEdit(session, dictionary, edit, [{ guid, version }]);
    if (outcome.state === 'missing') throw new AppError('NotFound', `entry ${guid} was deleted from ${dictionary}`);
    const current = await this.get(session, dictionary, guid);
    if (outcome.state === 'changed') {
      throw new AppError('Conflict', 'this entry was changed in another window since you opened it: keep your version or take the current one', current);
    }
    if (outcome.state === 'applied') await updateSortKeys(this.store, session, dictionary, [guid]);
    return current;
  }

}

async function readDetail(session: Queryable, dictionary: string, guid: string): Promise<EntryDetail | undefined> {
  const [xml] = await readEntries(session, dictionary, [guid]);
  if (!xml) return undefined;
  const [view] = await entryViews(session, dictionary, [guid]);
  return view ? { view, xml: xml.xml, version: xml.version } : undefined;
}
