import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The browser host's last address (port and access token), kept in the data folder so that
 * `serve` started again takes it back when the port is free: tabs left open from the earlier
 * launch reconnect by themselves, and a bookmarked address keeps working. The token is a
 * secret, so the file is readable by its owner only.
 */
export interface HostAddress {
  readonly port: number;
  readonly token: string;
}

const FILE = 'browser-host.json';
const addressSchema = z.object({ port: z.number().int().min(1).max(65535), token: z.string().regex(/^[A-Za-z0-9_-]{32,}$/) });

/** The address saved by the last launch on this data folder; undefined when none (or unreadable). */
export function readSavedAddress(dataFolder: string): HostAddress | undefined {
  try {
    const parsed = addressSchema.safeParse(JSON.parse(readFileSync(join(dataFolder, FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveAddress(dataFolder: string, address: HostAddress): void {
  const file = join(dataFolder, FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(address)}\n`, { mode: 0o600 });
  // The mode of a file that already existed is not changed by writeFileSync.
  chmodSync(`${file}.tmp`, 0o600);
  renameSync(`${file}.tmp`, file);
}
