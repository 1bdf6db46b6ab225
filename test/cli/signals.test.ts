/**
 * Quitting leaves nothing running: `serve` and `npm start` are started in their own process
 * group, as a shell starts a job, then signalled as a terminal does (Ctrl+C is SIGINT to the
 * whole group, closing the terminal SIGHUP), and within 15 s no BaseX server of their data
 * folder may remain, nor any process of the group. Every wait is on observed state.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src-main/basex/file-lock.js';
import { serverFiles } from '../../src-main/basex/server-files.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/workset-browser.mjs');
/** The issue's bound: everything gone this long after the signals. */
const GONE_WITHIN_MS = 15_000;

interface Job {
  readonly child: ChildProcess;
  /** The process group: the leader's pid, as with `spawn(…, { detached: true })`. */
  readonly group: number;
  readonly dataFolder: string;
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// `serve` serves the built renderer: `npm test` builds first; a lone `vitest run` builds here.
beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
}, 300_000);

const jobs: Job[] = [];
afterEach(() => {
  // Whatever a failed test left: its group and its BaseX servers, then the folder.
  for (const job of jobs.splice(0)) {
    for (const pid of [...groupMembers(job.group), ...basexProcesses(job.dataFolder)]) killQuietly(pid);
    rmSync(job.dataFolder, { recursive: true, force: true });
  }
});

function start(command: string, args: string[], dataFolder = mkdtempSync(join(tmpdir(), 'wb-signals-'))): Job {
  const env: NodeJS.ProcessEnv = { ...process.env, WORKSET_BROWSER_DATA: dataFolder };
  delete env.BASEX_URL;
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const job = { child, group: child.pid ?? 0, dataFolder, output: () => output, exited };
  jobs.push(job);
  return job;
}

function serve(dataFolder = mkdtempSync(join(tmpdir(), 'wb-signals-'))): Job {
  return start(process.execPath, [CLI, 'serve', '--no-sample', '--data', dataFolder], dataFolder);
}

