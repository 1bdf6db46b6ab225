import { rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Queryable } from '../basex/queryable.js';
import type { ExportResult } from '../domain/dictionaries.js';
import { CURATED_CHUNK, worksetsWithMembers } from './curation-annotations.js';
import { checkDatabaseName, LIFT_DOC, RANGES_DOC } from './database-names.js';
import { onDatabase } from './database-query.js';
import { dictionaryInfo } from './dictionaries.js';
import { writeDocument } from './document-writer.js';
import { LiftError } from './errors.js';
import { MODIFIED_AT } from './xquery.js';

/** An export that keeps meeting edits gives up after this many tries rather than write a mix. */
const ATTEMPTS = 3;

export interface ExportOptions {
  /** Write each workset's status, favourite, notes (and its query) as annotations on its entries (curation-annotations.ts). */
  readonly withCuration?: boolean;
}

/**
 * Writes a dictionary to `outFile`, and its ranges (if it has any) beside it as
 * `<base name>.lift-ranges`.
 *
 * The document is fetched in chunks of entries, so nothing holds a large dictionary whole. Both
 * files are written under temporary names and renamed into place only when complete; if the
 * database changed while they were written (another window saved an edit), they are thrown away
 * and written again, so an export is always one consistent state of the dictionary.
 * Without `withCuration` the .lift is the dictionary alone, exactly as imported and edited.
 */
export async function exportLift(session: Queryable, database: string, outFile: string, options: ExportOptions = {}): Promise<ExportResult> {
  checkDatabaseName(database);
  await dictionaryInfo(session, database); // NotFound before anything else
  const folder = dirname(outFile);
  if (!(await stat(folder).catch(() => undefined))?.isDirectory()) throw new LiftError('NotFound', `folder ${folder} does not exist`);
  for (let attempt = 1; ; attempt++) {
    const before = await modifiedAt(session, database);
    const { entries } = await dictionaryInfo(session, database);
    const hasRanges = (await session.query(
      onDatabase(database, `declare variable $db external; db:exists($db, '${RANGES_DOC}')`),
      {},
      { idempotent: true },
    ))[0] === 'true';
    const rangesFile = hasRanges ? join(dirname(outFile), `${basename(outFile, extname(outFile))}.lift-ranges`) : undefined;
    const written: Array<readonly [string, string]> = [];
    try {
      const curated = options.withCuration ? await worksetsWithMembers(session, database) : undefined;
      written.push([await writeDocument(session, database, LIFT_DOC, outFile, ...(options.withCuration ? [CURATED_CHUNK] : [])), outFile]);
      if (rangesFile) written.push([await writeDocument(session, database, RANGES_DOC, rangesFile), rangesFile]);
      if ((await modifiedAt(session, database)) === before) {
        for (; written.length > 0; written.shift()) await rename(written[0][0], written[0][1]);
        return { file: outFile, ...(rangesFile ? { rangesFile } : {}), entries, ...(curated === undefined ? {} : { curatedWorksets: curated }) };
      }
    } catch (error) {
      // A chunk fetched by `pre` can fail when an edit moved the nodes: that is a change too.
      if ((await modifiedAt(session, database)) === before) throw error;
    } finally {
      for (const [temporary] of written) await unlink(temporary).catch(() => undefined);
    }
    if (attempt === ATTEMPTS) {
      throw new LiftError('Conflict', `dictionary "${database}" kept changing while it was exported: try again when edits are saved`);
    }
  }
}

async function modifiedAt(session: Queryable, database: string): Promise<string> {
  return (await session.query(onDatabase(database, MODIFIED_AT), {}, { idempotent: true }))[0] ?? '';
}
