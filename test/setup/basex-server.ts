import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { useEmbeddedServer } from '../../src-main/basex/server-launcher.js';
import type { BaseXAddress } from '../../src-main/basex/client-session.js';

declare module 'vitest' {
  export interface ProvidedContext {
    basex: BaseXAddress;
    basexDataFolder: string;
  }
}

/** Starts one real BaseX server for the run, in a data folder of its own, and stops it after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'wb-test-'));
  const lease = await useEmbeddedServer(dataFolder);
  project.provide('basex', lease.address);
  project.provide('basexDataFolder', dataFolder);
  return async () => {
    await lease.release();
    rmSync(dataFolder, { recursive: true, force: true });
  };
}
