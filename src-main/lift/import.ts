import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ConnectionError } from '../basex/errors.js';
import type { Queryable } from '../basex/queryable.js';
import type { ImportResult } from '../domain/dictionaries.js';
import type { ChangeMeta } from './change-log.js';
import { checkDatabaseName, databaseNameFromFile, LIFT_DOC, META_DOC, RANGES_DOC, temporaryName } from './database-names.js';
import { installDictionary, refuseToReplace } from './dictionary-swap.js';
import { LiftError } from './errors.js';
import { carriedWorksetNames } from './curation-annotations.js';
import { checkImport } from './import-check.js';
import { importedRanges, type ImportedRanges } from './imported-ranges.js';
import { metaXml, type ImportedDocument } from './meta.js';
import { parseErrorOf } from './parse-errors.js';
import { ImportProgressReporter } from './progress.js';
import { openedDatabase, withImportOptions } from './session-options.js';
import { readSourceLayout, type SourceLayout } from './source-layout.js';
import { uploadFile, type UploadTarget } from './upload.js';

export interface ImportProgress {
  readonly phase: 'upload' | 'check' | 'swap' | 'done';
  readonly bytesSent: number;
  readonly totalBytes: number;
}

export interface ImportOptions {
  /** Database name; default: from the file's base name. */
  readonly database?: string;
  /**
   * Put the file in the place of a dictionary of that name, keeping it as a backup. Without it,
   * importing onto an existing dictionary is refused before anything is sent (a Conflict that
   * says how many of its entries were changed since it was imported).
   */
  readonly replace?: boolean;
  /** Who imports, from where, for the dictionary's change log (default: nobody named). */
  readonly change?: Omit<ChangeMeta, 'op'>;
  readonly onProgress?: (progress: ImportProgress) => void;
}

const NOBODY: Omit<ChangeMeta, 'op'> = { author: { who: '', process: process.pid, host: '', instance: '' }, window: '' };

interface SourceFile {
  readonly file: string;
  readonly size: number;
  readonly layout: SourceLayout;
}

/**
 * Imports a LIFT file, and the .lift-ranges file of the same base name beside it, into its own
 * database.
 *
 * The files are streamed into a temporary database; only when they parsed and check out does it
 * take the name (dictionary-swap.ts), so a failed import leaves an existing dictionary as it was.
 * A dictionary of that name is replaced only when asked, and kept as a backup.
 * The range file is found by name, never through the header's `<range href>` (FLEx writes the
 * exporter's own Windows paths there).
 */
export async function importLift(session: Queryable, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const lift = await inspect(file, 'lift', 'a LIFT file');
  const rangesPath = join(dirname(file), `${basename(file, extname(file))}.lift-ranges`);
  const ranges = (await isFile(rangesPath)) ? await inspect(rangesPath, 'lift-ranges', 'a LIFT ranges file') : undefined;
  const database = options.database === undefined ? databaseNameFromFile(file) : checkDatabaseName(options.database);
  await refuseToReplace(session, database, options.replace ?? false);
  const progress = new ImportProgressReporter(options.onProgress, lift.size + (ranges?.size ?? 0));
  const temporary = temporaryName(database, 'import');
  try {
    // One connection throughout: the options and the opened database live on it (see pinned).
    return await withImportOptions(session, async (connection) => {
      const previouslyOpened = await openedDatabase(connection);
      try {
        progress.report('upload', 0);
        // The database is created from the file, not created empty and then added to: BaseX
        // then builds its indexes once instead of updating them entry by entry (measured at
        // 100,000 entries: 3.9 s against 5.2-7.7 s). Its document is named after the database.
        const documents = [await upload(connection, { create: temporary }, LIFT_DOC, lift, (sent) => progress.report('upload', sent))];
        await connection.command(`RENAME ${temporary}.xml ${LIFT_DOC}`);
        if (ranges) documents.push(await upload(connection, { add: RANGES_DOC }, RANGES_DOC, ranges, (sent) => progress.report('upload', lift.size + sent)));
        progress.rethrow();
        await connection.add(META_DOC, metaXml(documents, new Date()));
        progress.report('check');
        const counts = await checkImport(connection, temporary, lift);
        const rangesFound = await importedRanges(connection, temporary);
        const curationWorksets = (await carriedWorksetNames(connection, temporary)).length;
        await connection.command('CLOSE');
        progress.report('swap');
        // Looked at again: another import may have made the dictionary since the first look.
        await refuseToReplace(connection, database, options.replace ?? false);
        const { backup } = await installDictionary(connection, temporary, database, { ...(options.change ?? NOBODY), op: 'import' });
        progress.report('done');
        progress.rethrow();
        return { database, ...counts, ...rangesOutcome(ranges !== undefined, rangesFound), ...(backup ? { backup } : {}), ...(curationWorksets > 0 ? { curationWorksets } : {}) };
      } catch (error) {
        // Best effort: if the connection is gone, so is any way to drop it; the name stays hidden.
        await connection.command(`DROP DB ${temporary}`).catch(() => undefined);
        throw error;
      } finally {
        await reopen(connection, previouslyOpened).catch(() => undefined);
      }
    });
  } catch (error) {
    if (!(error instanceof ConnectionError)) throw error;
    // An existing dictionary is replaced only once the new one is complete (swap): importing again is safe.
    throw new ConnectionError(`the connection to the dictionary server was lost while importing ${basename(file)}: import it again (${database} is replaced only once a new copy is complete)`, { cause: error });
  }
}

/** What the result says of the ranges: how many came, or which file the header names that did not. */
function rangesOutcome(given: boolean, found: ImportedRanges): Pick<ImportResult, 'ranges' | 'rangeCount' | 'missingRangesFile'> {
  if (given) return { ranges: true, rangeCount: found.count };
  return { ranges: false, ...(found.referenced ? { missingRangesFile: found.referenced } : {}) };
}

/** Checks a file before anything is sent: it exists, is UTF-8 XML without a DOCTYPE, has the right root. */
async function inspect(file: string, root: string, what: string): Promise<SourceFile> {
  const stats = await stat(file).catch(() => undefined);
  if (!stats) throw new LiftError('NotFound', `${file} does not exist`);
  if (!stats.isFile()) throw new LiftError('Invalid', `${file} is not a file`);
  const layout = await readSourceLayout(file, stats.size);
  if (layout.rootName !== root) {
    throw new LiftError('Invalid', `${basename(file)}:${layout.rootLine}:${layout.rootColumn}: not ${what}: its root element is <${layout.rootName}>`, {
      line: layout.rootLine,
      column: layout.rootColumn,
    });
  }
  return { file, size: stats.size, layout };
}

async function upload(
  session: Queryable,
  target: UploadTarget,
  path: string,
  source: SourceFile,
  onBytes: (sent: number) => void,
): Promise<ImportedDocument> {
  try {
    const newline = await uploadFile(session, target, source.file, source.size, onBytes);
    const { bom, declaration, gaps, tail } = source.layout;
    const file = basename(source.file);
    return { path, file, bytes: source.size, bom, newline, gaps, tail, ...(declaration === undefined ? {} : { declaration }) };
  } catch (error) {
    throw (await parseErrorOf(error, source.file)) ?? error;
  }
}

/** Leaves the session with the database it had opened before the import (CREATE DB opened ours). */
async function reopen(session: Queryable, database: string | undefined): Promise<void> {
  try {
    await session.command(database === undefined ? 'CLOSE' : `OPEN ${database}`);
  } catch {
    await session.command('CLOSE').catch(() => undefined);
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}
