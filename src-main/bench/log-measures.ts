import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { Queryable } from '../basex/queryable.js';
import type { ChangeRecord } from '../domain/changes.js';
import type { FieldEdit } from '../domain/edits.js';
import type { ServerMessage } from '../host/wire.js';
import type { EventPayloads } from '../ipc/contract.js';
import { lastChange, type ChangeMeta } from '../lift/change-log.js';
import { onDatabase } from '../lift/database-query.js';
import { LIFT_PROLOG } from '../lift/documents.js';
import { applyEdit, LIVE_ENTRY, readEntries, type EntryXml } from '../lift/entry-xml.js';
import { FIELD_EDIT_PROLOG, fieldEditBindings, VERSION_FUNCTION } from '../lift/field-edit-xquery.js';
import { rendererRoot } from '../resources.js';
import { stopChild } from './stop-child.js';
import type { BenchContext } from './setup.js';
import { alternate, ratio, summarize, type Summary } from './stats.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'bin/workset-browser.mjs');
const PROPAGATED_EDITS = 20;
/** Longer than any poll round; a change not seen by then is a change the follower lost. */
const ARRIVAL_TIMEOUT_MS = 10_000;
/** The child's first change also waits for its start (tsx compiling the app). */
const START_TIMEOUT_MS = 90_000;

/** applyEdit's query without the log: the version check and the same updates of the stored entry. */
const BARE_EDIT = `${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${LIVE_ENTRY}
 declare variable $guid as xs:string external;
 declare variable $version as xs:string external;
 let $e := local:entry($guid)
 return if (empty($e) or local:version($e) != $version) then update:output('changed')
   else (update:output('applied'), local:apply($e), local:stamp($e))`;

const gloss = (value: string): FieldEdit => ({ action: 'set', field: 'gloss', lang: 'en', value });

/** Entries spread over the dictionary, one per edit, so no run edits an entry another run wrote. */
async function spreadEntries(c: BenchContext, session: Queryable, n: number): Promise<EntryXml[]> {
  const guids = await session.query(
    onDatabase(c.db, `declare variable $db external; declare variable $n as xs:integer external;
     let $all := db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)]
     let $step := max((1, count($all) idiv $n))
     for $i in 1 to min(($n, count($all))) return $all[$i * $step]/@guid/string()`),
    { n },
    { idempotent: true },
  );
  return readEntries(session, c.db, guids);
}

function changeMeta(c: BenchContext, window: string): ChangeMeta {
  return { author: c.services.services.author, window, op: 'edit' };
}

async function editOne(session: Queryable, c: BenchContext, entry: EntryXml, value: string, meta: ChangeMeta): Promise<void> {
  const [outcome] = await applyEdit(session, c.db, gloss(value), [entry], meta);
  // A run that wrote nothing would time nothing.
  if (outcome?.state !== 'applied') throw new Error(`bench edit of ${entry.guid} was ${outcome?.state ?? 'not answered'}`);
}

let editRounds = 0;
/** Part of every value the bench writes, so values are new even on a dictionary an earlier run wrote. */
const RUN = Date.now().toString(36);

/** A gloss `set` of one entry as the app saves it, change record and all, against the same edit with no record. */
export async function measureEditRecord(c: BenchContext): Promise<Summary & { raw: Summary; ratio: number }> {
  const session = c.services.registry.open('bench-edit');
  try {
    const entries = await spreadEntries(c, session, 2 * (Math.max(30, c.options.runs * 6) + 1));
    const meta = changeMeta(c, 'bench-edit');
    // Values new to every call, so a second call in one run still changes each entry.
    const round = `${RUN}.${++editRounds}`;
    let next = 0;
    const series = await alternate(
      Math.floor(entries.length / 2) - 1,
      () => editOne(session, c, entries[next++], `Bench edit ${round}.${next}`, meta),
      async () => {
        const entry = entries[next++];
        const [state] = await session.query(onDatabase(c.db, BARE_EDIT), { guid: entry.guid, version: entry.version, ...fieldEditBindings(gloss(`Bare edit ${round}.${next}`)) });
        if (state !== 'applied') throw new Error(`bare edit of ${entry.guid} was ${state ?? 'not answered'}`);
      },
    );
    const ours = summarize(series.a);
    const raw = summarize(series.b);
    return { ...ours, raw, ratio: ratio(ours.median_ms, raw.median_ms) };
  } finally {
    await c.services.registry.close('bench-edit');
  }
}

