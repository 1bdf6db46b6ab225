import { expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../src-main/worksets/store/index.js';
import { BatchSizer } from '../../src-main/worksets/bulk/batch-sizer.js';

it('aims at a quarter second per batch, grows at most fourfold, and never exceeds a journal page', () => {
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
