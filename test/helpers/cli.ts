import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { testServerUrl } from './basex.js';

/** The `workset-browser` command as a user runs it. */
export const CLI = resolve(import.meta.dirname, '../../bin/workset-browser.mjs');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `workset-browser ARGS` in its own process on a data folder, against the run's BaseX server. */
export function runCli(dataFolder: string, ...args: string[]): Promise<CliRun> {
  return runCliArgs([...args, '--data', dataFolder, '--basex', testServerUrl()]);
}

/** Runs `workset-browser ARGS` exactly as given, with `input` on its standard input. */
export function runCliArgs(args: readonly string[], input = ''): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A run's JSON output, once it exited 0 and said nothing on standard error. */
export function jsonOf<T>(run: CliRun): T {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}
