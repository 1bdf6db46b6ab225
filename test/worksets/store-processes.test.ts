import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../src-main/worksets/store/errors.js';
import { STORE_FILE, openStore, type Store } from '../../src-main/worksets/store/index.js';

/**
 * Several windows and processes on one store file: a write lock held too long is a typed
 * `Unavailable`, and a process killed mid-transaction leaves a sound file.
 */

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

/** Holds a write transaction, with an uncommitted workset in it, until killed (or see RELEASE_AFTER). */
const LOCK_HOLDER = `
  const Database = require(process.env.BETTER_SQLITE3);
  const db = new Database(process.env.STORE_PATH);
  db.exec('BEGIN IMMEDIATE');
  db.prepare("INSERT INTO worksets (dictionary, name, name_key, query, created, updated) VALUES ('fr', 'uncommitted', 'uncommitted', '{}', 'x', 'x')").run();
  console.log('locked');
  // With RELEASE_AFTER, commits HOLD_MS after that file appears (the parent writes it just before
  // it starts waiting for the lock), so the parent surely waits, however slow either process is.
  const hold = Number(process.env.HOLD_MS);
  const after = process.env.RELEASE_AFTER;
  const release = () => setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); }, hold);
  if (after) {
    const poll = setInterval(() => { if (require('node:fs').existsSync(after)) { clearInterval(poll); release(); } }, 10);
  } else setInterval(() => {}, 1000);
`;

const children: ChildProcess[] = [];

/** Runs `code` in a new Node process and resolves once it prints `ready`. */
async function startChild(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  await new Promise<void>((resolvePromise, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolvePromise();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before "${ready}": ${output}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

function integrity(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('workset store shared by processes', () => {
  let folder: string;
  let file: string;
  let store: Store;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'wb-store-processes-'));
    file = join(folder, STORE_FILE);
    store = openStore(folder, { busyTimeoutMs: 300 });
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map(kill));
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('fails a write Unavailable after the busy timeout while another connection holds the write lock, and reads go on', () => {
    const other = openStore(folder);
    const workset = store.worksets.create({ dictionary: 'fr', name: 'Before', query: '{}' });
    try {
      other.transaction(() => {
        other.worksets.create({ dictionary: 'fr', name: 'Other window', query: '{}' });
        const started = performance.now();
        expect(() => store.worksets.rename(workset.id, 'After')).toThrow(expect.objectContaining({ code: 'Unavailable', message: BUSY_MESSAGE }));
        expect(performance.now() - started).toBeGreaterThanOrEqual(250);
        // WAL: readers do not wait for the writer, and see only what it has committed.
        expect(store.worksets.list('fr').map((row) => row.name)).toEqual(['Before']);
        // A window opening meanwhile needs no migration, so no write lock either.
        openStore(folder, { busyTimeoutMs: 0 }).close();
      });
    } finally {
      other.close();
    }
    expect(store.worksets.rename(workset.id, 'After').name).toBe('After');
    expect(store.worksets.list('fr').map((row) => row.name)).toEqual(['After', 'Other window']);
  });

  it('survives a process killed while holding the write lock: Unavailable meanwhile, a sound file after', async () => {
    const workset = store.worksets.create({ dictionary: 'fr', name: 'Kept', query: '{}' });
    store.entries.replaceSnapshot(workset.id, Array.from({ length: 1000 }, (_, i) => ({ guid: `g${i}`, keys: { headword: `w${i}`, pos: null, gloss: null, dateCreated: null, dateModified: null } })));
    const holder = await startChild(['-e', LOCK_HOLDER], { BETTER_SQLITE3, STORE_PATH: file, HOLD_MS: '0' }, 'locked');

    const error = (() => {
      try {
        store.entries.setStatus(workset.id, 'g1', 'done');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ code: 'Unavailable', message: expect.stringMatching(/workset store is busy.*try again/) });

    await kill(holder);
    expect(store.entries.setStatus(workset.id, 'g1', 'done').status).toBe('done');
    expect(store.worksets.list().map((row) => row.name)).toEqual(['Kept']);
    store.close();
    expect(integrity(file)).toBe('ok');
  });

  it('waits out a lock shorter than the busy timeout instead of failing', async () => {
    const patient = openStore(folder, { busyTimeoutMs: 60_000 });
    const waiting = join(folder, 'waiting');
    try {
      await startChild(['-e', LOCK_HOLDER], { BETTER_SQLITE3, STORE_PATH: file, HOLD_MS: '300', RELEASE_AFTER: waiting }, 'locked');
      writeFileSync(waiting, '');
      const started = performance.now();
      patient.worksets.create({ dictionary: 'fr', name: 'Patient', query: '{}' });
      // The holder commits at least 300 ms after the file appeared, and this create began before.
      expect(performance.now() - started).toBeGreaterThan(250);
      expect(patient.worksets.list('fr').map((row) => row.name)).toEqual(['Patient', 'uncommitted']);
    } finally {
      patient.close();
    }
  });
});
