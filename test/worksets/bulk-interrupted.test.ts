import { describe, expect, it } from 'vitest';
import { BulkService, type BulkProgress } from '../../src-main/worksets/bulk/bulk-service.js';
import { openStore } from '../../src-main/worksets/store/index.js';
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

  it('is found interrupted from the server alone, and its undo restores every pre-image exactly', async () => {
    const opId = await runAndKill(nouns.folder, nouns.worksetId);
    // A desktop with another data folder sees it too: the operation lives on the server.
    const elsewhere = new BulkService(openStore(nouns.folder + '-elsewhere'), TEST_AUTHOR);
    const [interrupted] = await elsewhere.list(nouns.session, { dictionary: nouns.db, states: ['interrupted'] });
    expect(interrupted).toMatchObject({ id: opId, state: 'interrupted', error: expect.stringMatching(/process running it .* is gone/) });
    const partly = await nouns.current();
    const written = partly.filter((e, i) => e.xml !== nouns.before[i].xml).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(nouns.before.length);

    // The server says exactly what the killed run wrote: its batches landed whole, with their records.
    expect(interrupted.changed).toBe(written);
    expect(interrupted.total - interrupted.changed - interrupted.skipped).toBeGreaterThan(0);
    const progress: BulkProgress[] = [];
    const undone = await elsewhere.undo(nouns.session, opId, { onProgress: (p) => progress.push(p) });
    expect(undone).toMatchObject({ operation: { state: 'undone' }, skipped: [] });
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
    expect(progress.at(-1)).toEqual({ phase: 'undo', done: written, total: written });
  });

  it('can be resumed instead, writing each entry exactly once', async () => {
    const opId = await runAndKill(nouns.folder, nouns.worksetId);
    const resumed = await new BulkService(nouns.store, TEST_AUTHOR).resume(nouns.session, opId);
    expect(resumed.operation).toMatchObject({ state: 'done', skipped: 0 });
    const after = await nouns.current();
    expect(after.map((e) => englishGlosses(e.xml))).toEqual(glossesMarkedOnce(nouns.before, MARK));
    await new BulkService(nouns.store, TEST_AUTHOR).undo(nouns.session, opId);
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
  });
});
