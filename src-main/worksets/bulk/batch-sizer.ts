import { MAX_PAGE_SIZE } from '../store/index.js';

/**
 * Picks how many entries go in the next batch so each takes about a quarter of a second:
 * progress then reaches the UI several times a second, and a cancel is honoured quickly,
 * whatever the size of the entries or the speed of the machine. At most 500: the journal is
 * read a page at a time, and a page holds at most 500 rows. Every walk of a bulk operation uses
 * one: journalling at the preview, reconciling after a crash, applying and undoing.
 */
export class BatchSizer {
  private current: number;

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
    const perEntry = Math.max(elapsedMs, 1) / entries;
    const ideal = this.targetMs / perEntry;
    this.current = Math.round(Math.min(this.max, Math.max(this.min, Math.min(ideal, this.current * 4))));
  }
}
