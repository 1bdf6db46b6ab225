import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { serverFiles } from '../basex/server-files.js';
import type { ChangeRecord } from '../domain/changes.js';
import { changesSince, lastChange } from '../lift/change-log.js';
import { entryViews } from '../lift/entry-view.js';
import { serverMembers } from '../lift/workset-documents.js';
import { ChangeFollower } from '../worksets/change-follower.js';
import type { BenchContext } from './setup.js';
import { summarize } from './stats.js';
import type { DesktopPlan, DesktopResult, WindowPlan } from './team-desktop.js';
import { stopChild } from './stop-child.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DESKTOP = resolve(import.meta.dirname, 'team-desktop.ts');
const DESKTOPS = 20;
const WINDOWS = 4;
/** Entries two windows of two desktops both edit: few enough that saves meet. */
const SHARED_EDITS = 8;
/** Twenty processes compiling the app through tsx on two cores. */
const START_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 600_000;
/** A change not seen by then is one the follower lost. */
const ARRIVAL_TIMEOUT_MS = 10_000;

export interface TeamFigures {
  readonly desktops: number;
  readonly windows: number;
  readonly rounds: number;
  readonly page_p95_ms: number;
  readonly save_p95_ms: number;
  readonly curate_p95_ms: number;
  readonly propagation_p95_ms: number;
  /** Acknowledged edits the follower did not see within ARRIVAL_TIMEOUT_MS. */
  readonly propagation_missed: number;
  /** CPU time of the BaseX server over the run; null when it is not a local process of ours. */
  readonly server_cpu_s: number | null;
  readonly desktops_cpu_s: number;
  readonly wall_s: number;
  readonly acknowledged: number;
  readonly stored: number;
  readonly refused: number;
  readonly refused_but_stored: number;
  /** Writes answered with an error other than a refusal. */
  readonly failed: number;
  readonly lost: number;
}

/** A desktop process: its lines, in order, and its end. */
interface Desktop {
  readonly child: ChildProcess;
  next(what: string, timeoutMs: number): Promise<string>;
}

/**
 * Issue 13's load test: 20 desktops (processes, each with its own data folder) × 4 windows (each
 * its own session) on the bench's one server, all in the bench's paging workset (its membership
 * a snapshot, so the bulk measures' part-of-speech changes leave it whole). Each window pages,
 * edits (from the version it read, so some saves meet a colleague's and are refused) and
 * curates. This process follows the log as another desktop would, timing each acknowledged
 * edit's arrival, then checks every acknowledged write against the log and what is stored now,
 * and that no refused one was written.
 */
