import { InvalidArgumentError, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatReport, runBench } from '../bench/run-bench.js';
import { resolveDataFolder } from '../data-folder.js';
import type { GlobalOptions } from './context.js';

/** `bench`: the benchmark, measured side by side in one run (also `npm run bench`). */
export function addBenchCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('bench')
    .description('measure import, paging, concurrency, bulk edits and undo on a synthetic (or real) dictionary')
    .option('--entries <n>', 'entries of the synthetic dictionary', parsePositive, 100_000)
    .option('--file <lift>', 'measure this LIFT file instead of a synthetic one')
    .option('--runs <n>', 'timed runs per measure', parsePositive, 5)
    .option('--json <file>', 'also write every figure as JSON')
    .action(async (options: { entries: number; file?: string; runs: number; json?: string }) => {
      const dataFolder = join(resolveDataFolder(globals().data), 'bench');
      const report = await runBench({
        entries: options.entries,
        file: options.file ? resolve(options.file) : undefined,
        runs: options.runs,
        dataFolder,
        log: (line) => process.stderr.write(`bench: ${line}\n`),
      });
      if (options.json) writeFileSync(options.json, JSON.stringify(report, null, 2) + '\n');
      process.stdout.write(formatReport(report) + '\n');
    });
}

function parsePositive(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`"${text}" is not a positive whole number`);
  return n;
}
