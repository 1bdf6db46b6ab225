import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, withFileLock, withFileLockNow } from './file-lock.js';
import { ensureAdminPassword, serverFiles, type ServerFiles } from './server-files.js';
import { resolveServerAddress, type CredentialSources } from './server-address.js';
import { BASEX_URL_VARIABLE } from './server-url.js';
import { BaseXSession, type BaseXAddress } from './client-session.js';

/** A process's use of a BaseX server; `release` once when done (the last user stops it). */
export interface ServerLease {
  readonly address: BaseXAddress;
  /** True for the server this app started in its data folder; false for a BASEX_URL server. */
  readonly embedded: boolean;
  release(): Promise<void>;
}

interface ServerState {
  readonly pid: number;
  readonly port: number;
  readonly startedAt: string;
}

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const JAR_CANDIDATES = ['/usr/share/java/basex.jar', '/usr/share/basex/BaseX.jar', '/opt/basex/BaseX.jar'];

/** This process's leases not yet released (by lease file), for releasing them all when quitting. */
const held = new Map<string, { readonly files: ServerFiles; readonly release: () => Promise<void> }>();
/** Leases being taken: quitting waits for them, so that none is taken after the others are released. */
const acquiring = new Set<Promise<ServerLease>>();
/** BaseX servers this process is starting and has not yet recorded in server.json. */
const launching = new Set<number>();
/** Set once the process is quitting: no new lease then, so no server is started that no one would stop. */
let quitting = false;

/**
 * The server to use: `basexUrl` (or $BASEX_URL) names an existing one, its password from the URL,
 * a password file or the data folder's saved connections (server-address.ts); else the embedded one.
 */
export async function useServer(options: { dataFolder: string; basexUrl?: string } & Omit<CredentialSources, 'dataFolder'>): Promise<ServerLease> {
  const url = options.basexUrl ?? process.env[BASEX_URL_VARIABLE];
  if (!url) return useEmbeddedServer(options.dataFolder);
  return { address: resolveServerAddress(url, options), embedded: false, release: () => Promise.resolve() };
}

/**
 * Uses the embedded BaseX server of a data folder, starting it if no other process has.
 *
 * The server listens on a free loopback port with its databases under the data folder and a
 * random admin password. Its port and pid are recorded beside it so a second process (the CLI
 * while the app runs, a second app instance) reuses it; each user holds a lease file and the
 * last one to release stops the server.
 */
export async function useEmbeddedServer(dataFolder: string): Promise<ServerLease> {
  const files = serverFiles(dataFolder);
  mkdirSync(files.leasesDir, { recursive: true, mode: 0o700 });
  const lease = withFileLock(files.lockFile, async () => {
    if (quitting) throw new Error('this process is quitting: no BaseX server is started any more');
    const password = ensureAdminPassword(files);
    const running = await reusableServer(files, password);
    const port = running ?? (await launch(files, password));
    const leaseFile = join(files.leasesDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
    writeFileSync(leaseFile, new Date().toISOString(), { mode: 0o600 });
    let released: Promise<void> | undefined;
    const release = (): Promise<void> => (released ??= releaseLease(files, leaseFile).finally(() => held.delete(leaseFile)));
    held.set(leaseFile, { files, release });
    return { address: { host: HOST, port, user: 'admin', password }, embedded: true, release };
  });
  acquiring.add(lease);
  return lease.finally(() => acquiring.delete(lease));
}

/**
 * Releases every lease this process still holds (stopping the server if it is the last user)
 * and refuses new ones: a window reconnecting while the app quits cannot start a new server.
 */
export async function releaseAllLeases(): Promise<void> {
  quitting = true;
  await Promise.allSettled([...acquiring]);
  await Promise.all([...held.values()].map((lease) => lease.release()));
}

/**
 * The same, synchronously, for a process that must exit now (its cleanup overran): removes its
 * lease files and, if no other live process uses the server, kills it by pid. A server still
 * being started is killed too. Skipped only while another live process holds the launcher lock.
 */
export function releaseAllLeasesNow(): void {
  quitting = true;
  for (const pid of launching) killNow(pid);
  const servers = new Map([...held.values()].map((lease) => [lease.files.stateFile, lease.files]));
  for (const leaseFile of held.keys()) removeFile(leaseFile);
  held.clear();
  for (const files of servers.values()) {
    withFileLockNow(files.lockFile, () => {
      if (liveLeases(files).length > 0) return;
      const state = readState(files);
      if (state && isOurServer(files, state.pid)) killNow(state.pid);
      removeFile(files.stateFile);
    });
  }
}

/**
 * Whether `pid` is still our BaseX server: alive, and (where /proc tells) running BaseXServer
 * on this data folder — a recorded pid may since belong to another program.
 */
function isOurServer(files: ServerFiles, pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return command.includes('org.basex.BaseXServer') && command.includes(files.home);
  } catch {
    // No /proc (macOS, Windows): the login check before reuse still guards against a stranger.
    return process.platform !== 'linux';
  }
}