export async function measureTeam(c: BenchContext, worksetId: number): Promise<TeamFigures> {
  const rounds = Math.max(3, c.options.runs * 2);
  const members = await c.worksets.members(c.admin, worksetId);
  const plans = planDesktops(c, worksetId, members, rounds);
  const arrivals = new Map<number, number>();
  const follower = new ChangeFollower({
    store: c.services.store,
    author: c.services.services.author,
    connect: () => c.services.server.connect(),
    onChanges: (db, changes) => {
      const at = Date.now();
      if (db === c.db) for (const change of changes) if (!arrivals.has(change.seq)) arrivals.set(change.seq, at);
    },
  });
  const desktops: Desktop[] = [];
  // Should the bench exit without its finally (process.exit on a signal), the desktops go too.
  const orphans = (): void => desktops.forEach((d) => d.child.kill('SIGKILL'));
  process.once('exit', orphans);
  try {
    const starting = Date.now();
    for (const plan of plans) desktops.push(startDesktop(plan, c.services.server.address.password));
    await Promise.all(desktops.map((d) => d.next('ready', START_TIMEOUT_MS)));
    c.options.log(`team_20x4: ${DESKTOPS} desktops ready in ${((Date.now() - starting) / 1000).toFixed(1)} s (workset of ${members.length})`);
    const since = await lastChange(c.admin, c.db);
    await follower.start();
    const cpuBefore = serverCpu(c);
    const started = Date.now();
    for (const d of desktops) d.child.stdin?.write('go\n');
    const results = (await Promise.all(desktops.map((d) => d.next('result', RUN_TIMEOUT_MS)))).map((line) => JSON.parse(line) as DesktopResult);
    const wall = (Date.now() - started) / 1000;
    const cpuAfter = serverCpu(c);
    const acked = results.flatMap((r) => r.edits);
    const deadline = Date.now() + ARRIVAL_TIMEOUT_MS;
    while (acked.some((e) => !arrivals.has(e.seq)) && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 100));
    const propagation = acked.filter((e) => arrivals.has(e.seq)).map((e) => Math.max(0, (arrivals.get(e.seq) ?? 0) - e.at));
    const verifying = Date.now();
    const checked = await verify(c, worksetId, results, since);
    c.options.log(`team_20x4: ${DESKTOPS * WINDOWS} windows done in ${wall.toFixed(1)} s, checked in ${((Date.now() - verifying) / 1000).toFixed(1)} s`);
    return {
      desktops: DESKTOPS,
      windows: DESKTOPS * WINDOWS,
      rounds,
      page_p95_ms: summarize(results.flatMap((r) => r.pageMs)).p95_ms,
      save_p95_ms: summarize(results.flatMap((r) => r.saveMs)).p95_ms,
      curate_p95_ms: summarize(results.flatMap((r) => r.curateMs)).p95_ms,
      propagation_p95_ms: summarize(propagation).p95_ms,
      propagation_missed: acked.length - propagation.length,
      server_cpu_s: cpuBefore === null || cpuAfter === null ? null : Math.round((cpuAfter - cpuBefore) * 100) / 100,
      desktops_cpu_s: Math.round(results.reduce((sum, r) => sum + r.cpuS, 0) * 100) / 100,
      wall_s: Math.round(wall * 10) / 10,
      ...checked,
      failed: results.reduce((sum, r) => sum + r.failed.length, 0),
    };
  } finally {
    await follower.stop();
    await Promise.all(desktops.map((d) => stopChild(d.child, 10_000)));
    process.off('exit', orphans);
  }
}

/**
 * Window w of desktop d shares its entries to edit with window w of desktop d ^ 1; each window
 * curates entries of its own (shared only when the workset is smaller than the run).
 */
function planDesktops(c: BenchContext, worksetId: number, members: readonly string[], rounds: number): DesktopPlan[] {
  if (members.length === 0) throw new Error('bench: the team workset has no members');
  const at = (i: number): string => members[i % members.length];
  const pairs = (DESKTOPS / 2) * WINDOWS;
  const address = { host: c.services.server.address.host, port: c.services.server.address.port, user: c.services.server.address.user };
  const run = Date.now().toString(36);
  rmSync(join(c.options.dataFolder, 'team'), { recursive: true, force: true });
  return Array.from({ length: DESKTOPS }, (_, desktop) => {
    const dataFolder = join(c.options.dataFolder, 'team', `desktop-${desktop}`);
    mkdirSync(dataFolder, { recursive: true });
    const windows: WindowPlan[] = Array.from({ length: WINDOWS }, (_, w) => {
      const pair = Math.floor(desktop / 2) * WINDOWS + w;
      const own = desktop * WINDOWS + w;
      return {
        name: `team-d${desktop}-w${w}`,
        edits: Array.from({ length: SHARED_EDITS }, (_, k) => at(pair * SHARED_EDITS + k)),
        curates: Array.from({ length: rounds }, (_, r) => at(pairs * SHARED_EDITS + own * rounds + r)),
      };
    });
    return { desktop, dataFolder, address, db: c.db, worksetId, rounds, run, windows };
  });
}