/** Polls observed state (never a fixed sleep) until `check` gives a value, or fails naming what was awaited. */
async function until<T>(what: string, timeoutMs: number, check: () => T | undefined, job?: Job): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}${job ? `\n--- output ---\n${job.output()}` : ''}`);
    await sleep(50);
  }
}

/** The job is serving: it printed its address, and server.json names a live BaseX with a lease on it. */
async function ready(job: Job, timeoutMs: number): Promise<number> {
  return until('the address printed and BaseX running', timeoutMs, () => {
    if (job.child.exitCode !== null) throw new Error(`exited early (${job.child.exitCode}):\n${job.output()}`);
    if (!job.output().includes('Workset Browser is at http://127.0.0.1:')) return undefined;
    const pid = serverPid(job.dataFolder);
    return pid && isAlive(pid) && leases(job.dataFolder).length > 0 ? pid : undefined;
  }, job);
}

/** Nothing left: no BaseX of the folder, no process of the group, no server.json or lease. */
async function nothingLeft(job: Job, basexPid: number): Promise<void> {
  await until(`no BaseX of ${job.dataFolder} and no process of group ${job.group}`, GONE_WITHIN_MS, () => {
    return !isAlive(basexPid) && basexProcesses(job.dataFolder).length === 0 && groupMembers(job.group).length === 0;
  }, job);
  expect(existsSync(serverFiles(job.dataFolder).stateFile)).toBe(false);
  expect(leases(job.dataFolder)).toEqual([]);
}

function signalGroup(job: Job, ...signals: NodeJS.Signals[]): void {
  for (const signal of signals) process.kill(-job.group, signal);
}

function serverPid(dataFolder: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(serverFiles(dataFolder).stateFile, 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

function leases(dataFolder: string): string[] {
  const dir = serverFiles(dataFolder).leasesDir;
  return existsSync(dir) ? readdirSync(dir) : [];
}

interface Process {
  readonly pid: number;
  readonly group: number;
  readonly argv: string[];
  readonly command: string;
}

function processes(): Process[] {
  const found: Process[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state, ppid, pgrp, …
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      found.push({ pid: Number(name), group, argv, command: argv.join(' ') });
    } catch {
      // exited while we looked
    }
  }
  return found;
}

function groupMembers(group: number): number[] {
  return processes().filter((p) => p.group === group).map((p) => p.pid);
}

/** BaseX servers whose home is this data folder, found by their command line rather than server.json. */
function basexProcesses(dataFolder: string): number[] {
  const home = serverFiles(dataFolder).home + '/';
  return processes().filter((p) => p.command.includes('org.basex.BaseXServer') && p.command.includes(home)).map((p) => p.pid);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

describe('serve quits leaving nothing running', () => {
  const cases: { name: string; signals: NodeJS.Signals[]; code: number | number[] }[] = [
    { name: 'Ctrl+C twice in quick succession', signals: ['SIGINT', 'SIGINT'], code: 130 },
    { name: 'SIGTERM', signals: ['SIGTERM'], code: 143 },
    { name: 'the terminal closing (SIGHUP)', signals: ['SIGHUP'], code: 129 },
    // Signals pending together reach the process in no set order: any of the three may be "first".
    { name: 'Ctrl+C, SIGTERM and SIGHUP together, then Ctrl+C again', signals: ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGINT'], code: [130, 143, 129] },
  ];
  for (const { name, signals, code } of cases) {
    it(name, async () => {
      const job = serve();
      const basex = await ready(job, 60_000);
      signalGroup(job, ...signals);
      await nothingLeft(job, basex);
      const exit = await job.exited;
      expect(exit.signal).toBeNull();
      expect([code].flat()).toContain(exit.code);
    });
  }

  it('a Ctrl+C while the BaseX server is still starting stops it once started', async () => {
    const job = serve();
    // As soon as its BaseX process exists, whether or not it accepts logins yet.
    const basex = await until('a BaseX process for the data folder', 60_000, () => basexProcesses(job.dataFolder)[0], job);
    signalGroup(job, 'SIGINT', 'SIGINT');
    await nothingLeft(job, basex);
    expect((await job.exited).code).toBe(130);
  });

  it('the server outlives the first of two users and stops with the last', async () => {
    const first = serve();
    const basex = await ready(first, 60_000);
    const second = serve(first.dataFolder);
    await ready(second, 60_000);
    expect(serverPid(first.dataFolder)).toBe(basex);
    signalGroup(first, 'SIGINT', 'SIGINT');
    expect((await first.exited).code).toBe(130);
    expect(isAlive(basex)).toBe(true);
    expect(leases(first.dataFolder)).toHaveLength(1);
    signalGroup(second, 'SIGTERM', 'SIGTERM');
    await nothingLeft(second, basex);
    expect((await second.exited).code).toBe(143);
  });
});

describe('a command that started the embedded server quits leaving nothing running', () => {
  it('bench, SIGTERM while it measures', async () => {
    const data = mkdtempSync(join(tmpdir(), 'wb-signals-'));
    const job = start(process.execPath, [CLI, 'bench', '--entries', '300', '--runs', '1', '--data', data], data);
    // The bench runs its own embedded server in <data>/bench.
    const bench = { ...job, dataFolder: join(data, 'bench') };
    const basex = await until('the bench importing on its BaseX', 120_000, () => {
      if (job.child.exitCode !== null) throw new Error(`exited early (${job.child.exitCode}):\n${job.output()}`);
      const pid = serverPid(bench.dataFolder);
      return job.output().includes('bench: importing') && pid && isAlive(pid) && leases(bench.dataFolder).length > 0 ? pid : undefined;
    }, job);
    signalGroup(job, 'SIGTERM');
    await nothingLeft(bench, basex);
    expect((await job.exited).code).toBe(143);
  });
});

/** `npm start` would run `npm ci` over node_modules that others are using: refuse rather than do that. */
function nodeModulesCurrent(): boolean {
  const installed = join(ROOT, 'node_modules', '.package-lock.json');
  return existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(ROOT, 'package-lock.json')).mtimeMs;
}

/** With an Electron runtime `npm start` opens a window, which no test here can watch. */
const electronInstalled = existsSync(join(ROOT, 'node_modules/electron/path.txt'));

describe.skipIf(electronInstalled)('npm start (the browser host: no Electron runtime here) quits leaving nothing running', () => {
  const npmStart = (): Job => {
    if (!nodeModulesCurrent()) throw new Error('node_modules is older than package-lock.json: run `npm ci` first');
    return start('npm', ['start']);
  };
  /** npm runs `sh -c 'node scripts/start.mjs'`, which runs serve: the node process is the one a `kill` names. */
  const startScript = (job: Job): Promise<number> =>
    until('node scripts/start.mjs in the group', 5_000, () => processes().find((p) => p.group === job.group && /(^|\/)node$/.test(p.argv[0] ?? '') && p.argv[1] === 'scripts/start.mjs')?.pid);

  const groupCases: { name: string; signals: NodeJS.Signals[] }[] = [
    { name: 'Ctrl+C twice in quick succession', signals: ['SIGINT', 'SIGINT'] },
    { name: 'SIGTERM to the group', signals: ['SIGTERM'] },
    { name: 'the terminal closing (SIGHUP to the group)', signals: ['SIGHUP'] },
  ];
  for (const { name, signals } of groupCases) {
    it(name, async () => {
      const job = npmStart();
      const basex = await ready(job, 240_000);
      signalGroup(job, ...signals);
      await nothingLeft(job, basex);
      await job.exited;
    }, 300_000);
  }

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} to scripts/start.mjs alone is passed on, and it waits for the app`, async () => {
      const job = npmStart();
      const basex = await ready(job, 240_000);
      const script = await startScript(job);
      const app = processes().find((p) => p.group === job.group && p.argv[1] === CLI && p.argv[2] === 'serve')?.pid ?? 0;
      expect(app).toBeGreaterThan(0);
      // Until everything is gone, start.mjs must never be seen gone while the app still runs.
      let leftBeforeApp = false;
      const watching = until('start.mjs gone', GONE_WITHIN_MS + 5_000, () => {
        const gone = !isAlive(script);
        if (gone && isAlive(app)) leftBeforeApp = true;
        return gone;
      });
      process.kill(script, signal);
      await nothingLeft(job, basex);
      await watching;
      expect(leftBeforeApp).toBe(false);
      await job.exited;
    }, 300_000);
  }
});
