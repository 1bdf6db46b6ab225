import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ConnectionError } from '../basex/errors.js';
import type { Queryable } from '../basex/queryable.js';
import type { ImportResult } from '../domain/dictionaries.js';
import { checkDatabaseName, databaseNameFromFile, LIFT_DOC, META_DOC, RANGES_DOC, temporaryName } from './database-names.js';
import { onDatabase } from './database-query.js';
import { isOpenedElsewhere, LiftError } from './errors.js';
import { checkImport } from './import-check.js';
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
  readonly onProgress?: (progress: ImportProgress) => void;
}

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
 * replace the database of that name, so a failed import leaves an existing dictionary as it was.
 * The range file is found by name, never through the header's `<range href>` (FLEx writes the
 * exporter's own Windows paths there).
 */
export async function importLift(session: Queryable, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const lift = await inspect(file, 'lift', 'a LIFT file');
  const rangesPath = join(dirname(file), `${basename(file, extname(file))}.lift-ranges`);
  const ranges = (await isFile(rangesPath)) ? await inspect(rangesPath, 'lift-ranges', 'a LIFT ranges file') : undefined;
  const database = options.database === undefined ? databaseNameFromFile(file) : checkDatabaseName(options.database);
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
        await connection.command('CLOSE');
        progress.report('swap');
        await swap(connection, temporary, database);
        progress.report('done');
        progress.rethrow();
        return { database, ...counts, ranges: ranges !== undefined };
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

/**
 * Puts the new database in place of `database`: the old one is renamed aside first, so if
 * anything fails it is renamed back, and only dropped once the new one has its name.
 */
async function swap(session: Queryable, temporary: string, database: string): Promise<void> {
  const [exists, isDictionary] = await session.query(
    onDatabase(database, `declare variable $db external; (db:exists($db), db:exists($db) and db:exists($db, '${LIFT_DOC}'))`),
  );
  if (exists !== 'true') return alter(session, temporary, database);
  if (isDictionary !== 'true') {
    throw new LiftError('Conflict', `database "${database}" exists and is not a dictionary: choose another name`);
  }
  const aside = temporaryName(database, 'replaced');
  await alter(session, database, aside);
  try {
    await alter(session, temporary, database);
  } catch (error) {
    await alter(session, aside, database).catch(() => undefined);
    throw error;
  }
  await session.command(`DROP DB ${aside}`);
}

async function alter(session: Queryable, from: string, to: string): Promise<void> {
  try {
    await session.command(`ALTER DB ${from} ${to}`);
  } catch (error) {
    if (!isOpenedElsewhere(error)) throw error;
    throw new LiftError('Conflict', `dictionary "${to}" is open in another session: close it there and import again`, { cause: error });
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
