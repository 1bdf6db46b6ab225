import { describe, expect, it } from 'vitest';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import { channels } from '../../src-main/ipc/contract.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { senaNouns } from '../helpers/sena-nouns.js';

const OP: FieldEdit = { action: 'append', field: 'note', lang: 'en', value: 'chosen in review' };

/** A bulk edit of the selected rows only: the chosen members are journalled, changed and undone, no other. */
describe('bulk edit of chosen entries', () => {
  const nouns = senaNouns('bulk_selection');

  it('journals, changes and undoes exactly the chosen members', async () => {
    const bulk = new BulkService(nouns.store, TEST_AUTHOR);
    const guids = nouns.before.map((e) => e.guid);
    // Chosen out of order, one twice: the operation takes each once.
    const chosen = [guids[9], guids[1], guids[5], guids[1]];
    const preview = await bulk.preview(nouns.session, nouns.worksetId, OP, {}, chosen);
    expect(preview.operation.total).toBe(3);
    expect(preview.changing).toBe(3);
    expect(preview.rows.map((r) => r.guid).sort()).toEqual([guids[1], guids[5], guids[9]].sort());

    const outcome = await bulk.run(nouns.session, preview.operation.id);
    expect(outcome.operation).toMatchObject({ state: 'done', changed: 3, skipped: 0 });
    const after = await nouns.current();
    after.forEach((entry, i) => {
      if ([1, 5, 9].includes(i)) expect(entry.xml).toContain('chosen in review');
      else expect(entry.xml).toBe(nouns.before[i].xml);
    });

    await bulk.undo(nouns.session, outcome.operation.id);
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
  });

  it('refuses in words a guid that is not in the workset, before any operation exists', async () => {
    const bulk = new BulkService(nouns.store, TEST_AUTHOR);
    const before = await bulk.list(nouns.session, { worksetId: nouns.worksetId });
    const chosen = [nouns.before[0].guid, 'no-such-entry', 'another-stranger', 'a-third-stranger'];
    await expect(bulk.preview(nouns.session, nouns.worksetId, OP, {}, chosen)).rejects.toThrow('3 of the entries chosen are not in this workset');
    expect(await bulk.list(nouns.session, { worksetId: nouns.worksetId })).toEqual(before);
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
  });

  it('takes 1 to 100,000 guids through the contract', () => {
    const args = (guids: string[]) => channels['bulk.preview'].safeParse({ worksetId: 1, op: OP, guids });
    expect(args(['a', 'b']).success).toBe(true);
    expect(args([]).error?.issues[0].message).toBe('no entries are chosen');
    expect(args(Array.from({ length: 100_001 }, (_, i) => `g${i}`)).error?.issues[0].message).toBe('at most 100,000 entries can be chosen at once');
  });
});
