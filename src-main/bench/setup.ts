import { existsSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticLift } from '../../scripts/lift-generator.js';
import { startServices, type AppServices } from '../app-services.js';
import { BaseXSession } from '../basex/client-session.js';
import type { WorksetQueryInput } from '../worksets/workset-service.js';
import { logDatabase } from '../lift/database-query.js';
import { importLift } from '../lift/import.js';
import { BulkService } from '../worksets/bulk/bulk-service.js';
import { EntryService } from '../worksets/entry-service.js';
import { WorksetService } from '../worksets/workset-service.js';

export interface BenchOptions {
  /** Entries of the synthetic dictionary (ignored with `file`). */
  readonly entries: number;
  /** A real LIFT file to measure instead of a synthetic one. */
  readonly file?: string;
  /** Timed runs per measure (after a warm-up). */
  readonly runs: number;
  /** The bench's own data folder: its BaseX databases, SQLite file and generated files. */
  readonly dataFolder: string;
  readonly log: (line: string) => void;
}

export interface BenchContext {
  readonly options: BenchOptions;
  readonly file: string;
  readonly db: string;
  readonly entries: number;
  readonly services: AppServices;
  /** A session of its own for baselines and set-up, apart from the windows'. */
  readonly admin: BaseXSession;
  readonly worksets: WorksetService;
  readonly entryService: EntryService;
  readonly bulk: BulkService;
}

/** The filters of the "create a workset" measure: pos equals + definition missing. */
export function twoFilterQuery(pos: string): WorksetQueryInput {
  return { match: 'all', filters: [{ field: 'pos', op: 'equals', value: pos }, { field: 'definition', lang: 'en', op: 'missing' }] };
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}, Node ${process.version}, BaseX 9.7.2`;
}

/** Generates (or reuses) the dictionary, starts the services on the bench's data folder, imports it once. */
export async function setUp(options: BenchOptions): Promise<BenchContext> {
  mkdirSync(options.dataFolder, { recursive: true });
  const file = options.file ?? join(options.dataFolder, `synthetic-${options.entries}.lift`);
  if (!options.file && !existsSync(file)) {
    options.log(`generating ${options.entries} entries into ${file}`);
    await writeSyntheticLift(file, { entries: options.entries, seed: 7 });
  }
  const services = await startServices({
    dataFolder: options.dataFolder,
    platform: 'browser',
    shell: { openWindow: async () => ({ opened: false }) },
  });
  const admin = await BaseXSession.connect(services.server.address, { timeoutMs: 30 * 60_000 });
  options.log(`importing ${file}`);
  // Each run starts from a fresh dictionary and an empty change log: the bench's own data
  // folder, so nothing of anyone's is dropped, and earlier runs' records do not weigh on this one.
  for (const name of ['bench', 'bench_other']) {
    await admin.command(`DROP DB ${name}`);
    await admin.command(`DROP DB ${logDatabase(name)}`);
    await admin.command(`DROP DB ${name}__backup_*`);
  }
  const imported = await importLift(admin, file, { database: 'bench' });
  return {
    options,
    file,
    db: imported.database,
    entries: imported.entries,
    services,
    admin,
    worksets: services.services.worksets,
    entryService: services.services.entries,
    bulk: services.services.bulk,
  };
}

export async function tearDown(context: BenchContext): Promise<void> {
  for (const workset of await context.worksets.list(context.admin, context.db)) await context.worksets.delete(context.admin, workset.id);
  await context.admin.close();
  await context.services.close();
}
