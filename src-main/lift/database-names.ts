import { randomBytes } from 'node:crypto';
import { basename, extname } from 'node:path';
import { LiftError } from './errors.js';

/**
 * Where a dictionary lives inside its BaseX database, and which database names are allowed.
 *
 * A database is a dictionary iff it holds LIFT_DOC. The document paths are named once, in
 * documents.ts; they are re-exported here for the import and export code.
 */
export { LIFT_DOC, RANGES_DOC } from './documents.js';
/** How the imported files looked (BOM, line ends, declaration), so export can reproduce them. */
export const META_DOC = 'meta.xml';

/** Letters, digits, `_`, `-` and inner dots: what BaseX 9 accepts, limited to ASCII. */
const VALID_NAME = /^[A-Za-z0-9_-](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;
const MAX_NAME_LENGTH = 100;
/** A temporary name is a dictionary's name with a suffix (see temporaryName), and its log's name another. */
const MAX_TEMPORARY_LENGTH = MAX_NAME_LENGTH + '__replaced_00000000__log'.length;
/**
 * Suffix of the databases an import or a swap works in, and of the backup an import that
 * replaced a dictionary keeps of it (the time it was made, seconds since 1970 in hex, so names
 * sort by age); hidden from the dictionary list.
 */
const TEMPORARY_NAME = /__(?:import|replaced|backup)_[0-9a-f]{8}$/;
const BACKUP_SUFFIX = /__backup_([0-9a-f]{8})$/;
/** Suffix of a dictionary's change log (database-query.ts `logDatabase`). */
const LOG_NAME = /__log$/;
/** Suffix of the server's register of bulk operations (server-register.ts `OPERATIONS_DB`). */
const OPERATIONS_NAME = /__operations$/;

/**
 * Checks a database name before it goes into a command (CREATE/ALTER/DROP DB), where it cannot
 * be bound as a variable. BaseX itself also accepts `~!` and non-ASCII letters; we do not, so a
 * name is always a safe file name on every platform the app runs on.
 */
export function checkDatabaseName(name: string): string {
  checkLength(name, MAX_NAME_LENGTH);
  checkDatabaseSyntax(name);
  if (TEMPORARY_NAME.test(name)) {
    throw new LiftError('Invalid', `"${name}" is reserved for imports in progress: choose another database name`);
  }
  if (LOG_NAME.test(name)) {
    throw new LiftError('Invalid', `"${name}" ends in __log, which names a dictionary's change log: choose another database name`);
  }
  if (OPERATIONS_NAME.test(name)) {
    throw new LiftError('Invalid', `"${name}" ends in __operations, which names the server's list of bulk edits: choose another database name`);
  }
  return name;
}

/**
 * Checks that a name, a temporary one included, is made only of the characters above, so it can
 * be written into query text as a string literal (see database-query.ts).
 */
export function checkDatabaseSyntax(name: string): string {
  checkLength(name, MAX_TEMPORARY_LENGTH);
  if (!VALID_NAME.test(name)) {
    throw new LiftError(
      'Invalid',
      `"${name}" is not a valid database name: use letters A–Z, digits and - _ . (not at the start or end)`,
    );
  }
  return name;
}

/** Whether `name` passes checkDatabaseSyntax. */
export function isValidDatabaseName(name: string): boolean {
  return name.length <= MAX_TEMPORARY_LENGTH && VALID_NAME.test(name);
}

function checkLength(name: string, max: number): void {
  if (name.length > max) throw new LiftError('Invalid', `database name "${name.slice(0, 20)}…" is too long: at most ${max} characters`);
}

/**
 * The database name for a file: its base name without `.lift`, accents removed and every other
 * character outside [A-Za-z0-9_-] turned into `_` ("Dictionnaire éwé.lift" → "Dictionnaire_ewe").
 */
export function databaseNameFromFile(file: string): string {
  const base = basename(file, extname(file))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_NAME_LENGTH);
  return base === '' ? 'dictionary' : checkDatabaseName(base);
}

/** A fresh name beside `name` for an import in progress or a dictionary being replaced. */
export function temporaryName(name: string, purpose: 'import' | 'replaced'): string {
  return `${name}__${purpose}_${randomBytes(4).toString('hex')}`;
}

/** The name of a backup of dictionary `name` made at `at`. */
export function backupName(name: string, at: Date): string {
  return `${name}__backup_${Math.floor(at.getTime() / 1000).toString(16).padStart(8, '0')}`;
}

/** When `database` is a backup of dictionary `name`, the time it was made. */
export function backupTime(name: string, database: string): Date | undefined {
  const match = BACKUP_SUFFIX.exec(database);
  if (!match || database.slice(0, match.index) !== name) return undefined;
  return new Date(parseInt(match[1], 16) * 1000);
}

/** Whether `name` is an import's or a swap's working database, or a change log: no dictionary to list. */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY_NAME.test(name) || LOG_NAME.test(name);
}
