import type { ServerConnector } from '../../basex/server-connector.js';
import type { SessionRegistry } from '../../basex/session-registry.js';
import type { ChangeAuthor } from '../../domain/changes.js';
import type { FileGrants } from '../../file-grants.js';
import type { UploadStore } from '../../uploads.js';
import type { BulkService } from '../../worksets/bulk/bulk-service.js';
import type { CheckService } from '../../worksets/check-service.js';
import type { DuplicateService } from '../../worksets/duplicates/duplicate-service.js';
import type { MergeService } from '../../worksets/duplicates/merge-service.js';
import type { EntryService } from '../../worksets/entry-service.js';
import type { PresenceService } from '../../worksets/presence-service.js';
import type { Store } from '../../worksets/store/index.js';
import type { WorksetService } from '../../worksets/workset-service.js';
import type { EventBus } from '../event-bus.js';

/** What the platform around the handlers can do: Electron opens windows and dialogs itself. */
export interface Shell {
  openWindow(worksetId?: number): Promise<{ opened: boolean; url?: string }>;
  /**
   * Native file dialogs, shown to the window that asked (its id as the handlers know it); absent
   * in the browser host, whose renderer uploads files and downloads exports instead.
   */
  openLiftDialog?(windowId: string): Promise<string | null>;
  saveLiftDialog?(windowId: string, defaultName: string): Promise<string | null>;
}

/** Everything the handlers use, built once per process by app-services.ts. */
export interface HandlerDeps {
  readonly platform: 'electron' | 'browser';
  readonly dataFolder: string;
  readonly server: Pick<ServerConnector, 'address' | 'embedded'>;
  readonly registry: SessionRegistry;
  readonly bus: EventBus;
  /** The data folder's workset store (a spreadsheet export reads a workset's copy page by page). */
  readonly store: Store;
  readonly worksets: WorksetService;
  readonly entries: EntryService;
  readonly bulk: BulkService;
  readonly presence: PresenceService;
  readonly checks: CheckService;
  readonly duplicates: DuplicateService;
  readonly merges: MergeService;
  /** Who this process's writes are recorded as in the change log. */
  readonly author: ChangeAuthor;
  /** Sets the person's name the log records (the app's setting, kept in the data folder). */
  readonly setPersonName: (who: string) => void;
  readonly uploads: UploadStore;
  /** Paths the dialogs above gave each window: the only local paths import and export accept. */
  readonly grants: FileGrants;
  readonly shell: Shell;
}
