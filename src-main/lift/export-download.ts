import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Queryable } from '../basex/queryable.js';
import type { ExportResult } from '../domain/dictionaries.js';
import { writeZip } from '../zip-file.js';
import { checkDatabaseName } from './database-names.js';
import { exportLift, type ExportOptions } from './export.js';

/**
 * An export handed over as one file (the browser host's download): `NAME-STAMP.lift` in
 * `folder`, or — when the dictionary has ranges — `NAME-STAMP.zip` holding `NAME.lift` and
 * `NAME.lift-ranges`, the two files exportLift writes side by side (as the CLI's export does),
 * so whoever unpacks it finds the ranges beside the .lift.
 */
export async function exportAsOneFile(session: Queryable, database: string, folder: string, stamp: string, options: ExportOptions = {}): Promise<ExportResult> {
  checkDatabaseName(database);
  // A folder of its own, so the files inside the archive can have the dictionary's plain names.
  const work = join(folder, `.${database}-${stamp}-${randomBytes(4).toString('hex')}`);
  await mkdir(work, { recursive: true });
  try {
    const written = await exportLift(session, database, join(work, `${database}.lift`), options);
    const curated = written.curatedWorksets === undefined ? {} : { curatedWorksets: written.curatedWorksets };
    if (written.rangesFile === undefined) {
      const file = join(folder, `${database}-${stamp}.lift`);
      await rename(written.file, file);
      return { file, entries: written.entries, ...curated };
    }
    const file = join(folder, `${database}-${stamp}.zip`);
    const zipped = { lift: basename(written.file), ranges: basename(written.rangesFile) };
    await writeZip(file, [
      { name: zipped.lift, file: written.file },
      { name: zipped.ranges, file: written.rangesFile },
    ]);
    return { file, entries: written.entries, zipped, ...curated };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
