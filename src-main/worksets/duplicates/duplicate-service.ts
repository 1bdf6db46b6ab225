import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { ChangeAuthor } from '../../domain/changes.js';
import type { DuplicateReport } from '../../domain/duplicates.js';
import { dictionaryInfo } from '../../lift/dictionaries.js';
import { readEntryRows, readSeparated, recordSeparated } from '../../lift/duplicate-rows.js';
import { findDuplicates } from './find-duplicates.js';

/** Candidate duplicates of a dictionary, and the "not duplicates" said of them, kept on its server. */
export class DuplicateService {
  constructor(private readonly author: ChangeAuthor) {}

  /** Groups of likely duplicates, best first; pairs said not to be duplicates are left out. */
  async find(session: Queryable, db: string, hooks: { onRead?: (ms: number) => void } = {}): Promise<DuplicateReport> {
    await dictionaryInfo(session, db);
    const started = performance.now();
    const [rows, separated] = await Promise.all([readEntryRows(session, db), readSeparated(session, db)]);
    hooks.onRead?.(performance.now() - started);
    return { groups: findDuplicates(rows, separated) };
  }

  /** Records that the entries are not duplicates of one another: no group holding two of them is proposed again. */
  async separate(session: Queryable, db: string, guids: readonly string[], window = 'cli'): Promise<{ separated: number }> {
    const distinct = [...new Set(guids)];
    if (distinct.length < 2) throw new AppError('Invalid', 'say which entries are not duplicates: at least two guids');
    await dictionaryInfo(session, db);
    const pairs: [string, string][] = [];
    for (let i = 0; i < distinct.length; i++) for (let j = i + 1; j < distinct.length; j++) pairs.push([distinct[i], distinct[j]]);
    await recordSeparated(session, db, pairs, { author: this.author, window, op: 'not-duplicates' });
    return { separated: pairs.length };
  }
}
