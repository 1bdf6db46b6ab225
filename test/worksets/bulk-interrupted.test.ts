import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { readEntries, type EntryXml } from '../../src-main/lift/entry-xml.js';
import { importLift } from '../../src-main/lift/import.js';
import { BulkService, type BulkProgress } from '../../src-main/worksets/bulk/bulk-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

const RUNNER = join(import.meta.dirname, '../fixtures/bulk-runner.ts');
const MARK = ' ‹bulk›';
const OP = { action: 'append', field: 'gloss', lang: 'en', value: MARK } as const;

/** Runs a bulk operation in another process and SIGKILLs it while it waits after its first written batch. */
async function runAndKill(dataFolder: string, worksetId: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, dataFolder, JSON.stringify(inject('basex')), String(worksetId), JSON.stringify(OP)]);
  let opId = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as { opId?: number; done?: number; finished?: boolean };
    if (message.opId) opId = message.opId;
    if (message.finished) throw new Error('the run finished before it could be killed');
    if (message.done) {
      child.kill('SIGKILL');
      break;
    }
  }
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  return opId;
}

describe('a bulk operation killed midway', () => {
  let session: BaseXSession;
  let store: Store;
  const folder = mkdtempSync(join(tmpdir(), 'wb-killed-'));
  const db = uniqueName('killed');
  let worksetId = 0;
  let before: EntryXml[] = [];

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
    store = openStore(folder);
    const query = { match: 'all' as const, filters: [{ field: 'pos' as const, op: 'equals' as const, value: 'Nome' }] };
    worksetId = (await new WorksetService(store).create(session, { dictionary: db, name: 'nouns', query })).id;
    before = await readEntries(session, db, store.entries.guids(worksetId));
  });
  afterAll(async () => {
    store.close();
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is found interrupted at the next start and its undo restores every pre-image exactly', async () => {
    const opId = await runAndKill(folder, worksetId);
    const interrupted = store.bulk.markInterrupted();
    expect(interrupted.map((op) => [op.id, op.state])).toEqual([[opId, 'interrupted']]);
    const partly = await readEntries(session, db, store.entries.guids(worksetId));
    const written = partly.filter((e, i) => e.xml !== before[i].xml).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(before.length);

    const pending = store.bulk.journal(opId, { state: 'pending', offset: 0, limit: 0 }).total;
    expect(pending).toBeGreaterThan(0);
    const progress: BulkProgress[] = [];
    const undone = await new BulkService(store).undo(session, opId, { onProgress: (p) => progress.push(p) });
    expect(undone.operation.state).toBe('undone');
    expect((await readEntries(session, db, store.entries.guids(worksetId))).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
    // The crash check over the rows left pending reports progress too, before the restores.
    const phases = progress.map((p) => p.phase);
    expect(phases.indexOf('undo')).toBeGreaterThan(phases.lastIndexOf('reconcile'));
    expect(progress.filter((p) => p.phase === 'reconcile').at(-1)).toEqual({ phase: 'reconcile', done: pending, total: pending });
  });

  it('can be resumed instead, writing each entry exactly once', async () => {
    const opId = await runAndKill(folder, worksetId);
    store.bulk.markInterrupted();
    const resumed = await new BulkService(store).resume(session, opId);
    expect(resumed.operation).toMatchObject({ state: 'done', skipped: 0 });
    const after = await readEntries(session, db, store.entries.guids(worksetId));
    // English glosses of senses and subsenses (an etymology's gloss is not the entry's).
    const glossesOf = (xml: string): string[] =>
      Array.from(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('gloss'))
        .filter((g) => ['sense', 'subsense'].includes(g.parentNode?.nodeName ?? '') && g.getAttribute('lang') === 'en')
        .map((g) => g.textContent ?? '');
    after.forEach((entry, i) => {
      const expected = glossesOf(before[i].xml).map((gloss) => (gloss.trim() ? gloss + MARK : gloss));
      expect(glossesOf(entry.xml)).toEqual(expected);
    });
    await new BulkService(store).undo(session, opId);
    expect((await readEntries(session, db, store.entries.guids(worksetId))).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
  });
});
