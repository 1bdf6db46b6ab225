import { BulkService } from './bulk/bulk-service.js';
import { EntryService } from './entry-service.js';
import { openStore, type Store } from './store/index.js';
import { WorksetService } from './workset-service.js';

/** The services over one data folder's workset store, as the app and the CLI both use them. */
export interface WorksetServices {
  readonly store: Store;
  readonly worksets: WorksetService;
  readonly entries: EntryService;
  readonly bulk: BulkService;
  close(): void;
}

/**
 * Opens the data folder's store and builds its services: one place, so the app, the CLI and the
 * bench run the same services with the same invariants. Bulk runs left `running` by a process
 * that is gone are marked interrupted first (a live runner's are left alone).
 */
export function openWorksetServices(dataFolder: string): WorksetServices {
  const store = openStore(dataFolder);
  store.bulk.markInterrupted();
  return {
    store,
    worksets: new WorksetService(store),
    entries: new EntryService(store),
    bulk: new BulkService(store),
    close: () => store.close(),
  };
}
