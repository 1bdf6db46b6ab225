import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { RunningHost } from './host.js';

/** The dictionary as the CLI exports it now (into the host's data folder as `name`), for byte comparisons. */
export async function exportedLift(host: RunningHost, dictionary: string, name: string): Promise<string> {
  const file = join(host.dataFolder, name);
  const run = await host.cli(['export', dictionary, file]);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(file, 'utf8');
}
