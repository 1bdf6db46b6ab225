import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type JournalInput, type SortKeys, type Store } from '../../src-main/worksets/store/index.js';

const NO_KEYS: SortKeys = { headword: null, pos: null, gloss: null, dateCreated: null, dateModified: null };

function journalRows(from: number, count: number): JournalInput[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `g${from + i}`,
    preImage: `<entry guid="g${from + i}"><lexical-unit><form lang="fr"><text>mot ${from + i}</text></form></lexical-unit></entry>`,
    previewHash: `v${from + i}`,
  }));
}

describe('workset store: bulk operations and their journal', () => {
  let folder: string;
  let store: Store;
  let worksetId: number;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'wb-store-bulk-'));
    store = openStore(folder);
    worksetId = store.worksets.create({ dictionary: 'fr', name: 'Verbs', query: '{}' }).id;
    store.entries.replaceSnapshot(worksetId, Array.from({ length: 300 }, (_, i) => ({ guid: `g${i}`, keys: NO_KEYS })));
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates an operation on the workset’s dictionary, previewed, with its JSON as given', () => {
    const op = store.bulk.create({ worksetId, op: '{"action":"set","field":"pos","value":"verb"}' });
    expect(op).toMatchObject({ worksetId, dictionary: 'fr', op: '{"action":"set","field":"pos","value":"verb"}', state: 'previewed', total: 0, changed: 0, skipped: 0, error: null, runnerPid: null });
    expect(store.bulk.get(op.id)).toEqual(op);
    expect(() => store.bulk.create({ worksetId, op: 'set pos' })).toThrow(expect.objectContaining({ code: 'Invalid' }));
    expect(() => store.bulk.create({ worksetId: 999, op: '{}' })).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => store.bulk.get(999)).toThrow(expect.objectContaining({ code: 'NotFound' }));
  });

  it('records the journal in batches, each all or nothing', () => {
    const op = store.bulk.create({ worksetId, op: '{}' });
    for (let batch = 0; batch < 3; batch++) store.bulk.recordBatch(op.id, journalRows(batch * 100, 100));
    expect(store.bulk.get(op.id).total).toBe(300);
    // The duplicate is the last row: the 49 before it must not stay behind.
    const clash = [...journalRows(1000, 49), ...journalRows(5, 1)];
    expect(() => store.bulk.recordBatch(op.id, clash)).toThrow(expect.objectContaining({ code: 'Conflict', details: { guid: 'g5' } }));
    expect(store.bulk.get(op.id).total).toBe(300);
    expect(store.bulk.journal(op.id, { offset: 0, limit: 0 }).total).toBe(300);
    const page = store.bulk.journal(op.id, { offset: 298, limit: 10 });
    expect(page.rows.map((row) => row.guid)).toEqual(['g298', 'g299']);
    expect(page.rows[0]).toEqual({ opId: op.id, guid: 'g298', preImage: journalRows(298, 1)[0].preImage, previewHash: 'v298', postHash: null, state: 'pending', reason: null });
  });

  it('moves journal rows applied, skipped and restored, keeping the counts in step', () => {
    const op = store.bulk.create({ worksetId, op: '{}' });
    store.bulk.recordBatch(op.id, journalRows(0, 5));
    store.bulk.setState(op.id, 'running');
    store.bulk.markApplied(op.id, [{ guid: 'g0', postHash: 'w0' }, { guid: 'g1', postHash: 'w1' }, { guid: 'g2', postHash: 'w2' }]);
    const afterSkip = store.bulk.markSkipped(op.id, [{ guid: 'g3', reason: 'changed in another window since the preview' }]);
    expect(afterSkip).toMatchObject({ total: 5, changed: 3, skipped: 1 });

    expect(() => store.bulk.markApplied(op.id, [{ guid: 'g3', postHash: 'x' }])).toThrow(
      expect.objectContaining({ code: 'Conflict', details: { guid: 'g3', state: 'skipped' } }),
    );
    expect(() => store.bulk.markApplied(op.id, [{ guid: 'g9', postHash: 'x' }])).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => store.bulk.markRestored(op.id, ['g4'])).toThrow(expect.objectContaining({ code: 'Conflict' }));

    store.bulk.setState(op.id, 'done');
    store.bulk.markRestored(op.id, ['g0', 'g1']);
    expect(store.bulk.setState(op.id, 'undone').state).toBe('undone');
    const byState = (state: 'pending' | 'applied' | 'skipped' | 'restored') => store.bulk.journal(op.id, { state, offset: 0, limit: 10 }).rows.map((row) => row.guid);
    expect([byState('restored'), byState('applied'), byState('skipped'), byState('pending')]).toEqual([['g0', 'g1'], ['g2'], ['g3'], ['g4']]);
    expect(store.bulk.journal(op.id, { state: 'applied', offset: 0, limit: 1 }).rows[0].postHash).toBe('w2');
    expect(store.bulk.journal(op.id, { state: 'skipped', offset: 0, limit: 1 }).rows[0].reason).toMatch(/another window/);
  });

  it('walks the journal in batches while the walker marks rows', () => {
    const op = store.bulk.create({ worksetId, op: '{}' });
    store.bulk.recordBatch(op.id, journalRows(0, 250));
    store.bulk.setState(op.id, 'running');
    const sizes: number[] = [];
    for (const batch of store.bulk.journalBatches(op.id, { state: 'pending', batchSize: 100 })) {
      sizes.push(batch.length);
      store.bulk.markApplied(op.id, batch.map((row) => ({ guid: row.guid, postHash: `${row.previewHash}'` })));
    }
    expect(sizes).toEqual([100, 100, 50]);
    expect(store.bulk.get(op.id).changed).toBe(250);
    expect([...store.bulk.journalBatches(op.id, { state: 'pending' })]).toEqual([]);
  });

  it('follows the state machine: running records the runner, undone is final, a failure keeps its error', () => {
    const op = store.bulk.create({ worksetId, op: '{}' });
    expect(() => store.bulk.setState(op.id, 'done')).toThrow(expect.objectContaining({ code: 'Conflict', details: { state: 'previewed' } }));
    expect(store.bulk.setState(op.id, 'running')).toMatchObject({ state: 'running', runnerPid: process.pid });
    const failed = store.bulk.setState(op.id, 'failed', { error: 'BaseX went away' });
    expect(failed).toMatchObject({ state: 'failed', runnerPid: null, error: 'BaseX went away' });
    expect(store.bulk.setState(op.id, 'running').error).toBeNull();
    store.bulk.setState(op.id, 'cancelled');
    // Once cancelled nothing more is journaled: the runner stops before writing its next batch.
    expect(() => store.bulk.recordBatch(op.id, journalRows(0, 1))).toThrow(expect.objectContaining({ code: 'Conflict' }));
    store.bulk.setState(op.id, 'undone');
    expect(() => store.bulk.setState(op.id, 'running')).toThrow(expect.objectContaining({ code: 'Conflict' }));
    expect(() => store.bulk.setState(op.id, 'sleeping' as 'done')).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });

  it('accepts applied marks after a cancel, for the batch that was already being written', () => {
    const op = store.bulk.create({ worksetId, op: '{}' });
    store.bulk.recordBatch(op.id, journalRows(0, 2));
    store.bulk.setState(op.id, 'running');
    store.bulk.setState(op.id, 'cancelled');
    expect(store.bulk.markApplied(op.id, [{ guid: 'g0', postHash: 'w0' }])).toMatchObject({ state: 'cancelled', changed: 1 });
  });

  it('lists operations newest first, by workset, dictionary and state', () => {
    const other = store.worksets.create({ dictionary: 'de', name: 'Other', query: '{}' }).id;
    const first = store.bulk.create({ worksetId, op: '{}' });
    const second = store.bulk.create({ worksetId, op: '{}' });
    const elsewhere = store.bulk.create({ worksetId: other, op: '{}' });
    store.bulk.setState(second.id, 'running');
    expect(store.bulk.list().map((op) => op.id)).toEqual([elsewhere.id, second.id, first.id]);
    expect(store.bulk.list({ worksetId }).map((op) => op.id)).toEqual([second.id, first.id]);
    expect(store.bulk.list({ dictionary: 'de' }).map((op) => op.id)).toEqual([elsewhere.id]);
    expect(store.bulk.list({ states: ['running'] }).map((op) => op.id)).toEqual([second.id]);
    expect(store.bulk.list({ states: [] })).toEqual([]);
  });

  it('leaves running operations of a live process alone at startup', () => {
    const op = store.bulk.create({ worksetId, op: '{}' });
    store.bulk.setState(op.id, 'running');
    expect(store.bulk.markInterrupted()).toEqual([]);
    expect(store.bulk.get(op.id).state).toBe('running');
    expect(store.bulk.listInterrupted()).toEqual([]);
  });
});