async function reusableServer(files: ServerFiles, password: string): Promise<number | undefined> {
  const state = readState(files);
  if (!state || !isOurServer(files, state.pid)) return undefined;
  return (await canLogin(state.port, password)) ? state.port : undefined;
}

async function launch(files: ServerFiles, password: string): Promise<number> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      const pid = await startProcess(files, port, password);
      const state: ServerState = { pid, port, startedAt: new Date().toISOString() };
      writeFileSync(files.stateFile, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
      return port;
    } catch (error) {
      lastError = error as Error;
      // Another program may have taken the port between our probe and BaseX's bind: try another.
      if (!/already in use|BindException/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError ?? new Error('BaseX server did not start');
}

async function startProcess(files: ServerFiles, port: number, password: string): Promise<number> {
  const { command, args } = basexServerCommand(files, port);
  const log = openSync(files.logFile, 'a', 0o600);
  const logStart = fileSize(files.logFile);
  // Its own process group: a terminal's Ctrl+C or hangup reaches us, not it; the last user stops it by pid.
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], cwd: files.home });
  closeSync(log);
  child.unref();
  if (child.pid) launching.add(child.pid);
  try {
    return await awaitLogin(child, files, port, password, logStart);
  } finally {
    if (child.pid) launching.delete(child.pid);
  }
}

async function awaitLogin(child: ChildProcess, files: ServerFiles, port: number, password: string, logStart: number): Promise<number> {
  let exited: string | undefined;
  child.once('error', (error) => (exited = error.message));
  child.once('exit', (code, signal) => (exited ??= `exited with ${signal ?? code}`));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== undefined) break;
    if (await canLogin(port, password)) return child.pid ?? 0;
    await sleep(100);
  }
  if (exited === undefined) child.kill('SIGKILL');
  const tail = readFileSync(files.logFile, 'utf8').slice(logStart).trim().split('\n').slice(-5).join(' | ');
  throw new Error(`BaseX server did not start (${exited ?? 'timed out'}): ${tail || `see ${files.logFile}`}`);
}

/** `java -cp basex.jar org.basex.BaseXServer` with its options as system properties. */
function basexServerCommand(files: ServerFiles, port: number): { command: string; args: string[] } {
  const jar = process.env.BASEX_JAR ?? JAR_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!jar) {
    throw new Error('BaseX is not installed: install the Debian package "basex" (apt-get install basex) or set BASEX_JAR to BaseX.jar');
  }
  const options = {
    path: files.home + '/',
    DBPATH: files.dbPath,
    SERVERHOST: HOST,
    // No stop port: the launcher stops the server by its pid, and 8985 would clash between servers.
    STOPPORT: '0',
    LOG: 'false',
  };
  const properties = Object.entries(options).map(([key, value]) => `-Dorg.basex.${key}=${value}`);
  return { command: process.env.JAVA ?? 'java', args: [...properties, '-cp', jar, 'org.basex.BaseXServer', `-p${port}`] };
}

async function releaseLease(files: ServerFiles, leaseFile: string): Promise<void> {
  await withFileLock(files.lockFile, async () => {
    removeFile(leaseFile);
    if (liveLeases(files).length > 0) return;
    const state = readState(files);
    if (state && isOurServer(files, state.pid)) await stopProcess(state.pid);
    removeFile(files.stateFile);
  });
}

/** Leases of processes still running; those of crashed processes are removed. */
function liveLeases(files: ServerFiles): string[] {
  return readdirSync(files.leasesDir).filter((name) => {
    const pid = Number(name.split('-')[0]);
    if (isAlive(pid)) return true;
    removeFile(join(files.leasesDir, name));
    return false;
  });
}

async function stopProcess(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 50) await sleep(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** SIGTERM, a few seconds' grace (blocking: the process exits right after), then SIGKILL. */
function killNow(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 5_000 && isAlive(pid); waited += 50) Atomics.wait(tick, 0, 0, 50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

async function canLogin(port: number, password: string): Promise<boolean> {
  try {
    const session = await BaseXSession.connect({ host: HOST, port, user: 'admin', password }, { connectTimeoutMs: 2_000 });
    await session.close();
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function readState(files: ServerFiles): ServerState | undefined {
  try {
    return JSON.parse(readFileSync(files.stateFile, 'utf8')) as ServerState;
  } catch {
    return undefined;
  }
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
