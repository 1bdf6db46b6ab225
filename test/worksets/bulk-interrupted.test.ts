import { describe, expect, it } from 'vitest';
import { BulkService, type BulkProgress } from '../../src-main/worksets/bulk/bulk-service.js';
import { startBulkRunner } from '../helpers/bulk-runner.js';
import { englishGlosses, glossesMarkedOnce, senaNouns } from '../helpers/sena-nouns.js';
import { TEST_AUTHOR } from '../helpers/changes.js';

const MARK = ' ‹bulk›';
const OP = { action: 'append', field: 'gloss', lang: 'en', value: MARK } as const;

/** Runs a bulk operation in another process and SIGKILLs it while it waits after its first written batch. */
async function runAndKill(dataFolder: string, worksetId: number): Promise<number> {
  const runner = startBulkRunner(dataFolder, worksetId, OP);
  const { opId } = await runner.next();
  if (!opId) throw new Error('the runner printed no operation id');
  const first = await runner.next();
  if (!first.done) throw new Error(`the run ${first.finished ? 'finished' : 'stopped'} before it could be killed`);
  runner.child.kill('SIGKILL');
  await runner.exited();
  return opId;
}

describe('a bulk operation killed midway', () => {
  const nouns = senaNouns('killed');

  it('is found interrupted at the next start and its undo restores every pre-image exactly', async () => {
    const opId = await runAndKill(nouns.folder, nouns.worksetId);
    const interrupted = nouns.store.bulk.markInterrupted();
    expect(interrupted.map((op) => [op.id, op.state])).toEqual([[opId, 'interrupted']]);
    const partly = await nouns.current();
    const written = partly.filter((e, i) => e.xml !== nouns.before[i].xml).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(nouns.before.length);

    const pending = nouns.store.bulk.journal(opId, { state: 'pending', offset: 0, limit: 0 }).total;
    expect(pending).toBeGreaterThan(0);
    const progress: BulkProgress[] = [];
    const undone = await new BulkService(nouns.store, TEST_AUTHOR).undo(nouns.session, opId, { onProgress: (p) => progress.push(p) });
    expect(undone.operation.state).toBe('undone');
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
    // The crash check over the rows left pending reports progress too, before the restores.
    const phases = progress.map((p) => p.phase);
    expect(phases.indexOf('undo')).toBeGreaterThan(phases.lastIndexOf('reconcile'));
    expect(progress.filter((p) => p.phase === 'reconcile').at(-1)).toEqual({ phase: 'reconcile', done: pending, total: pending });
  });

  it('can be resumed instead, writing each entry exactly once', async () => {
    const opId = await runAndKill(nouns.folder, nouns.worksetId);
    nouns.store.bulk.markInterrupted();
    const resumed = await new BulkService(nouns.store, TEST_AUTHOR).resume(nouns.session, opId);
    expect(resumed.operation).toMatchObject({ state: 'done', skipped: 0 });
    const after = await nouns.current();
    expect(after.map((e) => englishGlosses(e.xml))).toEqual(glossesMarkedOnce(nouns.before, MARK));
    await new BulkService(nouns.store, TEST_AUTHOR).undo(nouns.session, opId);
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
  });
});
