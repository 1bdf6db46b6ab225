import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';
import type { FieldEdit } from '../../src-main/domain/edits.js';

const RUNNER = join(import.meta.dirname, '../fixtures/bulk-runner.ts');

/** What test/fixtures/bulk-runner.ts prints, a line at a time. */
export interface RunnerMessage {
  readonly opId?: number;
  readonly done?: number;
  readonly total?: number;
  readonly finished?: boolean;
  readonly state?: string;
}

export interface BulkRunner {
  readonly child: ChildProcessWithoutNullStreams;
  /** The next line the runner prints; it waits after each written batch until `goOn`. */
  next(): Promise<RunnerMessage>;
  goOn(): void;
  exited(): Promise<void>;
}

/** Previews and runs OP over a workset in another process, on the run's BaseX server. */
export function startBulkRunner(dataFolder: string, worksetId: number, op: FieldEdit): BulkRunner {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, dataFolder, JSON.stringify(inject('basex')), String(worksetId), JSON.stringify(op)]);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    async next() {
      const line = await lines.next();
      if (line.done) throw new Error('the bulk runner exited without saying more');
      return JSON.parse(line.value) as RunnerMessage;
    },
    goOn: () => void child.stdin.write('go\n'),
    exited: () => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()))),
  };
}
