import type { Queryable } from '../../basex/queryable.js';
import type { BulkState } from '../../domain/bulk-states.js';
import type { ChangeAuthor } from '../../domain/changes.js';
import { completeOperation, createOperation, listOperations, moveOperation } from '../../lift/bulk-log.js';
import { addLegacyMembers, MEMBER_STATES, type LegacyMember } from '../../lift/bulk-members.js';
import { databaseNames } from '../../lift/dictionaries.js';
import { reconcileEdit } from '../../lift/entry-xml.js';
import type { LegacyJournalRow, LegacyOperation, Store } from '../store/index.js';
import { editOf } from './operation-finder.js';

const BATCH = 500;

/**
 * Moves the bulk operations a data folder's SQLite journal still holds (from before they lived
 * on the dictionary's server) to that server, each with every entry's state and, for entries it
 * wrote, the pre-image undo needs; then forgets them locally. Entries a crashed run left pending
 * are checked against BaseX first (reconcileEdit): written ones count as written.
 *
 * An operation whose dictionary is not on this server waits for a start connected to the one
 * that has it. One moved before a kill cut off its local removal is recognised by its `legacy`
 * mark and not moved twice.
 */
export async function migrateLegacyJournal(store: Store, session: Queryable, context: { author: ChangeAuthor; store: string }): Promise<void> {
  const operations = store.legacyBulk.operations();
  if (operations.length === 0) {
    store.legacyBulk.dropIfEmpty();
    return;
  }
  const present = new Set(await databaseNames(session));
  for (const legacy of operations) {
    if (!present.has(legacy.dictionary)) continue;
    const mark = `${context.store}#${legacy.id}`;
    const moved = (await listOperations(session, legacy.dictionary)).find((op) => op.legacy === mark);
    if (!moved?.complete) await moveOne(store, session, legacy, mark, context);
    store.legacyBulk.remove(legacy.id);
  }
}

async function moveOne(store: Store, session: Queryable, legacy: LegacyOperation, mark: string, context: { author: ChangeAuthor; store: string }): Promise<void> {
  const db = legacy.dictionary;
  const created = await createOperation(session, db, { worksetId: legacy.worksetId, op: legacy.op, store: context.store, who: context.author.who, legacy: mark });
  // A run that was cut off may have written entries its journal still calls pending.
  const crashed = legacy.state === 'running' || legacy.state === 'interrupted' || legacy.state === 'failed';
  for (const rows of store.legacyBulk.journal(legacy.id, BATCH)) {
    const pending = crashed ? rows.filter((r) => r.state === 'pending') : [];
    const written = new Map<string, string>();
    if (pending.length > 0) {
      const outcomes = await reconcileEdit(session, db, editOf(legacy.op), pending.map((r) => ({ guid: r.guid, preImage: r.preImage, previewVersion: r.previewHash })));
      for (const o of outcomes) if (o.state === 'applied' && o.version) written.set(o.guid, o.version);
    }
    await addLegacyMembers(session, db, created.id, rows.map((r) => member(r, written.get(r.guid))));
  }
  const state: BulkState = legacy.state === 'running' ? 'interrupted' : legacy.state;
  if (state !== 'previewed') {
    await moveOperation(session, db, created.id, { from: ['previewed'], to: state, error: legacy.error ?? (state === 'interrupted' ? 'its run stopped before it moved to the server' : undefined) });
  }
  await completeOperation(session, db, created.id);
}

function member(row: LegacyJournalRow, reconciledVersion: string | undefined): LegacyMember {
  const base = { guid: row.guid, version: row.previewHash, after: '', why: '', pre: '' };
  if (row.state === 'applied' || reconciledVersion !== undefined) {
    return { ...base, state: MEMBER_STATES.applied, after: row.postHash ?? reconciledVersion ?? '', pre: row.preImage };
  }
  if (row.state === 'skipped') return { ...base, state: MEMBER_STATES.skipped, why: row.reason ?? '' };
  if (row.state === 'restored') return { ...base, state: MEMBER_STATES.restored };
  return { ...base, state: '' };
}
