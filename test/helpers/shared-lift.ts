import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real FLEx and WeSay exports in ../shared/lift, read in place and never copied. */
export const SHARED_LIFT = resolve(import.meta.dirname, '../../../shared/lift');

export interface SharedLiftFile {
  readonly name: string;
  readonly lift: string;
  readonly ranges: string | undefined;
}

export function sharedLiftFiles(): SharedLiftFile[] {
  if (!existsSync(SHARED_LIFT)) throw new Error(`the real LIFT test data is missing: expected ${SHARED_LIFT}`);
  return readdirSync(SHARED_LIFT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => {
      const folder = join(SHARED_LIFT, dir.name);
      const files = readdirSync(folder);
      const lift = files.find((file) => file.endsWith('.lift'));
      if (!lift) return [];
      const ranges = files.find((file) => file.endsWith('.lift-ranges'));
      return [{ name: dir.name, lift: join(folder, lift), ranges: ranges ? join(folder, ranges) : undefined }];
    });
}
