import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { ChangeRecord } from '../../src-main/domain/changes.js';
import { importLift } from '../../src-main/lift/import.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { connectTestSession, testServerUrl, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { CLI, runCli } from '../helpers/cli.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

/** `revert` and `watch`, each in its own process, on changes another process (this test) makes. */
describe('workset-browser revert and watch', () => {
  let session: BaseXSession;
  let store: Store;
  const folder = mkdtempSync(join(tmpdir(), 'wb-revert-cli-'));
  const db = uniqueName('revert_cli');
  let guids: string[] = [];
  let ben: EntryService;

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, SAMPLE, { database: db });
    store = openStore(join(folder, 'ben'));
    ben = new EntryService(store, { ...TEST_AUTHOR, who: 'Ben', instance: 'ben' });
    guids = await session.query(`declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)][sense/gloss[@lang = 'en']]/@guid/string()`, { db });
  });
  afterAll(async () => {
    store.close();
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const gloss = (value: string) => ({ action: 'set' as const, field: 'gloss' as const, lang: 'en', value });

  it('reverts a change, refuses one whose field changed again (exit 1 naming who), and forces it', async () => {
    const opened = await ben.get(session, db, guids[0]);
    const first = await ben.edit(session, db, guids[0], opened.version, gloss('first'));
    const reverted = await runCli(folder, 'revert', db, String(first.change), '--json', '--user', 'Ana');
    expect(reverted.stderr).toBe('');
    const outcome = JSON.parse(reverted.stdout) as { reverted: number; seq: number; guid: string; version: string };
    expect(outcome).toEqual({ reverted: first.change, seq: expect.any(Number), guid: guids[0], version: opened.version });
    expect((await ben.history(session, db, guids[0]))[0]).toMatchObject({ seq: outcome.seq, op: 'revert', who: 'Ana', window: 'cli', reverts: first.change });

    const mine = await ben.edit(session, db, guids[1], (await ben.get(session, db, guids[1])).version, gloss('mine'));
    const theirs = await ben.edit(session, db, guids[1], mine.version, gloss('theirs'));
    const refused = await runCli(folder, 'revert', db, String(mine.change));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`workset-browser: change ${mine.change} cannot be reverted alone: Ben changed it again (change ${theirs.change}) (--force reverts it anyway)\n`);
    expect((await ben.get(session, db, guids[1])).version).toBe(theirs.version);
    const forced = await runCli(folder, 'revert', db, String(mine.change), '--force');
    expect(forced).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(new RegExp(`^reverted change ${mine.change} of entry ${guids[1]}`)) });
    expect((await ben.get(session, db, guids[1])).xml).not.toContain('theirs');
    expect(await runCli(folder, 'revert', db, '999999')).toMatchObject({ code: 1, stderr: `workset-browser: ${db} has no change 999999 in its log\n` });
  }, 120_000);

  it('compacts the log: older changes keep who, when and what, but no longer revert', async () => {
    const opened = await ben.get(session, db, guids[3]);
    const saved = await ben.edit(session, db, guids[3], opened.version, gloss('compacted away'));
    expect(await runCli(folder, 'log', 'compact', db, '--before', 'yesterday')).toMatchObject({ code: 2, stderr: expect.stringMatching(/"yesterday" is not a date/) });
    const future = new Date(Date.now() + 60_000).toISOString();
    const compacted = JSON.parse((await runCli(folder, 'log', 'compact', db, '--before', future, '--json')).stdout) as { compacted: number; before: string };
    expect(compacted).toEqual({ compacted: expect.any(Number), before: future });
    expect(compacted.compacted).toBeGreaterThan(0);
    expect((await ben.history(session, db, guids[3]))[0]).toMatchObject({ seq: saved.change, who: 'Ben', op: 'edit', now: ['compacted away'] });
    expect(await runCli(folder, 'revert', db, String(saved.change))).toMatchObject({ code: 1, stderr: expect.stringMatching(/the log was compacted/) });
  }, 120_000);

  it('prints each change as it lands, one JSON line each, until interrupted', async () => {
    const opened = await ben.get(session, db, guids[2]);
    const first = await ben.edit(session, db, guids[2], opened.version, gloss('watched 1'));
    // From just before the first change: the watcher prints it whenever it starts, which shows it is following.
    const watcher = spawn(process.execPath, [CLI, 'watch', db, '--since', String((first.change ?? 1) - 1), '--json', '--data', folder, '--basex', testServerUrl()]);
    const lines: ChangeRecord[] = [];
    let stderr = '';
    let pending = '';
    const waiters: (() => void)[] = [];
    watcher.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) lines.push(JSON.parse(line) as ChangeRecord);
      for (const wake of waiters.splice(0)) wake();
    });
    watcher.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => watcher.on('exit', (code) => done(code)));
    const seen = async (seq: number) => {
      while (!lines.some((l) => l.seq === seq)) await new Promise<void>((wake) => waiters.push(wake));
    };
    try {
      await seen(first.change ?? 0);
      const second = await ben.edit(session, db, guids[2], first.version, gloss('watched 2'));
      await seen(second.change ?? 0);
      expect(lines.map((l) => [l.seq, l.who, l.op, l.now])).toEqual([[first.change, 'Ben', 'edit', ['watched 1']], [second.change, 'Ben', 'edit', ['watched 2']]]);
    } finally {
      watcher.kill('SIGTERM');
    }
    expect(await exited).toBe(143);
    expect(stderr).toBe('');
  }, 120_000);
});
