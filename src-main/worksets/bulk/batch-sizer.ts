import { MAX_PAGE_SIZE } from '../store/index.js';

/**
 * Picks how many entries go in the next batch so each takes about a quarter of a second:
 * progress then reaches the UI several times a second, and a cancel is honoured quickly,
 * whatever the size of the entries or the speed of the machine. Every walk of a bulk operation
 * uses one: recording its entries at the preview, applying and undoing.
 *
 * A batch costs a fixed part (the round trip, the commit) and a part per entry. Time per entry
 * alone counted the fixed part as entries' cost, and a fixed part near the target shrank the
 * batches to the minimum, where it was nearly all of the time: a bulk run at 100,000 entries went
 * eight times slower. So two batches of different sizes give both parts, and the fixed part is
 * held to at most a third of a batch. At most 500 entries (MAX_PAGE_SIZE): a batch holds its
 * dictionary's write lock, and a page another window asks of that dictionary waits for it.
 */
export class BatchSizer {
  private current: number;
  private last: { entries: number; ms: number } | undefined;
  /** The fixed part of a batch, once two batches of different sizes measured it. */
  private fixedMs = 0;

  constructor(
    private readonly targetMs = 250,
    private readonly min = 20,
    private readonly max = MAX_PAGE_SIZE,
    initial = 100,
  ) {
    this.current = initial;
  }

  get size(): number {
    return this.current;
  }

  /** Learns from a finished batch; grows at most fourfold at a time so one fast batch is no fluke. */
  record(entries: number, elapsedMs: number): void {
    if (entries === 0) return;
    const ms = Math.max(elapsedMs, 1);
    const ideal = this.idealFrom(entries, ms);
    this.last = { entries, ms };
    this.current = Math.round(Math.min(this.max, Math.max(this.min, Math.min(ideal, this.current * 4))));
  }

  private idealFrom(entries: number, ms: number): number {
    const previous = this.last;
    if (previous && previous.entries !== entries) {
      const perEntry = (ms - previous.ms) / (entries - previous.entries);
      const fixed = ms - perEntry * entries;
      this.fixedMs = perEntry > 0 && fixed > 0 ? fixed : 0;
    }
    const fixed = Math.min(this.fixedMs, ms - 1);
    const perEntry = (ms - fixed) / entries;
    return Math.max(this.targetMs - fixed, 2 * fixed) / perEntry;
  }
}
