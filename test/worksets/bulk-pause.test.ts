import { describe, expect, it } from 'vitest';
import type { EntryXml } from '../../src-main/lift/entry-xml.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { startBulkRunner } from '../helpers/bulk-runner.js';
import { runCli } from '../helpers/cli.js';
import { englishGlosses, glossesMarkedOnce, senaNouns } from '../helpers/sena-nouns.js';
import { TEST_AUTHOR } from '../helpers/changes.js';

const MARK = ' ‹paused›';
const OP = { action: 'append', field: 'gloss', lang: 'en', value: MARK } as const;

/** How many times each entry carries the mark: once per English gloss once the run has reached it. */
const marks = (entries: readonly EntryXml[]): number[] => entries.map((e) => e.xml.split(MARK).length - 1);

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < 600; tries++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('pausing a bulk run', () => {
  const nouns = senaNouns('pause');
  const cli = (...args: string[]) => runCli(nouns.folder, ...args);

  it('stops after the batch it is writing, stays paused across a restart, and resumes writing each entry once', async () => {
    const bulk = new BulkService(nouns.store, TEST_AUTHOR);
    const preview = await bulk.preview(nouns.session, nouns.worksetId, OP);
    const opId = preview.operation.id;
    let firstBatch = 0;
    const paused = await bulk.run(nouns.session, opId, {
      onWritten: async (_, guids) => {
        // Asked while the first batch is landing: the run must stop before the second.
        if (firstBatch === 0) {
          firstBatch = guids.length;
          expect(await bulk.pause(nouns.session, opId)).toMatchObject({ state: 'running', requested: 'pause' });
        }
      },
    });
    expect(paused.operation).toMatchObject({ state: 'paused', requested: null, changed: firstBatch });
    expect(firstBatch).toBeGreaterThan(0);
    expect(paused.operation.total).toBeGreaterThan(firstBatch);
    const halfway = await nouns.current();
    expect(marks(halfway).filter((n) => n > 0)).toHaveLength(firstBatch);
    // Each entry is either untouched or complete: a paused run has written whole entries only.
    halfway.forEach((entry, i) => {
      if (entry.xml === nouns.before[i].xml) return;
      expect(englishGlosses(entry.xml)).toEqual(glossesMarkedOnce([nouns.before[i]], MARK)[0]);
    });

    // A restart: the paused run has no runner, and is not taken for an interrupted one.
    nouns.reopenStore();
    expect(await new BulkService(nouns.store, TEST_AUTHOR).get(nouns.session, opId)).toMatchObject({ state: 'paused', requested: null });
    await expect(new BulkService(nouns.store, TEST_AUTHOR).run(nouns.session, opId)).rejects.toMatchObject({ code: 'Conflict' });

    const done = await new BulkService(nouns.store, TEST_AUTHOR).resume(nouns.session, opId);
    expect(done.operation).toMatchObject({ state: 'done', changed: paused.operation.total - done.operation.skipped });
    const after = await nouns.current();
    expect(after.map((e) => englishGlosses(e.xml))).toEqual(glossesMarkedOnce(nouns.before, MARK));
    await new BulkService(nouns.store, TEST_AUTHOR).undo(nouns.session, opId);
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
  });

  it('offers only what each state allows', async () => {
    const bulk = new BulkService(nouns.store, TEST_AUTHOR);
    const preview = await bulk.preview(nouns.session, nouns.worksetId, OP);
    const opId = preview.operation.id;
    await expect(bulk.pause(nouns.session, opId)).rejects.toThrow(/only a running operation can be paused/);
    await expect(bulk.resume(nouns.session, opId)).rejects.toMatchObject({ code: 'Conflict' });
    const paused = await bulk.run(nouns.session, opId, { onWritten: async () => void (await bulk.pause(nouns.session, opId)) });
    expect(paused.operation.state).toBe('paused');
    expect((await bulk.pause(nouns.session, opId)).state).toBe('paused');
    // Given up for good: the part written stays, and can be undone.
    expect((await bulk.cancel(nouns.session, opId)).state).toBe('cancelled');
    await expect(bulk.resume(nouns.session, opId)).rejects.toMatchObject({ code: 'Conflict' });
    expect((await bulk.undo(nouns.session, opId)).operation.state).toBe('undone');
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
  });

  it('is paused and resumed from the command line while another process runs it', async () => {
    const runner = startBulkRunner(nouns.folder, nouns.worksetId, OP);
    const { opId } = await runner.next();
    if (!opId) throw new Error('the runner printed no operation id');
    // The runner now waits after its first batch, until told to go on.
    expect((await runner.next()).done).toBeGreaterThan(0);

    const pause = cli('bulk', 'pause', String(opId), '--json');
    const looker = new BulkService(nouns.store, TEST_AUTHOR);
    await until('the pause to be asked', async () => ((await looker.get(nouns.session, opId)).requested === 'pause' ? true : undefined));
    runner.goOn();
    expect(await runner.next()).toEqual({ finished: true, state: 'paused' });
    const paused = await pause;
    expect(paused).toMatchObject({ code: 0, stderr: '' });
    const pausedOp = (JSON.parse(paused.stdout) as { operation: { id: number; state: string; changed: number } }).operation;
    expect(pausedOp).toMatchObject({ id: opId, state: 'paused' });
    expect(pausedOp.changed).toBeGreaterThan(0);

    const resumed = await cli('bulk', 'resume', String(opId), '--json');
    expect(resumed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(resumed.stdout)).toMatchObject({ operation: { id: opId, state: 'done' } });
    expect((await nouns.current()).map((e) => englishGlosses(e.xml))).toEqual(glossesMarkedOnce(nouns.before, MARK));
    const listed = await cli('bulk', 'list', nouns.db, '--json');
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(listed.stdout) as { operations: { id: number }[] }).operations[0]).toMatchObject({ id: opId, state: 'done', dictionary: nouns.db, who: 'bulk runner', op: OP });

    const again = await cli('bulk', 'pause', String(opId));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bulk operation \d+ is done: only a running operation can be paused/);
    expect((await cli('bulk', 'pause')).code).not.toBe(0);
    await new BulkService(nouns.store, TEST_AUTHOR).undo(nouns.session, opId);
  });
});
