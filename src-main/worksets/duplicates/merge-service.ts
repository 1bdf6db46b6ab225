import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { BulkOutcome } from '../../domain/bulk-operations.js';
import type { ChangeAuthor } from '../../domain/changes.js';
import type { MergeOutcome, MergePreview } from '../../domain/duplicates.js';
import { operationPath } from '../../lift/bulk-log.js';
import { changeBindings, ensureChangeLog } from '../../lift/change-log.js';
import { onDatabase } from '../../lift/database-query.js';
import { dictionaryInfo } from '../../lift/dictionaries.js';
import { fieldEditBindings } from '../../lift/field-edit-xquery.js';
import { MERGE_PREVIEW, MERGE_WRITE } from '../../lift/merge-xquery.js';
import { allocateNumber } from '../../lift/server-register.js';
import type { BulkHooks, BulkService } from '../bulk/bulk-service.js';
import { storeIdentity } from '../bulk/operation-finder.js';
import type { Store } from '../store/index.js';
import { updateSortKeys } from '../sort-keys.js';
import { checkChoices, checkMergeRequest, type MergeRequest } from './merge-plan.js';

/**
 * Merging duplicate entries (merge-xquery.ts says what a merge does to each part). A merge is a
 * small bulk-like operation: one updating query writes every entry it touches with a change log
 * record holding its pre-image (op `merge`), and an operation document (`bulk/<id>.xml`) lists
 * them as written, so `undo OP_ID` (BulkService.undo) puts every one of them back byte for byte,
 * and `bulk list` shows it.
 */
export class MergeService {
  constructor(
    private readonly store: Store,
    private readonly author: ChangeAuthor,
    private readonly bulk: BulkService,
  ) {}

  /** What the merge would do, field by field; nothing is written. */
  async preview(session: Queryable, db: string, request: MergeRequest): Promise<MergePreview> {
    checkMergeRequest(request);
    await dictionaryInfo(session, db);
    const [json] = await session.query(onDatabase(db, MERGE_PREVIEW), bindings(request), { idempotent: true });
    const answer = JSON.parse(json) as MergePreview | { missing: string[] };
    if ('missing' in answer) throw new AppError('NotFound', `no entry ${answer.missing.join(', ')} in ${db} (deleted, or never there)`);
    checkChoices(answer, request.choices);
    return answer;
  }

  /**
   * Merges the entries, refusing (writing nothing) when one of them changed since `versions`
   * (a preview's): without them, since the preview this call makes first.
   */
  async merge(session: Queryable, db: string, request: MergeRequest, options: { versions?: Readonly<Record<string, string>>; window?: string } = {}): Promise<MergeOutcome> {
    const preview = await this.preview(session, db, request);
    const versions = options.versions ?? preview.versions;
    await ensureChangeLog(session, db);
    const id = await allocateNumber(session, 'op', db);
    const op = JSON.stringify({ merge: { keep: request.keep, merged: request.merged, choices: request.choices } });
    const lines = await session.query(onDatabase(db, MERGE_WRITE), {
      ...bindings(request),
      ...changeBindings({ author: this.author, window: options.window ?? 'cli', op: 'merge', bulk: id }),
      versions: Object.entries(versions).map(([guid, version]) => `${guid}=${version}`),
      path: operationPath(id), id, op, store: storeIdentity(this.author, this.store.folder), who: this.author.who,
    });
    const [first = ''] = lines;
    if (first.startsWith('missing\t')) throw new AppError('NotFound', `no entry ${first.slice(8)} in ${db} (deleted since the preview)`);
    if (first.startsWith('changed\t')) throw new AppError('Conflict', `entry ${first.slice(8)} was changed since the preview: look at the merge again`);
    const touched = lines.map((line) => line.split('\t')[0]);
    await updateSortKeys(this.store, session, db, touched);
    return { preview, operationId: id, touched };
  }

  /** Puts back every entry the merge wrote (the kept one, the tombstones, the re-pointed ones), as BulkService.undo does. */
  async undo(session: Queryable, operationId: number, hooks: BulkHooks = {}): Promise<BulkOutcome> {
    const found = await this.bulk.get(session, operationId);
    if (!found.merge) throw new AppError('Invalid', `operation ${operationId} is a bulk edit, not a merge: undo it with “undo ${operationId}”`);
    return this.bulk.undo(session, operationId, hooks);
  }
}

function bindings(request: MergeRequest): Record<string, string | number | string[]> {
  return { ...fieldEditBindings({ action: 'delete', field: 'entry' }), keep: request.keep, merged: [...request.merged], choices: [...request.choices] };
}
