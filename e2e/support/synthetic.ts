import { expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticLift } from '../../scripts/lift-generator.js';
import type { RunningHost } from './host.js';

/**
 * A synthetic dictionary of `entries` entries (scripts/lift-generator.ts), generated into a
 * temporary folder, imported into the host's data folder as `db`, with one workset over all of
 * it. Returns the workset's id.
 */
export async function syntheticWorkset(host: RunningHost, options: { entries: number; db: string; name?: string }): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'wb-synthetic-'));
  try {
    const file = join(folder, `${options.db}.lift`);
    await writeSyntheticLift(file, { entries: options.entries, seed: 1 });
    const imported = await host.cli(['import', file, '--db', options.db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const query = JSON.stringify({ match: 'all', filters: [] });
  const created = await host.cli(['worksets', 'create', options.db, '--name', options.name ?? 'All', '--query', query, '--json']);
  expect(created.code, created.stderr).toBe(0);
  const workset = JSON.parse(created.stdout) as { id: number; total: number };
  expect(workset.total).toBe(options.entries);
  return workset.id;
}
