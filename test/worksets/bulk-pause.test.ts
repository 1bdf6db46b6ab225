import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { readEntries, type EntryXml } from '../../src-main/lift/entry-xml.js';
import { importLift } from '../../src-main/lift/import.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

const RUNNER = join(import.meta.dirname, '../fixtures/bulk-runner.ts');
const CLI = resolve(import.meta.dirname, '../../bin/workset-browser.mjs');
const MARK = ' ‹paused›';
const OP = { action: 'append', field: 'gloss', lang: 'en', value: MARK } as const;

/** How many times each entry carries the mark: once per English gloss once the run has reached it. */
const marks = (entries: readonly EntryXml[]): number[] => entries.map((e) => e.xml.split(MARK).length - 1);

/** The English glosses of an entry's senses and subsenses (an etymology's gloss is not the entry's). */
function glossesOf(xml: string): string[] {
  return Array.from(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('gloss'))
    .filter((g) => ['sense', 'subsense'].includes(g.parentNode?.nodeName ?? '') && g.getAttribute('lang') === 'en')
    .map((g) => g.textContent ?? '');
}

/** Each entry as the whole run leaves it: every non-blank English gloss marked exactly once. */
const markedOnce = (entries: readonly EntryXml[]): string[][] =>
  entries.map((e) => glossesOf(e.xml).map((gloss) => (gloss.trim() ? gloss + MARK : gloss)));

function serverUrl(): string {
  const a = inject('basex');
  return `basex://${a.user}:${encodeURIComponent(a.password)}@${a.host}:${a.port}`;
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let tries = 0; tries < 600; tries++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('pausing a bulk run', () => {
  let session: BaseXSession;
  let store: Store;
  const folder = mkdtempSync(join(tmpdir(), 'wb-pause-'));
  const db = uniqueName('pause');
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
    await session.command(`DROP DB ${db}`);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stops after the batch it is writing, stays paused across a restart, and resumes writing each entry once', async () => {
    const bulk = new BulkService(store);
    const preview = await bulk.preview(session, worksetId, OP);
    const opId = preview.operation.id;
    let firstBatch = 0;
    const paused = await bulk.run(session, opId, {
      onWritten: (_, guids) => {
        // Asked while the first batch is landing: the run must stop before the second.
        if (firstBatch === 0) {
          firstBatch = guids.length;
          expect(bulk.pause(opId)).toMatchObject({ state: 'running', requested: 'pause' });
        }
      },
    });
    expect(paused.operation).toMatchObject({ state: 'paused', requested: null, changed: firstBatch });
    expect(firstBatch).toBeGreaterThan(0);
    expect(paused.operation.total).toBeGreaterThan(firstBatch);
    const halfway = await readEntries(session, db, store.entries.guids(worksetId));
    expect(marks(halfway).filter((n) => n > 0)).toHaveLength(firstBatch);
    // Each entry is either untouched or complete: a paused run has written whole entries only.
    halfway.forEach((entry, i) => {
      if (entry.xml === before[i].xml) return;
      expect(glossesOf(entry.xml)).toEqual(markedOnce([before[i]])[0]);
    });

    // A restart: the paused run has no runner, and is not taken for an interrupted one.
    store.close();
    store = openStore(folder);
    expect(store.bulk.markInterrupted()).toEqual([]);
    expect(store.bulk.get(opId)).toMatchObject({ state: 'paused', runnerPid: null });
    expect(() => new BulkService(store).run(session, opId)).rejects.toMatchObject({ code: 'Conflict' });

    const done = await new BulkService(store).resume(session, opId);
    expect(done.operation).toMatchObject({ state: 'done', changed: paused.operation.total - done.operation.skipped });
    const after = await readEntries(session, db, store.entries.guids(worksetId));
    expect(after.map((e) => glossesOf(e.xml))).toEqual(markedOnce(before));
    await new BulkService(store).undo(session, opId);
    expect((await readEntries(session, db, store.entries.guids(worksetId))).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
  });

  it('offers only what each state allows', async () => {
    const bulk = new BulkService(store);
    const preview = await bulk.preview(session, worksetId, OP);
    const opId = preview.operation.id;
    expect(() => bulk.pause(opId)).toThrow(/only a running operation can be paused/);
    await expect(bulk.resume(session, opId)).rejects.toMatchObject({ code: 'Conflict' });
    const paused = await bulk.run(session, opId, { onWritten: () => void bulk.pause(opId) });
    expect(paused.operation.state).toBe('paused');
    expect(bulk.pause(opId).state).toBe('paused');
    // Given up for good: the part written stays, and can be undone.
    expect(bulk.cancel(opId).state).toBe('cancelled');
    await expect(bulk.resume(session, opId)).rejects.toMatchObject({ code: 'Conflict' });
    expect((await bulk.undo(session, opId)).operation.state).toBe('undone');
    expect((await readEntries(session, db, store.entries.guids(worksetId))).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
  });

  it('is paused and resumed from the command line while another process runs it', async () => {
    const runner: ChildProcessWithoutNullStreams = spawn(process.execPath, [
      '--import', 'tsx', RUNNER, folder, JSON.stringify(inject('basex')), String(worksetId), JSON.stringify(OP),
    ]);
    const messages = createInterface({ input: runner.stdout })[Symbol.asyncIterator]();
    const next = async (): Promise<{ opId?: number; done?: number; finished?: boolean; state?: string }> => JSON.parse((await messages.next()).value as string);
    const { opId } = await next();
    if (!opId) throw new Error('the runner printed no operation id');
    // The runner now waits after its first batch, until told to go on.
    expect((await next()).done).toBeGreaterThan(0);

    const pause = cli('bulk', 'pause', String(opId), '--json');
    await until('the pause to be asked', () => (store.bulk.get(opId).requested === 'pause' ? true : undefined));
    runner.stdin.write('go\n');
    expect(await next()).toEqual({ finished: true, state: 'paused' });
    const paused = await pause;
    expect(paused).toMatchObject({ code: 0, stderr: '' });
    const pausedOp = (JSON.parse(paused.stdout) as { operation: { id: number; state: string; changed: number } }).operation;
    expect(pausedOp).toMatchObject({ id: opId, state: 'paused' });
    expect(pausedOp.changed).toBeGreaterThan(0);

    const resumed = await cli('bulk', 'resume', String(opId), '--json');
    expect(resumed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(resumed.stdout)).toMatchObject({ operation: { id: opId, state: 'done' } });
    expect((await readEntries(session, db, store.entries.guids(worksetId))).map((e) => glossesOf(e.xml))).toEqual(markedOnce(before));

    const again = await cli('bulk', 'pause', String(opId));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bulk operation \d+ is done: only a running operation can be paused/);
    expect((await cli('bulk', 'pause')).code).not.toBe(0);
    await new BulkService(store).undo(session, opId);
  });

  function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [CLI, ...args, '--data', folder, '--basex', serverUrl()]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
    });
  }
});
