import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerConnector } from './basex/server-connector.js';
import { SessionRegistry } from './basex/session-registry.js';
import { FileGrants } from './file-grants.js';
import { EventBus } from './ipc/event-bus.js';
import type { HandlerTable } from './ipc/handler-table.js';
import { attachWindow, type WindowAttacher } from './ipc/window-attachment.js';
import { createHandlerTable, type Shell } from './ipc/handlers/index.js';
import { listDictionaries } from './lift/dictionaries.js';
import { importLift } from './lift/import.js';
import { resourcePath } from './resources.js';
import { UploadStore } from './uploads.js';
import { DICTIONARY_OPS, WORKSET_OPS, type ChangeRecord } from './domain/changes.js';
import type { SecretCodec } from './basex/saved-connections.js';
import { ChangeFollower } from './worksets/change-follower.js';
import type { Store } from './worksets/store/index.js';
import { openWorksetServices, type WorksetServices } from './worksets/workset-services.js';

export interface AppServicesOptions {
  readonly dataFolder: string;
  /** An existing BaseX server (default: $BASEX_URL, else the embedded one). */
  readonly basexUrl?: string;
  /** A file holding that server's password, when its URL has none (else the saved connection's). */
  readonly passwordFile?: string;
  /** That server's password as typed when asked. */
  readonly password?: string;
  /** How saved passwords are sealed (Electron: the OS keychain); plain, under the file's mode 0600, otherwise. */
  readonly secrets?: SecretCodec;
  readonly platform: 'electron' | 'browser';
  /** Import resources/sample/sample.lift the first time this data folder is used. */
  readonly importSampleOnFirstRun?: boolean;
  readonly shell: Shell;
}

export interface AppServices {
  readonly dataFolder: string;
  readonly server: ServerConnector;
  readonly registry: SessionRegistry;
  readonly bus: EventBus;
  readonly store: Store;
  /** The workset services the handlers use (the CLI builds the same, worksets/workset-services.ts). */
  readonly services: WorksetServices;
  /** Paths each window picked in a native dialog: the platform forgets a window's when it closes. */
  readonly grants: FileGrants;
  readonly table: HandlerTable;
  /** A window opening, on either transport: its session, events and ctx (ipc/window-attachment.ts). */
  readonly attachWindow: WindowAttacher;
  /** Brings changes other processes and desktops make into this one's windows and index. */
  readonly follower: ChangeFollower;
  close(): Promise<void>;
}

/**
 * Everything the main process runs, for Electron and the browser host alike: the BaseX server
 * lease, the session registry, the workset store, the event bus, the handler table and the
 * follower of the dictionaries' change logs. Bulk
 * operations a killed process left running are marked interrupted here, once, at start.
 */
export async function startServices(options: AppServicesOptions): Promise<AppServices> {
  mkdirSync(options.dataFolder, { recursive: true });
  const server = await ServerConnector.open({ dataFolder: options.dataFolder, basexUrl: options.basexUrl, passwordFile: options.passwordFile, password: options.password, secrets: options.secrets });
  const services = openWorksetServices(options.dataFolder);
  const { store } = services;
  const registry = new SessionRegistry(() => server.connect());
  const bus = new EventBus();
  registry.onChange((counts) => bus.broadcast('sessions', counts));
  if (options.importSampleOnFirstRun) await importSampleOnce(server, options.dataFolder);
  const grants = new FileGrants();
  const table = createHandlerTable({
    platform: options.platform,
    dataFolder: options.dataFolder,
    server,
    registry,
    bus,
    store,
    worksets: services.worksets,
    entries: services.entries,
    checks: services.checks,
    bulk: services.bulk,
    presence: services.presence,
    duplicates: services.duplicates,
    merges: services.merges,
    author: services.author,
    setPersonName: (who) => services.setPersonName(who),
    uploads: new UploadStore(join(options.dataFolder, 'uploads')),
    grants,
    shell: options.shell,
  });
  const follower = new ChangeFollower({
    store,
    author: services.author,
    connect: () => server.connect(),
    onChanges: (dictionary, changes) => {
      if (changes.some((c) => DICTIONARY_OPS.includes(c.op))) bus.broadcast('dictionaries-changed', { name: dictionary, origin: 'log' });
      // A check's rules or required writing systems (workset records naming no workset) changed elsewhere.
      if (changes.some((c) => c.op === 'workset' && c.workset === undefined)) bus.broadcast('worksets-changed', { dictionary, origin: 'log' });
      for (const [worksetId, curated] of byWorkset(changes)) {
        bus.broadcast('worksets-changed', { dictionary, worksetId, guids: [...new Set(curated.map((c) => c.guid).filter((g) => g !== ''))], origin: 'log' });
      }
      const entries = changes.filter((c) => c.guid !== '' && !WORKSET_OPS.includes(c.op));
      if (entries.length === 0) return;
      bus.broadcast('entries-changed', {
        dictionary,
        guids: [...new Set(entries.map((c) => c.guid))],
        origin: 'log',
        who: [...new Set(entries.map((c) => c.who))].join(', '),
      });
    },
  });
  await follower.start();
  let closing: Promise<void> | undefined;
  return {
    dataFolder: options.dataFolder,
    server,
    registry,
    bus,
    store,
    services,
    grants,
    table,
    follower,
    attachWindow: (windowId, send, also = []) => attachWindow({ registry, bus, forgetters: [grants, ...also], leavers: [services.presence] }, windowId, send),
    close: () =>
      (closing ??= (async () => {
        await follower.stop();
        await registry.closeAll();
        services.close();
        await server.release();
      })()),
  };
}

/** The workset changes among `changes`, by workset. */
function byWorkset(changes: readonly ChangeRecord[]): Map<number, ChangeRecord[]> {
  const grouped = new Map<number, ChangeRecord[]>();
  for (const c of changes) {
    if (!WORKSET_OPS.includes(c.op) || c.workset === undefined) continue;
    const group = grouped.get(c.workset);
    if (group) group.push(c);
    else grouped.set(c.workset, [c]);
  }
  return grouped;
}

/** The sample dictionary, once per data folder (deleting it later does not bring it back). */
async function importSampleOnce(server: ServerConnector, dataFolder: string): Promise<void> {
  const marker = join(dataFolder, '.sample-imported');
  if (existsSync(marker)) return;
  const session = await server.connect();
  try {
    const existing = await listDictionaries(session);
    if (!existing.some((d) => d.name === 'sample')) await importLift(session, resourcePath('sample', 'sample.lift'), { database: 'sample' });
    writeFileSync(marker, new Date().toISOString() + '\n');
  } finally {
    await session.close();
  }
}
