import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/workset-browser.mjs');

export interface RunningHost {
  /** The address with its token, as `serve` printed it. */
  readonly url: string;
  readonly port: number;
  readonly dataFolder: string;
  /** Runs a `workset-browser` command against the same data folder (and BaseX server). */
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Kills the host at once (SIGKILL: no shutdown of its own), as a crash or a pulled plug would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `workset-browser serve` on a fresh data folder (its own embedded BaseX server, or the
 * server `basexUrl` names, as a second desktop would) and waits for the address it prints. Each
 * spec file gets its own host.
 */
export async function startHost(options: { sample?: boolean; basexUrl?: string; dataFolder?: string; port?: number } = {}): Promise<RunningHost> {
  // A data folder the spec names is the spec's to remove (it outlives a host started on it again).
  const owned = options.dataFolder === undefined;
  const dataFolder = options.dataFolder ?? mkdtempSync(join(tmpdir(), 'wb-e2e-'));
  const server = options.basexUrl ? ['--basex', options.basexUrl] : [];
  const portArgs = options.port === undefined ? [] : ['--port', String(options.port)];
  const args = [CLI, 'serve', '--json', '--data', dataFolder, ...server, ...portArgs, ...(options.sample ? [] : ['--no-sample'])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // The host's own complaints belong in the test output.
    process.stderr.write(`[serve] ${chunk.toString()}`);
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`[serve] exited with ${signal ?? code}\n`);
  });
  const line = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const { url, port } = JSON.parse(line) as { url: string; port: number };
  return {
    url,
    port,
    dataFolder,
    cli: (cliArgs) => run([CLI, ...cliArgs, '--data', dataFolder, ...server]),
    stop: () => stop(child, owned ? dataFolder : undefined),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolveRun({ code: code ?? 1, stdout, stderr }));
  });
}

async function stop(child: ChildProcess, dataFolder: string | undefined): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataFolder !== undefined) rmSync(dataFolder, { recursive: true, force: true });
}
