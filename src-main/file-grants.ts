import { resolve } from 'node:path';

/** What a granted path may be used for: read by an import, or written by an export. */
export type GrantPurpose = 'import' | 'export';

interface Grant {
  readonly path: string;
  readonly purpose: GrantPurpose;
  readonly expires: number;
}

/** A window rarely has more than one dialog answer waiting; older ones are forgotten. */
const MAX_PER_WINDOW = 4;
/** A path picked and then left unused this long is no longer trusted. */
const LIFETIME_MS = 15 * 60_000;

/**
 * Local paths a window may use, because main itself showed that window a native file dialog and
 * the user picked them there.
 *
 * The renderer cannot be trusted with paths (a compromised page, or any page holding the
 * browser host's token, could otherwise read any file or overwrite ~/.bashrc), so
 * `dictionaries.import` and `dictionaries.export` accept a path only when it is granted here,
 * for that purpose and that window, and each grant is used once. Drag and drop sends the
 * file's bytes through the uploads channels instead, so it needs no grant.
 */
export class FileGrants {
  private readonly byWindow = new Map<string, Grant[]>();

  constructor(private readonly now: () => number = Date.now) {}

  grant(windowId: string, path: string, purpose: GrantPurpose): void {
    const live = this.live(windowId).filter((g) => !(g.path === resolve(path) && g.purpose === purpose));
    live.push({ path: resolve(path), purpose, expires: this.now() + LIFETIME_MS });
    this.byWindow.set(windowId, live.slice(-MAX_PER_WINDOW));
  }

  /** True, once, when `path` was granted to this window for this purpose. */
  take(windowId: string, path: string, purpose: GrantPurpose): boolean {
    const live = this.live(windowId);
    const index = live.findIndex((g) => g.path === resolve(path) && g.purpose === purpose);
    if (index >= 0) live.splice(index, 1);
    if (live.length > 0) this.byWindow.set(windowId, live);
    else this.byWindow.delete(windowId);
    return index >= 0;
  }

  /** The window closed: nothing it was granted stays usable. */
  forget(windowId: string): void {
    this.byWindow.delete(windowId);
  }

  private live(windowId: string): Grant[] {
    const now = this.now();
    return (this.byWindow.get(windowId) ?? []).filter((g) => g.expires > now);
  }
}