function startDesktop(plan: DesktopPlan, password: string): Desktop {
  const child = spawn(process.execPath, ['--import', 'tsx', DESKTOP, JSON.stringify(plan)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`bench: team desktop ${plan.desktop} exited with ${signal ?? code}: ${stderr}`))));
  exited.catch(() => undefined);
  child.stdin?.write(password + '\n');
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    next: (what, timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: team desktop ${plan.desktop} gave no ${what} within ${timeoutMs} ms: ${stderr}`)), timeoutMs)));
      const line = lines.next().then((l) => {
        if (l.done) throw new Error(`bench: team desktop ${plan.desktop} ended before its ${what}: ${stderr}`);
        return l.value;
      });
      return Promise.race([line, exited, late]).finally(() => clearTimeout(timer));
    },
  };
}

/** The embedded server's CPU time so far (utime + stime of its pid), seconds; null for a server elsewhere. */
function serverCpu(c: BenchContext): number | null {
  if (!c.services.server.embedded || process.platform !== 'linux') return null;
  try {
    const { pid } = JSON.parse(readFileSync(serverFiles(c.options.dataFolder).stateFile, 'utf8')) as { pid: number };
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (in parentheses, which may hold spaces): utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // USER_HZ: 100 on every Linux Node runs on.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Every record since `since`, oldest first. */
async function recordsSince(c: BenchContext, since: number): Promise<ChangeRecord[]> {
  const all: ChangeRecord[] = [];
  for (let from = since; ; ) {
    const batch = await changesSince(c.admin, c.db, from, 1000);
    if (batch.length === 0) return all;
    all.push(...batch);
    from = batch[batch.length - 1].seq;
  }
}

/**
 * Every acknowledged write is stored: its record is in the log with its value, and the last
 * record of each entry's gloss and each member's status is what the entry and the workset hold
 * now. A refused save has no record.
 */
async function verify(c: BenchContext, worksetId: number, results: readonly DesktopResult[], since: number): Promise<Pick<TeamFigures, 'acknowledged' | 'stored' | 'refused' | 'refused_but_stored' | 'lost'>> {
  const records = await recordsSince(c, since);
  const edits = records.filter((r) => r.op === 'edit' && r.field === 'gloss');
  const curations = records.filter((r) => r.op === 'curate' && r.field === 'status' && r.workset === worksetId);
  const lastOf = (list: readonly ChangeRecord[]): Map<string, number> => new Map(list.map((r) => [r.guid, r.seq]));
  const lastEdit = lastOf(edits);
  const lastCuration = lastOf(curations);
  const bySeq = new Map(edits.map((r) => [r.seq, r]));
  const acked = results.flatMap((r) => r.edits);
  const glosses = new Map((await entryViews(c.admin, c.db, [...new Set(acked.map((e) => e.guid))])).map((v) => [v.guid, v.glosses.en?.[0]]));
  const statuses = new Map((await serverMembers(c.admin, c.db, worksetId, -1)).map((m) => [m.guid, m.status]));
  let stored = 0;
  for (const edit of acked) {
    const record = bySeq.get(edit.seq);
    if (record?.guid !== edit.guid || !record.now.includes(edit.value)) continue;
    if (lastEdit.get(edit.guid) !== edit.seq || glosses.get(edit.guid) === edit.value) stored++;
  }
  // A window's statuses in its order meet its records of them in theirs.
  const queues = new Map<string, ChangeRecord[]>();
  for (const r of curations) {
    const key = `${r.window}|${r.guid}|${r.now[0] ?? ''}`;
    queues.set(key, [...(queues.get(key) ?? []), r]);
  }
  const statusAcks = results.flatMap((r) => r.statuses);
  for (const ack of statusAcks) {
    const record = queues.get(`${ack.window}|${ack.guid}|${ack.status}`)?.shift();
    if (record && (lastCuration.get(ack.guid) !== record.seq || statuses.get(ack.guid) === ack.status)) stored++;
  }
  const refused = results.flatMap((r) => r.refused);
  const written = new Set(edits.flatMap((r) => r.now.map((v) => `${r.guid}|${v}`)));
  const acknowledged = acked.length + statusAcks.length;
  return {
    acknowledged,
    stored,
    refused: refused.length,
    refused_but_stored: refused.filter((r) => written.has(`${r.guid}|${r.value}`)).length,
    lost: acknowledged - stored,
  };
}
