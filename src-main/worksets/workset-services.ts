import type { ChangeAuthor } from '../domain/changes.js';
import { BulkService } from './bulk/bulk-service.js';
import { CheckService } from './check-service.js';
import { changeAuthor } from './change-author.js';
import { DuplicateService } from './duplicates/duplicate-service.js';
import { MergeService } from './duplicates/merge-service.js';
import { PresenceService } from './presence-service.js';
import { EntryService } from './entry-service.js';
import { readPersonName, savePersonName } from './person-name.js';
import { openStore, type Store } from './store/index.js';
import { WorksetService } from './workset-service.js';

export { changeAuthor } from './change-author.js';

/** The services over one data folder's workset store, as the app and the CLI both use them. */
export interface WorksetServices {
  readonly store: Store;
  readonly worksets: WorksetService;
  readonly entries: EntryService;
  readonly bulk: BulkService;
  readonly presence: PresenceService;
  readonly checks: CheckService;
  readonly duplicates: DuplicateService;
  readonly merges: MergeService;
  /** Who this process's writes are recorded as (its `who` follows setPersonName). */
  readonly author: ChangeAuthor;
  /** The person's name as set in the app: recorded from the next write on, and kept in the data folder. */
  setPersonName(who: string): void;
  close(): void;
}

/**
 * Opens the data folder's store and builds its services: one place, so the app, the CLI and the
 * bench run the same services with the same invariants.
 */
export function openWorksetServices(dataFolder: string, options: { who?: string } = {}): WorksetServices {
  const store = openStore(dataFolder);
  const fixed = changeAuthor(options.who, process.env, readPersonName(dataFolder));
  let who = fixed.who;
  // One object every service holds: a name set later is read at the next write.
  const author: ChangeAuthor = {
    get who() {
      return who;
    },
    process: fixed.process,
    host: fixed.host,
    instance: fixed.instance,
  };
  const worksets = new WorksetService(store, author);
  const bulk = new BulkService(store, author, worksets);
  return {
    store,
    author,
    setPersonName: (name) => {
      savePersonName(dataFolder, name.trim());
      who = name.trim();
    },
    worksets,
    entries: new EntryService(store, author),
    bulk,
    presence: new PresenceService(author),
    checks: new CheckService(worksets, author),
    duplicates: new DuplicateService(author),
    merges: new MergeService(store, author, bulk),
    close: () => store.close(),
  };
}