/** Another process that follows the log, and when each entry's change reached this one from it. */
interface OtherProcess {
  /** `serve`: the app's own follower, its `entries-changed` to a window; `watch`: the CLI's, where the renderer is not built. */
  readonly via: 'serve' | 'watch';
  /** performance.now() when the change to `guid` arrived. */
  arrival(guid: string, timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The time from a change this process commits to the moment another process, following the
 * log, delivers it: `entries-changed` reaching a browser window of `serve`, which is what a
 * colleague's window waits for. Edits are spaced 300–700 ms apart so they fall at every phase
 * of the follower's poll, and each is timed from the end of its updating query (the commit).
 */
export async function measurePropagation(c: BenchContext): Promise<Summary & { samples: number[]; via: string }> {
  const session = c.services.registry.open('bench-propagation');
  let other: OtherProcess | undefined;
  try {
    const entries = await spreadEntries(c, session, PROPAGATED_EDITS + 1);
    const meta = changeMeta(c, 'bench-propagation');
    other = await startOtherProcess(c, await lastChange(session, c.db));
    const samples: number[] = [];
    for (const [i, entry] of entries.entries()) {
      await editOne(session, c, entry, `Propagated ${RUN}.${i}`, meta);
      const committed = performance.now();
      // The first edit also waits for a `watch` child's start, and is not counted.
      const arrived = await other.arrival(entry.guid, i === 0 ? START_TIMEOUT_MS : ARRIVAL_TIMEOUT_MS);
      if (i > 0) samples.push(Math.round(Math.max(0, arrived - committed) * 10) / 10);
      await new Promise((wake) => setTimeout(wake, 300 + Math.random() * 400));
    }
    return { ...summarize(samples), samples, via: other.via };
  } finally {
    await other?.stop();
    await c.services.registry.close('bench-propagation');
  }
}

function rendererBuilt(): boolean {
  try {
    rendererRoot();
    return true;
  } catch {
    return false;
  }
}

/** `work`, or an error naming `what` after `ms`. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: ${what} within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** `serve` (or `watch`) on the bench's data folder, so on its BaseX server; $BASEX_URL is inherited. */
async function startOtherProcess(c: BenchContext, since: number): Promise<OtherProcess> {
  const via = rendererBuilt() ? 'serve' : 'watch';
  const args = via === 'serve' ? ['serve', '--json', '--no-sample'] : ['watch', c.db, '--json', '--since', String(since)];
  const child = spawn(process.execPath, [CLI, ...args, '--data', c.options.dataFolder], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // Should the bench exit without its finally (process.exit on a signal), the child goes too.
  const orphan = (): void => void child.kill('SIGTERM');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`bench: ${via} exited with ${signal ?? code}: ${stderr}`))));
  exited.catch(() => undefined);
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const note = (guid: string): void => {
    const at = performance.now();
    if (!arrived.has(guid)) arrived.set(guid, at);
    waiting.get(guid)?.(at);
  };
  const lines = createInterface({ input: child.stdout! });
  let socket: WebSocket | undefined;
  const stop = async (): Promise<void> => {
    socket?.terminate();
    await stopChild(child, 40_000);
  };
  try {
    if (via === 'watch') lines.on('line', (line) => line.startsWith('{') && note((JSON.parse(line) as ChangeRecord).guid));
    else {
      const address = new Promise<string>((done) => lines.once('line', done));
      socket = await within(START_TIMEOUT_MS, Promise.race([exited, address.then((line) => openWindow(c.db, line, note))]), 'serve did not start');
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    via,
    stop,
    arrival: (guid, timeoutMs) => {
      const at = arrived.get(guid);
      if (at !== undefined) return Promise.resolve(at);
      const seen = new Promise<number>((done) => waiting.set(guid, done));
      return within(timeoutMs, Promise.race([seen, exited]), `the change to ${guid} did not reach ${via}`).finally(() => waiting.delete(guid));
    },
  };
}

/** A browser window of `serve` (its address line), once the host greets it: from then on it gets every event. */
function openWindow(db: string, addressLine: string, note: (guid: string) => void): Promise<WebSocket> {
  const { port, url } = JSON.parse(addressLine) as { port: number; url: string };
  const token = new URL(url).searchParams.get('token') ?? '';
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}` });
  return new Promise((ready, fail) => {
    // Also after the greeting: the socket drops when the child is stopped.
    socket.on('error', fail);
    socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'hello') ready(socket);
      if (message.type === 'event' && message.event === 'entries-changed') {
        const payload = message.payload as EventPayloads['entries-changed'];
        if (payload.dictionary === db) for (const guid of payload.guids) note(guid);
      }
    });
  });
}
