import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The name a person set in the app for the change log, kept in the data folder (`person.json`) so
 * the app and the CLI on that folder record the same name. Longer than 200 characters or empty
 * is refused by the contract; here it is only read and written.
 */
const FILE = 'person.json';

export function readPersonName(dataFolder: string): string | undefined {
  const file = join(dataFolder, FILE);
  if (!existsSync(file)) return undefined;
  try {
    const { who } = JSON.parse(readFileSync(file, 'utf8')) as { who?: unknown };
    return typeof who === 'string' && who.trim() ? who.trim() : undefined;
  } catch {
    // A damaged file names nobody: the default applies, and the next save writes it anew.
    return undefined;
  }
}

export function savePersonName(dataFolder: string, who: string): void {
  mkdirSync(dataFolder, { recursive: true });
  const file = join(dataFolder, FILE);
  // Written aside and renamed: a crash never leaves half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ who })}\n`);
  renameSync(`${file}.tmp`, file);
}
