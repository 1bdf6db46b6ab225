import { expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../src-main/worksets/store/index.js';
import { BatchSizer } from '../../src-main/worksets/bulk/batch-sizer.js';

it('aims at a quarter second per batch, grows at most fourfold, and never exceeds a store page', () => {
  const sizer = new BatchSizer();
  expect(sizer.size).toBe(100);
  sizer.record(100, 10); // very fast entries
  expect(sizer.size).toBe(400);
  sizer.record(400, 10);
  expect(sizer.size).toBe(MAX_PAGE_SIZE);
  sizer.record(500, 5_000); // 10 ms per entry: 25 entries make a quarter second
  expect(sizer.size).toBe(25);
  sizer.record(25, 10_000);
  expect(sizer.size).toBe(20);
});

it('keeps batches large when most of a batch is a fixed cost, not the entries', () => {
  // 200 ms a batch plus 1 ms an entry: per entry alone, the batches would shrink to the minimum.
  const cost = (entries: number): number => 200 + entries;
  const sizer = new BatchSizer();
  for (let i = 0; i < 5; i++) sizer.record(sizer.size, cost(sizer.size));
  // The fixed part held to a third of the batch: 400 entries, 600 ms.
  expect(sizer.size).toBe(400);
});

it('still shrinks batches whose entries are what costs', () => {
  const sizer = new BatchSizer();
  sizer.record(100, 5 + 100 * 10);
  sizer.record(sizer.size, 5 + sizer.size * 10);
  expect(sizer.size).toBe(25);
});
