import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { WorksetEntry, WorksetPage } from '../api/contract.js';

/** Rows per `worksets.page` call: a screen and a half, so a scroll rarely waits for two. */
export const PAGE_SIZE = 100;
/**
 * Pages kept either side of the screen: scrolling back a little is instant, and working
 * through a list of 100,000 keeps a few hundred rows, not all of them.
 */
export const KEPT_PAGES = 2;

export interface RowsSnapshot {
  /** Rows in the view (after the status/favourite filter); null until the first page lands. */
  readonly total: number | null;
  readonly error: ApiCallError | null;
  /** Whether any page is being fetched. */
  readonly loading: boolean;
  readonly rowAt: (index: number) => WorksetEntry | undefined;
  /** Where a loaded row is, to scroll to it; -1 if it is not loaded (or filtered out). */
  readonly indexOf: (guid: string) => number;
}

/**
 * The work list as pages fetched on demand: the table tells it which rows are on screen
 * (`show`), and it fetches the pages they fall in, PAGE_SIZE rows at a time.
 *
 * `invalidate()` (a status changed, another window edited entries) refetches the pages on
 * screen and forgets the rest, which are fetched again when scrolled to: a long session over a
 * big workset never refreshes pages nobody is looking at. Pages more than KEPT_PAGES away from
 * the screen are forgotten as it moves, for the same reason and for memory.
 */
export class RowsStore {
  private readonly pages = new Map<number, readonly WorksetEntry[]>();
  private readonly stale = new Set<number>();
  private readonly inFlight = new Set<number>();
  private total: number | null = null;
  private error: ApiCallError | null = null;
  private visible = { first: 0, last: 0 };
  private readonly listeners = new Set<() => void>();
  private current: RowsSnapshot;

  constructor(private readonly fetchPage: (offset: number, limit: number) => Promise<WorksetPage>) {
    this.current = this.makeSnapshot();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    // The first page tells the total; the table asks for more once it knows how many rows exist.
    if (this.total === null && this.inFlight.size === 0) this.load();
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): RowsSnapshot => this.current;

  /** The rows on screen (inclusive); fetches the pages they need. */
  readonly show = (first: number, last: number): void => {
    this.visible = { first, last: Math.max(first, last) };
    const onScreen = this.pagesOnScreen();
    const [low, high] = [onScreen[0] - KEPT_PAGES, onScreen[onScreen.length - 1] + KEPT_PAGES];
    let forgot = false;
    for (const page of [...this.pages.keys()]) {
      if (page >= low && page <= high) continue;
      this.pages.delete(page);
      this.stale.delete(page);
      forgot = true;
    }
    // A new snapshot, so the old one (and the rows it holds) can be collected.
    if (forgot) this.changed();
    this.load();
  };

  /**
   * The guids of the rows from `first` to `last` (inclusive), for a Shift+click range: pages on
   * hand are used as they are, the others fetched once without being kept.
   */
  readonly guidsBetween = async (first: number, last: number): Promise<string[]> => {
    const guids: string[] = [];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      const rows = this.pages.get(page) ?? (await this.fetchPage(page * PAGE_SIZE, PAGE_SIZE)).entries;
      rows.forEach((row, at) => {
        const index = page * PAGE_SIZE + at;
        if (index >= first && index <= last) guids.push(row.guid);
      });
    }
    return guids;
  };

  readonly invalidate = (): void => {
    const onScreen = this.pagesOnScreen();
    for (const page of [...this.pages.keys()]) {
      if (onScreen.includes(page)) this.stale.add(page);
      else this.pages.delete(page);
    }
    // An empty list may have rows now: page 0 is always worth asking for.
    if (this.pages.size === 0) this.stale.add(0);
    this.load();
  };

  private pagesOnScreen(): number[] {
    const first = Math.floor(this.visible.first / PAGE_SIZE);
    const last = Math.floor(this.visible.last / PAGE_SIZE);
    const pages: number[] = [];
    for (let page = first; page <= last; page++) pages.push(page);
    return pages;
  }

  private load(): void {
    const lastPage = this.total === null ? 0 : Math.max(0, Math.ceil(this.total / PAGE_SIZE) - 1);
    for (const page of this.pagesOnScreen()) {
      if (page > lastPage) continue;
      if ((this.pages.has(page) && !this.stale.has(page)) || this.inFlight.has(page)) continue;
      void this.fetch(page);
    }
  }

  private async fetch(page: number): Promise<void> {
    this.inFlight.add(page);
    this.stale.delete(page);
    this.changed();
    try {
      const result = await this.fetchPage(page * PAGE_SIZE, PAGE_SIZE);
      this.pages.set(page, result.entries);
      if (result.total !== this.total) this.resize(result.total);
      this.error = null;
    } catch (error) {
      this.error = asApiCallError('worksets.page', error);
    } finally {
      this.inFlight.delete(page);
    }
    this.changed();
    // Invalidated while this page was on its way, or the total moved the screen: catch up.
    if (!this.error) this.load();
  }

  private resize(total: number): void {
    this.total = total;
    for (const page of [...this.pages.keys()]) if (page * PAGE_SIZE >= total) this.pages.delete(page);
  }

  private changed(): void {
    this.current = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }

  private makeSnapshot(): RowsSnapshot {
    const pages = new Map(this.pages);
    return {
      total: this.total,
      error: this.error,
      loading: this.inFlight.size > 0,
      rowAt: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      indexOf: (guid) => {
        for (const [page, rows] of pages) {
          const at = rows.findIndex((row) => row.guid === guid);
          if (at >= 0) return page * PAGE_SIZE + at;
        }
        return -1;
      },
    };
  }
}
