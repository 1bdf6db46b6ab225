import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { ChangeAuthor } from '../domain/changes.js';
import { BulkService } from './bulk/bulk-service.js';
import { EntryService } from './entry-service.js';
import { readPersonName, savePersonName } from './person-name.js';
import { openStore, type Store } from './store/index.js';
import { WorksetService } from './workset-service.js';

/** The services over one data folder's workset store, as the app and the CLI both use them. */
export interface WorksetServices {
  readonly store: Store;
  readonly worksets: WorksetService;
  readonly entries: EntryService;
  readonly bulk: BulkService;
  /** Who this process's writes are recorded as (its `who` follows setPersonName). */
  readonly author: ChangeAuthor;
  /** The person's name as set in the app: recorded from the next write on, and kept in the data folder. */
  setPersonName(who: string): void;
  close(): void;
}

/**
 * This process as the change log names it: the person given (--user), else the name set in the
 * app for this data folder (`saved`), else $WORKSET_BROWSER_USER, else the OS user; its pid and
 * host name.
 */
export function changeAuthor(who?: string, env: NodeJS.ProcessEnv = process.env, saved?: string): ChangeAuthor {
  const named = who?.trim() || saved?.trim() || env.WORKSET_BROWSER_USER?.trim();
  return { who: named || osUser(), process: process.pid, host: hostname(), instance: randomUUID() };
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No entry in the password database (some containers): the name the shell gives, if any.
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
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
  return {
    store,
    author,
    setPersonName: (name) => {
      savePersonName(dataFolder, name.trim());
      who = name.trim();
    },
    worksets: new WorksetService(store),
    entries: new EntryService(store, author),
    bulk: new BulkService(store, author),
    close: () => store.close(),
  };
}
